#pragma once
// The two things a window needs to reach a project on a PostgreSQL server: its address
// (postgresql://user@host/db) and the folder where this machine keeps the project's media (the
// media root, a per-machine setting; see core/store/media_root.h). Shared by File > New project
// and File > Open server project.
#include <QWidget>

class QLineEdit;

namespace sl::ui {

class ServerLocationFields : public QWidget {
    Q_OBJECT
public:
    explicit ServerLocationFields(QWidget *parent = nullptr);

    QString url() const;
    QString mediaRoot() const;

    // What is wrong with the fields as typed ("" when nothing is): an empty or malformed address
    // (the parser's own message) or a media root that is empty or not a folder. Reaches no server.
    QString problem() const;
    // Records the media root for the address on this machine. Throws sl::Error.
    void recordMediaRoot() const;

private:
    QLineEdit *m_url = nullptr;
    QLineEdit *m_mediaRoot = nullptr;
};

}  // namespace sl::ui
