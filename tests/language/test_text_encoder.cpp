// The optional TorchScript text encoder, with tiny modules built here: each piece's hidden state is
// a row of a table indexed by its id, so the expected token embeddings (means over pieces) are
// known exactly. Covers tuple and dict outputs, one- and two-input forwards, long inputs cut into
// windows, and clear errors for broken files.
#include "tests/language/tiny_torchscript_encoder.h"

#include "core/common/error.h"
#include "core/language/text_features.h"
#include "core/language/torchscript_encoder.h"
#include "tests/support/temp_project.h"

#include <QtTest>

using namespace sl::language;

namespace {

const char *const kVocab = sl::test::kTinyVocab;

std::string saveModule(const QTemporaryDir &dir, const char *name, const std::string &source)
{
    return sl::test::saveTinyEncoder(dir, name, source);
}

std::vector<float> expectedRow(std::initializer_list<int> ids)
{
    std::vector<float> row(3, 0.0f);
    for (int id : ids) {
        row[0] += float(id) / float(ids.size());
        row[1] += 10.0f * float(id) / float(ids.size());
    }
    row[2] = 1.0f;
    return row;
}

}  // namespace

class TestTextEncoder : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_vocab;
    QString m_tupleModel, m_dictModel;

    void checkEmbeddings(const EncoderChoice &choice)
    {
        QCOMPARE(choice.dims, 3);
        const std::unique_ptr<TokenEncoder> encoder = choice.make();
        const std::vector<float> out = encoder->encode({QStringLiteral("Hello"), QStringLiteral("running"),
                                                        QStringLiteral("zzz"), QStringLiteral("!")});
        std::vector<float> expected;
        for (const auto &row : {expectedRow({4}), expectedRow({5, 6}), expectedRow({1}), expectedRow({7})})
            expected.insert(expected.end(), row.begin(), row.end());
        QCOMPARE(out.size(), expected.size());
        for (size_t i = 0; i < out.size(); ++i)
            QVERIFY2(qAbs(out[i] - expected[i]) < 1e-5, qPrintable(QStringLiteral("value %1: %2 vs %3").arg(i).arg(out[i]).arg(expected[i])));
    }

private slots:
    void initTestCase()
    {
        m_vocab = sl::test::writeFile(m_dir, QStringLiteral("vocab.txt"), kVocab);
        m_tupleModel = QString::fromStdString(saveModule(m_dir, "tuple.pt", R"JIT(
def forward(self, input_ids, attention_mask):
    hidden = self.table.index_select(0, input_ids.view(-1)).unsqueeze(0)
    return (hidden * attention_mask.unsqueeze(-1).to(hidden.dtype), input_ids)
)JIT"));
        m_dictModel = QString::fromStdString(saveModule(m_dir, "dict.pt", R"JIT(
def forward(self, input_ids):
    return {"last_hidden_state": self.table.index_select(0, input_ids.view(-1)).unsqueeze(0)}
)JIT"));
    }

    void tokenEmbeddingsAreMeansOverPieces()
    {
        checkEmbeddings(torchScriptEncoder(m_tupleModel, m_vocab));
        checkEmbeddings(torchScriptEncoder(m_dictModel, m_vocab));
    }

    void longInputsAreCutIntoWindows()
    {
        TorchScriptEncoderOptions options;
        options.maxPieces = 3;  // one piece between [CLS] and [SEP]
        checkEmbeddings(torchScriptEncoder(m_tupleModel, m_vocab, options));
    }

    void embeddingsBecomeNamedColumns()
    {
        const EncoderChoice choice = torchScriptEncoder(m_tupleModel, m_vocab);
        QVERIFY(choice.description.contains(m_tupleModel));
        const std::unique_ptr<TokenEncoder> encoder = choice.make();
        const QList<TimedToken> tokens = timeTokens(QStringLiteral("hello running"), {}, 1.0, {});
        const sl::features::FeatureMatrix m = textFeatures(tokens, VaderAnalyzer(), *WordVectors::standard(), *ValenceAxis::standard(), encoder.get());
        QCOMPARE(m.dims(), size_t(kBaseTextDims + 3));
        QCOMPARE(m.names[kBaseTextDims], std::string("emb_0"));
        QCOMPARE(m.at(1, size_t(m.column("emb_1"))), 55.0f);
    }

    void brokenFilesAreNamed()
    {
        const QString notAModule = sl::test::writeFile(m_dir, QStringLiteral("junk.pt"), "not a zip archive");
        const auto messageOf = [](const std::function<void()> &load) {
            try {
                load();
            } catch (const sl::Error &error) {
                return error.message();
            }
            return QString();
        };
        QVERIFY(messageOf([&] { torchScriptEncoder(notAModule, m_vocab); }).contains(notAModule));
        const QString missing = m_dir.filePath(QStringLiteral("missing.pt"));
        QVERIFY(messageOf([&] { torchScriptEncoder(missing, m_vocab); }).contains(missing));
        const QString noCls = sl::test::writeFile(m_dir, QStringLiteral("nocls.txt"), "[UNK]\nhello\n");
        QVERIFY(messageOf([&] { torchScriptEncoder(m_tupleModel, noCls); }).contains(QStringLiteral("[CLS]")));
        const QString flat = QString::fromStdString(saveModule(m_dir, "flat.pt", R"JIT(
def forward(self, input_ids):
    return self.table.sum()
)JIT"));
        QVERIFY(messageOf([&] { torchScriptEncoder(flat, m_vocab); }).contains(flat));
    }
};

QTEST_GUILESS_MAIN(TestTextEncoder)
#include "test_text_encoder.moc"
