// Issue 19: the window's New project makes a project on a PostgreSQL server as 'sentilens-cli init
// --server' does, and File > Open server project opens one, both against a real throwaway
// PostgreSQL cluster (tests/support/postgres_cluster.h). The dialogs say what is wrong, and stay
// open, when the server does not answer, refuses the user, has no such database, or already holds
// a project there. With SENTILENS_SCREENSHOTS set, the New project dialog on the window is saved
// at 1920x1080 and 1366x768 (docs/screenshots/new-project-server{,-error}-{1080,768}.png).
#include "core/store/media_root.h"
#include "core/store/project.h"
#include "core/store/server_location.h"
#include "core/session/labeling_session.h"
#include "ui/main_window.h"
#include "ui/new_project_dialog.h"
#include "ui/open_server_dialog.h"
#include "ui/server_location_fields.h"
#include "ui/shortcut_registry.h"
#include "tests/support/postgres_cluster.h"
#include "tests/support_gui/test_window.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>
#include <functional>

using namespace sl;
using ui::NewProjectDialog;
using ui::OpenServerDialog;

namespace {

// Answers the next modal dialog from inside its event loop (as test_first_start does).
void answerNextDialog(const std::function<void(QWidget *)> &answer)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, [poll, answer] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            poll->stop();
            poll->deleteLater();
            answer(modal);
        }
    });
    poll->start();
    QTimer::singleShot(10000, poll, [poll] { poll->deleteLater(); });
}

void fillServer(QWidget *dialog, const QString &url, const QString &mediaRoot)
{
    dialog->findChild<QLineEdit *>(QStringLiteral("serverUrl"))->setText(url);
    dialog->findChild<QLineEdit *>(QStringLiteral("serverMediaRoot"))->setText(mediaRoot);
}

// The same database name on the test cluster's socket, for a user or database that is not there.
QString withUserAndDatabase(const QString &url, const QString &user, const QString &database)
{
    QString changed = url;
    changed.replace(QStringLiteral("postgresql://sentilens@"), QStringLiteral("postgresql://%1@").arg(user));
    return changed.left(changed.lastIndexOf(QLatin1Char('/')) + 1) + database;
}

}  // namespace

class TestServerProjectDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        // Media roots are per-machine settings; in QStandardPaths' test mode they live under
        // ~/.qttest, which earlier runs share: start from none.
        QVERIFY(QStandardPaths::isTestModeEnabled());
        QFile::remove(store::machineSettingsPath());
        if (test::PostgresCluster::binDir().isEmpty())
            QSKIP("PostgreSQL's server programs (initdb, pg_ctl) are not installed (Debian: postgresql-15)");
        m_cluster = std::make_unique<test::PostgresCluster>();
        QVERIFY2(m_cluster->isRunning(), qPrintable(m_cluster->error()));
        m_media = m_dir.filePath(QStringLiteral("media"));
        QVERIFY(QDir().mkpath(m_media));
    }

    void newProjectOnTheServer()
    {
        const QString url = m_cluster->createDatabase();
        NewProjectDialog dialog;
        dialog.findChild<QComboBox *>(QStringLiteral("newProjectStore"))->setCurrentIndex(1);
        QVERIFY(dialog.onServer());
        fillServer(&dialog, url, m_media);
        dialog.findChild<QLineEdit *>(QStringLiteral("newProjectName"))->setText(QStringLiteral("Team corpus"));
        dialog.findChild<QComboBox *>(QStringLiteral("newProjectScale"))->setCurrentIndex(1);  // CH-SIMS
        dialog.accept();
        QCOMPARE(dialog.problem(), QString());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.location(), url);

        // What init --server makes: the project in the database, the media root recorded here.
        auto project = store::Project::open(url);
        QVERIFY(project->isServer());
        QCOMPARE(project->name(), QStringLiteral("Team corpus"));
        QCOMPARE(project->labelScale().kind(), LabelScale::Kind::Sims);
        QCOMPARE(project->folder(), QDir(m_media).absolutePath());
        QCOMPARE(store::mediaRootFor(store::parseServerLocation(url).display()), QDir(m_media).absolutePath());

        // A second New project on the same database is refused, with the way to open it.
        NewProjectDialog again;
        again.findChild<QComboBox *>(QStringLiteral("newProjectStore"))->setCurrentIndex(1);
        fillServer(&again, url, m_media);
        again.accept();
        QVERIFY(again.result() != int(QDialog::Accepted));
        QVERIFY2(again.problem().contains(QStringLiteral("a project already exists in this database")), qPrintable(again.problem()));
        QVERIFY(again.problem().contains(QStringLiteral("File > Open server project")));
    }

    void clearReasonsWhenTheServerCannotBeUsed()
    {
        const QString url = m_cluster->createDatabase();
        struct Case {
            QString url, mediaRoot, expected;
        };
        const QList<Case> cases{
            {QString(), m_media, QStringLiteral("Enter the server's address")},
            {QStringLiteral("postgresql://"), m_media, QStringLiteral("postgresql://")},
            {url, QString(), QStringLiteral("Choose the media root")},
            {url, m_dir.filePath(QStringLiteral("no-such-folder")), QStringLiteral("is not a folder on this machine")},
            // Nothing listens on TCP port 1.
            {QStringLiteral("postgresql://ana@127.0.0.1:1/corpus"), m_media,
             QStringLiteral("the server does not answer at 127.0.0.1 port 1")},
            {withUserAndDatabase(url, QStringLiteral("ghost"), store::parseServerLocation(url).database), m_media,
             QStringLiteral("the server refused user 'ghost'")},
            {withUserAndDatabase(url, QStringLiteral("sentilens"), QStringLiteral("nocorpus")), m_media,
             QStringLiteral("the server has no database 'nocorpus'")},
        };
        for (const Case &c : cases) {
            NewProjectDialog dialog;
            dialog.findChild<QComboBox *>(QStringLiteral("newProjectStore"))->setCurrentIndex(1);
            fillServer(&dialog, c.url, c.mediaRoot);
            dialog.accept();
            QVERIFY2(dialog.result() != int(QDialog::Accepted), qPrintable(c.url));
            QVERIFY2(dialog.problem().contains(c.expected), qPrintable(c.url + QStringLiteral(" -> ") + dialog.problem()));
        }
        // None of them made a project in the good database.
        QVERIFY(!store::Project::existsAt(url));
        // Nor left a media root behind for an address that holds no project.
        QCOMPARE(store::mediaRootFor(store::parseServerLocation(QStringLiteral("postgresql://ana@127.0.0.1:1/corpus")).display()),
                 QString());
    }

    void theWindowCreatesAndOpensServerProjects()
    {
        const QString url = m_cluster->createDatabase();
        const QString otherMachine = m_dir.filePath(QStringLiteral("other-machine"));
        QVERIFY(QDir().mkpath(otherMachine));
        m_window = std::make_unique<ui::MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        answerNextDialog([this, url](QWidget *modal) {
            auto *dialog = qobject_cast<NewProjectDialog *>(modal);
            QVERIFY(dialog);
            dialog->findChild<QComboBox *>(QStringLiteral("newProjectStore"))->setCurrentIndex(1);
            dialog->findChild<QLineEdit *>(QStringLiteral("newProjectName"))->setText(QStringLiteral("Shared pilot"));
            // First a server that does not answer: the dialog stays, with the reason.
            fillServer(dialog, QStringLiteral("postgresql://ana@127.0.0.1:1/corpus"), m_media);
            dialog->accept();
            QVERIFY(dialog->isVisible());
            QVERIFY(!dialog->problem().isEmpty());
            screenshots(dialog, QStringLiteral("new-project-server-error"));
            fillServer(dialog, url, m_media);
            screenshots(dialog, QStringLiteral("new-project-server"));
            dialog->accept();
        });
        m_window->shortcuts()->action(QStringLiteral("file.new"))->trigger();
        QVERIFY2(m_window->session(), qPrintable(m_window->lastError()));
        QVERIFY(m_window->session()->project().isServer());
        QCOMPARE(m_window->session()->project().name(), QStringLiteral("Shared pilot"));
        m_window->closeProject();
        QVERIFY(!m_window->session());

        // File > Open server project, as on a machine that mounts the media elsewhere.
        QAction *open = m_window->shortcuts()->action(QStringLiteral("file.openServer"));
        QVERIFY(open);
        answerNextDialog([url, otherMachine](QWidget *modal) {
            auto *dialog = qobject_cast<OpenServerDialog *>(modal);
            QVERIFY(dialog);
            fillServer(dialog, url, otherMachine);
            dialog->accept();
        });
        open->trigger();
        QVERIFY2(m_window->session(), qPrintable(m_window->lastError()));
        QCOMPARE(m_window->session()->project().databasePath(), store::parseServerLocation(url).display());
        QCOMPARE(m_window->session()->project().folder(), QDir(otherMachine).absolutePath());
        m_window->closeProject();

        // An empty database holds no project to open: the dialog says so and stays open.
        const QString empty = m_cluster->createDatabase();
        OpenServerDialog dialog;
        fillServer(&dialog, empty, m_media);
        dialog.accept();
        QVERIFY(dialog.result() != int(QDialog::Accepted));
        QVERIFY2(dialog.problem().contains(QStringLiteral("no SentiLens project in this database")), qPrintable(dialog.problem()));
        m_window.reset();
    }

private:
    // The window at each size with the dialog drawn over its middle, as a person sees it.
    void screenshots(QWidget *dialog, const QString &name)
    {
        const QString folder = qEnvironmentVariable("SENTILENS_SCREENSHOTS");
        if (folder.isEmpty())
            return;
        const QSize before = m_window->size();
        for (const QSize size : {QSize(1920, 1080), QSize(1366, 768)}) {
            m_window->resize(size);
            QTest::qWait(100);
            QPixmap picture = m_window->grab();
            const QPixmap over = dialog->grab();
            // Offscreen windows have no frame: a title bar and border stand in for the window manager's.
            const int titleHeight = 28;
            const QRect frame((picture.width() - over.width()) / 2 - 1, (picture.height() - over.height()) / 3 - titleHeight,
                              over.width() + 2, over.height() + titleHeight + 1);
            QPainter painter(&picture);
            painter.fillRect(frame, QColor(0x3c, 0x3f, 0x44));
            painter.setPen(Qt::white);
            painter.drawText(frame.adjusted(10, 0, 0, -over.height() - 1), Qt::AlignVCenter | Qt::AlignLeft, dialog->windowTitle());
            painter.drawPixmap(frame.left() + 1, frame.top() + titleHeight, over);
            painter.end();
            picture.save(QStringLiteral("%1/%2-%3.png").arg(folder, name).arg(size.height()));
        }
        m_window->resize(before);
    }

    QTemporaryDir m_dir;
    QString m_media;
    std::unique_ptr<test::PostgresCluster> m_cluster;
    std::unique_ptr<ui::MainWindow> m_window;
};

int main(int argc, char *argv[])
{
    return sl::test::runWindowTest<TestServerProjectDialog>(argc, argv, "test_server_project_dialog");
}
#include "test_server_project_dialog.moc"
