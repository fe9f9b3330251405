// sentilens-cli explain --plots on a small generated demo project with a KAN-MCP model: the
// per-clip and dataset plots are written as PNG, PDF and SVG files of the size asked for, listed
// in the JSON; bad formats and sizes are usage errors.
#include "tests/cli/cli_runner.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using sl::test::cli;
using sl::test::CliResult;

constexpr int kTimeoutMs = 300000;

QByteArray head(const QString &path, int bytes)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

}  // namespace

class TestCliExplainPlots : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QVERIFY2(QFile::exists(qEnvironmentVariable("SENTILENS_CLI")), "SENTILENS_CLI not set"); }

    void writesPlots()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("demo"));
        QCOMPARE(cli({QStringLiteral("demo"), project, QStringLiteral("--clips"), QStringLiteral("6")}, kTimeoutMs).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("extract"), project}, kTimeoutMs).exitCode, 0);
        const CliResult train = cli({QStringLiteral("train"), project, QStringLiteral("--arch"), QStringLiteral("kan-mcp"),
                                     QStringLiteral("--epochs"), QStringLiteral("2")}, kTimeoutMs);
        QVERIFY2(train.exitCode == 0, train.err.constData());

        const QString plots = dir.filePath(QStringLiteral("plots"));
        QCOMPARE(cli({QStringLiteral("explain"), project, QStringLiteral("--plots"), plots, QStringLiteral("--plot-formats"),
                      QStringLiteral("png,gif")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("explain"), project, QStringLiteral("--plots"), plots, QStringLiteral("--plot-size"),
                      QStringLiteral("50x20")}).exitCode, 2);

        const CliResult run = cli({QStringLiteral("explain"), project, QStringLiteral("--clip"), QStringLiteral("1"), QStringLiteral("--plots"),
                                   plots, QStringLiteral("--plot-formats"), QStringLiteral("png,pdf,svg"), QStringLiteral("--plot-size"),
                                   QStringLiteral("640x400"), QStringLiteral("--json")}, kTimeoutMs);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const QJsonArray files = run.json().value(QStringLiteral("plots")).toArray();
        // contributions, saliency, KAN grid, KAN edge; three formats each (KAN-MCP has no mask).
        QCOMPARE(files.size(), 4 * 3);
        for (const QJsonValue &value : files) {
            const QString file = value.toString();
            QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
            if (file.endsWith(QLatin1String(".png"))) {
                QCOMPARE(head(file, 4), QByteArray("\x89PNG"));
                // The IHDR chunk's width and height (big-endian, bytes 16..23): the size asked for.
                const QByteArray ihdr = head(file, 24);
                const auto word = [&](int at) { return (uchar(ihdr[at]) << 24) | (uchar(ihdr[at + 1]) << 16) | (uchar(ihdr[at + 2]) << 8) | uchar(ihdr[at + 3]); };
                QCOMPARE(word(16), 640);
                QCOMPARE(word(20), 400);
            } else if (file.endsWith(QLatin1String(".pdf"))) {
                QCOMPARE(head(file, 5), QByteArray("%PDF-"));
            } else {
                QVERIFY(file.endsWith(QLatin1String(".svg")));
                QVERIFY(head(file, 400).contains("<svg"));
            }
        }
        QVERIFY(QFile::exists(QDir(plots).filePath(QStringLiteral("%1_kan.png")
                                                       .arg(QFileInfo(files.first().toString()).fileName().section(QStringLiteral("_contributions"), 0, 0)))));

        // Without --clip the dataset views come too.
        const QString all = dir.filePath(QStringLiteral("all"));
        const CliResult dataset = cli({QStringLiteral("explain"), project, QStringLiteral("--plots"), all}, kTimeoutMs);
        QVERIFY2(dataset.exitCode == 0, dataset.err.constData());
        for (const char *name : {"dataset_predicted_vs_true.png", "dataset_confusion_acc2.png", "dataset_confusion_acc7.png",
                                 "dataset_contributions.png"})
            QVERIFY2(QFile::exists(QDir(all).filePath(QLatin1String(name))), name);
        QCOMPARE(QDir(all).entryList({QStringLiteral("*_saliency.png")}).size(), 6);
    }
};

QTEST_MAIN(TestCliExplainPlots)
#include "test_cli_explain_plots.moc"
