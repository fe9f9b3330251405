// The project's text encoder setting: chosen once (here as the command line does), it makes every
// later text extraction add the encoder's embeddings; forgetting it goes back to the built-in
// features; files that do not load are refused with their name and nothing is stored.
#include "tests/language/tiny_torchscript_encoder.h"

#include "core/common/error.h"
#include "core/demo/demo_project.h"
#include "core/jobs/extraction_job.h"
#include "core/jobs/extraction_plan.h"
#include "core/jobs/text_encoder_setting.h"
#include "core/language/text_features.h"
#include "core/store/project.h"
#include "tests/support/temp_project.h"

#include <QtTest>

using namespace sl;

namespace {

jobs::ExtractionPlan textOnly()
{
    jobs::ExtractionPlan plan;
    plan.acoustic = plan.visual = false;
    plan.recognizeSpeech = false;
    return plan;
}

// Runs a text extraction and returns the text feature set models would now use.
store::FeatureSet extractText(const QString &projectPath)
{
    const jobs::PreparedExtraction prepared = jobs::prepareExtraction(projectPath, textOnly());
    jobs::ExtractionJob(projectPath, prepared.extractors, 1).run();
    const auto project = store::Project::open(projectPath);
    return project->features().currentSet(QStringLiteral("T")).value_or(store::FeatureSet{});
}

}  // namespace

class TestTextEncoderSetting : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_project, m_model, m_vocab;

private slots:
    void initTestCase()
    {
        demo::DemoOptions options;
        options.clipCount = 2;
        m_project = m_dir.filePath(QStringLiteral("p"));
        demo::buildDemoProject(m_project, options, false);
        m_vocab = test::writeFile(m_dir, QStringLiteral("p/encoder/vocab.txt"), test::kTinyVocab);
        m_model = QString::fromStdString(test::saveTinyEncoder(m_dir, "p/encoder/tiny.pt", test::kTinyEncoderForward));
    }

    void aChosenEncoderAddsItsEmbeddingsToTextFeatures()
    {
        const store::FeatureSet plain = extractText(m_project);
        QCOMPARE(plain.dims, language::kBaseTextDims);
        {
            auto project = store::Project::open(m_project);
            jobs::setTextEncoder(*project, {m_model, m_vocab, false});
            const auto stored = jobs::textEncoderSetting(*project);
            QVERIFY(stored);
            // Inside the project folder the files are kept relative, so the project can move.
            QCOMPARE(stored->modelFile, QStringLiteral("encoder/tiny.pt"));
        }
        const store::FeatureSet encoded = extractText(m_project);
        QCOMPARE(encoded.dims, language::kBaseTextDims + 3);
        QVERIFY(encoded.dimNames.contains(QStringLiteral("emb_2")));
        QVERIFY(encoded.id != plain.id);
        QVERIFY(encoded.configHash != plain.configHash);
    }

    void forgettingTheEncoderGoesBackToBuiltInFeatures()
    {
        {
            auto project = store::Project::open(m_project);
            jobs::setTextEncoder(*project, {m_model, m_vocab, false});
            jobs::clearTextEncoder(*project);
            QVERIFY(!jobs::textEncoderSetting(*project));
        }
        QCOMPARE(extractText(m_project).dims, language::kBaseTextDims);
    }

    void filesThatDoNotLoadAreRefusedByName()
    {
        auto project = store::Project::open(m_project);
        jobs::clearTextEncoder(*project);
        const QString junk = test::writeFile(m_dir, QStringLiteral("junk.pt"), "not a TorchScript archive");
        QString message;
        try {
            jobs::setTextEncoder(*project, {junk, m_vocab, false});
        } catch (const Error &error) {
            message = error.message();
        }
        QVERIFY2(message.contains(junk), qPrintable(message));
        QVERIFY(!jobs::textEncoderSetting(*project));  // nothing stored
    }
};

QTEST_GUILESS_MAIN(TestTextEncoderSetting)
#include "test_text_encoder_setting.moc"
