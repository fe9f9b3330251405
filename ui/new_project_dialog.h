#pragma once
// File > New: an empty project, with a name and a label scale, either in a folder of the user's
// choice (an SQLite file) or in an empty database on a PostgreSQL server that a team shares (with
// this machine's media root). The dialog creates it through store::Project::create, the call
// 'sentilens-cli init' and 'init --server' make, and stays open with the reason when it cannot
// (a folder that holds a project, a server that does not answer or refuses the user, a database
// that already holds a project).
#include "core/common/label_scale.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QLabel;
class QStackedWidget;

namespace sl::ui {

class ServerLocationFields;

class NewProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(QWidget *parent = nullptr);

    bool onServer() const;
    QString folder() const;
    QString location() const;  // the folder, or the server's URL
    QString name() const;      // the folder's (the database's) name when left empty
    LabelScale scale() const;
    QString problem() const;   // why the last Create did not create (empty after success)

    void accept() override;  // creates the project; refuses with the reason shown

private:
    QComboBox *m_store = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_folder = nullptr;
    ServerLocationFields *m_server = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_scale = nullptr;
    QLabel *m_problem = nullptr;

    void showProblem(const QString &problem);
};

}  // namespace sl::ui
