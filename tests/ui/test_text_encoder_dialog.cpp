// Project > Text encoder: the dialog stores a loadable choice in the project, refuses files that do
// not load (naming them, storing nothing) and goes back to the built-in features.
#include "tests/language/tiny_torchscript_encoder.h"

#include "core/demo/demo_project.h"
#include "core/jobs/text_encoder_setting.h"
#include "core/store/project.h"
#include "tests/support/temp_project.h"
#include "ui/text_encoder_dialog.h"

#include <QApplication>
#include <QLineEdit>
#include <QtTest>

using namespace sl;

class TestTextEncoderDialog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project;

    std::optional<jobs::TextEncoderSetting> stored() const
    {
        return jobs::textEncoderSetting(*store::Project::open(m_project));
    }

private slots:
    void initTestCase()
    {
        demo::DemoOptions options;
        options.clipCount = 1;
        m_project = m_dir.filePath(QStringLiteral("p"));
        demo::buildDemoProject(m_project, options, false);
    }

    void storesAChoiceThatLoadsAndRefusesOneThatDoesNot()
    {
        const QString vocab = test::writeFile(m_dir, QStringLiteral("vocab.txt"), test::kTinyVocab);
        const QString model = QString::fromStdString(test::saveTinyEncoder(m_dir, "tiny.pt", test::kTinyEncoderForward));
        const QString junk = test::writeFile(m_dir, QStringLiteral("junk.pt"), "not an archive");

        ui::TextEncoderDialog dialog(m_project);
        dialog.chooseFiles(junk, vocab, false);
        QVERIFY(!dialog.apply());
        QVERIFY2(dialog.errorText().contains(junk), qPrintable(dialog.errorText()));
        QVERIFY(!stored());

        dialog.chooseFiles(model, vocab, true);
        QVERIFY2(dialog.apply(), qPrintable(dialog.errorText()));
        QVERIFY(stored());
        QCOMPARE(stored()->modelFile, model);  // outside the project: kept absolute
        QVERIFY(stored()->cased);

        // A new dialog shows the stored choice; choosing the built-in features forgets it.
        ui::TextEncoderDialog again(m_project);
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("encoderModel"))->text(), model);
        again.chooseBuiltIn();
        QVERIFY(again.apply());
        QVERIFY(!stored());
    }
};

QTEST_MAIN(TestTextEncoderDialog)
#include "test_text_encoder_dialog.moc"
