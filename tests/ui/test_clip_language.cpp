// Edit > Set clip language (issue 16): the language of the current clip or of every clip the list
// shows, written to the project (read back over a connection of its own), a recognised
// transcript in another language cleared, and a bad code refused with nothing changed.
#include "tests/support_gui/test_window.h"

#include "core/store/project.h"
#include "ui/clip_browser.h"

using namespace sl;

class TestClipLanguage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_project = test::buildSmallDemo(m_dir, 6);
        // One clip "recognised" by the English recogniser, as a Mandarin clip heard as English was.
        auto project = store::Project::open(m_project);
        const store::Clip clip = project->clips().list().first();
        project->clips().setTranscript(clip.id, QStringLiteral("open and i hate up"), QStringLiteral("asr"));
        m_recognised = clip.id;
    }

    void setsTheCurrentClipAndClearsForeignWords()
    {
        std::unique_ptr<ui::MainWindow> window;
        test::openWindowForTestFunction(window, m_project);
        QVERIFY(window->clipBrowser()->selectClip(m_recognised));
        QVERIFY(window->setClipLanguage({window->clipBrowser()->currentClipId()}, QStringLiteral("ZH-cn")));
        auto project = store::Project::open(m_project);
        const store::Clip after = *project->clips().find(m_recognised);
        QCOMPARE(after.language, QStringLiteral("zh"));
        QVERIFY(after.transcript.isEmpty());
        QCOMPARE(after.transcriptSource, QStringLiteral("none"));
        // The other clips keep what they had.
        for (const store::Clip &clip : project->clips().list())
            if (clip.id != m_recognised)
                QVERIFY(clip.language != QLatin1String("zh"));
    }

    void setsEveryListedClipAndRefusesABadCode()
    {
        std::unique_ptr<ui::MainWindow> window;
        test::openWindowForTestFunction(window, m_project);
        const QList<qint64> listed = window->clipBrowser()->listedClipIds();
        QCOMPARE(listed.size(), 6);
        QVERIFY(!window->setClipLanguage(listed, QStringLiteral("not a language")));
        QVERIFY(!window->lastError().isEmpty());
        QVERIFY(window->setClipLanguage(listed, QStringLiteral("fr")));
        auto project = store::Project::open(m_project);
        for (const store::Clip &clip : project->clips().list())
            QCOMPARE(clip.language, QStringLiteral("fr"));
        QVERIFY(window->setClipLanguage(listed, QString()));  // unknown again
        for (const store::Clip &clip : store::Project::open(m_project)->clips().list())
            QVERIFY(clip.language.isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
    qint64 m_recognised = 0;
};

int main(int argc, char *argv[]) { return test::runWindowTest<TestClipLanguage>(argc, argv, "test_clip_language"); }
#include "test_clip_language.moc"
