// `sentilens-cli extract PROJECT --token-ids --text-encoder MODEL.pt` on an imported MMSA pickle:
// the dataset's own BERT token ids (text_bert: ids, mask, segment ids) go through a TorchScript
// BERT, and its hidden states become the project's text features (issue 14). The oracle is
// make_token_id_fixture.py, which runs the same module in PyTorch on the ids it wrote. Failures
// (a module without forward(), a project without token ids, --vocab beside --token-ids) change
// nothing.
#include "tests/cli/cli_runner.h"

#include "core/store/project.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using sl::test::cli;
using sl::test::CliResult;

namespace {

QString why(const CliResult &r) { return QString::fromUtf8(r.out + r.err); }

// Name of the project's current text feature set.
QString currentTextSet(const QString &project)
{
    auto opened = sl::store::Project::open(project);
    const auto set = opened->features().currentSet(QStringLiteral("T"));
    return set ? set->name : QString();
}

}  // namespace

class TestCliTokenIds : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

private slots:
    void initTestCase()
    {
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(QStringLiteral(SENTILENS_TEST_PYTHON), {QStringLiteral(SENTILENS_MAKE_FIXTURE), path(QStringLiteral("fixture"))});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAll().constData());
        const CliResult r = cli({QStringLiteral("import"), path(QStringLiteral("p")), path(QStringLiteral("fixture/bert_ids.pkl"))});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
    }

    void refusalsChangeNothing()
    {
        const QString project = path(QStringLiteral("p"));
        const QString before = currentTextSet(project);
        QVERIFY(before.endsWith(QLatin1String(" text")));
        CliResult r = cli({QStringLiteral("extract"), project, QStringLiteral("--token-ids"), QStringLiteral("--text-encoder"),
                           path(QStringLiteral("fixture/no_forward.pt"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no_forward.pt") && r.err.contains("forward()"), r.err.constData());
        r = cli({QStringLiteral("extract"), project, QStringLiteral("--token-ids"), QStringLiteral("--text-encoder"),
                 path(QStringLiteral("fixture/tiny_bert.pt")), QStringLiteral("--vocab"), path(QStringLiteral("fixture/expected.json"))});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(currentTextSet(project), before);

        // A project without token ids: a label.csv import of the same kind of clips has none.
        const QString plain = path(QStringLiteral("plain"));
        QDir().mkpath(plain);
        auto created = sl::store::Project::create(plain, QStringLiteral("plain"), sl::LabelScale());
        created.reset();
        r = cli({QStringLiteral("extract"), plain, QStringLiteral("--token-ids"), QStringLiteral("--text-encoder"),
                 path(QStringLiteral("fixture/tiny_bert.pt"))});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("no BERT token ids"), r.err.constData());
    }

    void hiddenStatesOfTheDatasetIds()
    {
        const QString project = path(QStringLiteral("p"));
        const CliResult r = cli({QStringLiteral("extract"), project, QStringLiteral("--token-ids"), QStringLiteral("--text-encoder"),
                                 path(QStringLiteral("fixture/tiny_bert.pt")), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(why(r)));
        const QJsonObject report = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(report.value(QStringLiteral("clips")).toInt(), 12);
        QCOMPARE(report.value(QStringLiteral("dims")).toInt(), 5);

        QFile file(path(QStringLiteral("fixture/expected.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject expected = QJsonDocument::fromJson(file.readAll()).object();
        auto opened = sl::store::Project::open(project);
        const auto set = opened->features().currentSet(QStringLiteral("T"));
        QVERIFY(set);
        QCOMPARE(set->name, report.value(QStringLiteral("feature_set")).toString());
        QCOMPARE(set->dims, 5);
        int checked = 0;
        for (const sl::store::Clip &clip : opened->clips().list()) {
            const QJsonArray rows = expected.value(clip.videoId + QStringLiteral("$_$") + clip.clipId).toArray();
            const auto stored = opened->features().load(set->id, clip.id);
            QVERIFY(stored);
            QCOMPARE(stored->frames, int(rows.size()));
            for (int t = 0; t < stored->frames; ++t)
                for (int d = 0; d < 5; ++d)
                    QVERIFY2(std::fabs(stored->data[size_t(t * 5 + d)] - rows[t].toArray()[d].toDouble()) < 1e-5,
                             qPrintable(QStringLiteral("%1 step %2 dim %3").arg(clip.videoId).arg(t).arg(d)));
            ++checked;
        }
        QCOMPARE(checked, 12);
        opened.reset();

        // The new features train like any other text features.
        const CliResult trained = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("late-fusion"),
                                       QStringLiteral("--epochs"), QStringLiteral("2")});
        QVERIFY2(trained.exitCode == 0, qPrintable(why(trained)));
    }
};

QTEST_GUILESS_MAIN(TestCliTokenIds)
#include "test_cli_token_ids.moc"
