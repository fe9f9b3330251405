#pragma once
// What the window shows when no project is open: the ways to get to one (recent projects, the demo
// project, a new project, an import of a dataset folder, label.csv, MMSA pickle or folder of
// videos), so that a first start is not an empty window behind a question.
#include <QWidget>

class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace sl::ui {

struct RecentProject {
    QString path;
    QString name;  // empty when not known (a project opened before names were kept)
};

class StartPage : public QWidget {
    Q_OBJECT
public:
    explicit StartPage(QWidget *parent = nullptr);

    void setRecentProjects(const QList<RecentProject> &recent);
    QListWidget *recentList() const { return m_recent; }
    // The buttons, by object name: "startOpen", "startDemo", "startNew", "startImportPickle",
    // "startImportCsv", "startImportDataset", "startImportVideos".
    QPushButton *button(const QString &objectName) const;

signals:
    void openRecentRequested(const QString &path);
    void openRequested();
    void demoRequested();
    void newProjectRequested();
    // kind: "pickle", "csv", "dataset" or "videos" (what the file dialog asks for).
    void importRequested(const QString &kind);

private:
    void activateRecent(QListWidgetItem *item);

    QListWidget *m_recent = nullptr;
};

}  // namespace sl::ui
