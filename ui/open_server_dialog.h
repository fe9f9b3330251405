#pragma once
// File > Open server project: a project in a PostgreSQL database, reached by its address, with
// the folder where this machine keeps its media (asked once per machine, then offered again).
// The dialog records the media root, opens the project once to check it, and stays open with the
// reason when that fails (no answer, user refused, no project in the database).
#include <QDialog>

class QLabel;

namespace sl::ui {

class ServerLocationFields;

class OpenServerDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenServerDialog(QWidget *parent = nullptr);

    QString url() const;
    QString problem() const;  // why the last Open did not open (empty after success)
    ServerLocationFields *fields() const { return m_fields; }

    void accept() override;

private:
    ServerLocationFields *m_fields = nullptr;
    QLabel *m_problem = nullptr;
};

}  // namespace sl::ui
