// Jobs > Speech recogniser: the dialog stores a usable Whisper model in the project, refuses a file
// that is not one (naming it, storing nothing) and goes back to PocketSphinx. With
// SENTILENS_SCREENSHOT_DIR set it also saves pictures of itself for a person to look at.
#include "core/language/asr_model_setting.h"
#include "core/store/project.h"
#include "tests/language/language_projects.h"
#include "tests/support/temp_project.h"
#include "ui/speech_model_dialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QProcess>
#include <QScreen>
#include <QtTest>

using namespace sl;

class TestSpeechModelDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;

    QString stored() const { return language::projectAsrModel(*store::Project::open(m_project)); }

    static void screenshot(QWidget &dialog, const QString &name)
    {
        const QString folder = qEnvironmentVariable("SENTILENS_SCREENSHOT_DIR");
        if (folder.isEmpty())
            return;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.grab().save(folder + QStringLiteral("/") + name));
        dialog.hide();
    }

private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath(QStringLiteral("p"));
        test::languageProject(m_project, QStringLiteral("zh"));
    }

    void storesAUsableModelAndRefusesAnother()
    {
        const QString model = m_dir.filePath(QStringLiteral("ggml-tiny-test.bin"));
        QProcess writer;
        writer.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(SENTILENS_TINY_WHISPER_WRITER), model,
                                                          QStringLiteral("zh"), QStringLiteral(" word")});
        QVERIFY(writer.waitForFinished(60000) && writer.exitCode() == 0);
        const QString junk = test::writeFile(m_dir, QStringLiteral("junk.bin"), "not a model");

        ui::SpeechModelDialog dialog(m_project);
        screenshot(dialog, QStringLiteral("speech-model-dialog-default.png"));
        dialog.chooseWhisper(junk);
        QVERIFY(!dialog.apply());
        QVERIFY2(dialog.errorText().contains(junk), qPrintable(dialog.errorText()));
        screenshot(dialog, QStringLiteral("speech-model-dialog-error.png"));
        QVERIFY(stored().isEmpty());

        dialog.chooseWhisper(model);
        QVERIFY2(dialog.apply(), qPrintable(dialog.errorText()));
        QCOMPARE(stored(), model);

        // A new dialog shows the stored choice; choosing PocketSphinx forgets it.
        ui::SpeechModelDialog again(m_project);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("whisperModel"))->text(), model);
        screenshot(again, QStringLiteral("speech-model-dialog-whisper.png"));
        again.choosePocketSphinx();
        QVERIFY(again.apply());
        QVERIFY(stored().isEmpty());
    }
};

QTEST_MAIN(TestSpeechModelDialog)
#include "test_speech_model_dialog.moc"
