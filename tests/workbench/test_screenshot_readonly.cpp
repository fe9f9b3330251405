// A screenshot never changes the project (issue 17): `sentilens PROJECT --show training
// --screenshot F` is run as a program, offscreen, on a demo project with features. Before and
// after, the project folder's every entry (name, size, modification time), the database's bytes,
// and its models and labels tables are the same, the annotator named is not recorded, and the
// screenshot is written.
#include "core/store/project.h"
#include "tests/support/temp_project.h"
#include "tests/support_gui/extracted_demo.h"
#include "tests/support_gui/test_window.h"

#include <QDirIterator>
#include <QImage>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QtTest>

using namespace sl;

namespace {

// Every entry under `folder` with its size and modification time, to the nanosecond the file
// system keeps.
QStringList folderState(const QString &folder)
{
    QStringList entries;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        entries << QStringLiteral("%1 %2 %3")
                       .arg(QDir(folder).relativeFilePath(info.filePath()))
                       .arg(info.size())
                       .arg(info.lastModified().toMSecsSinceEpoch());
    }
    entries.sort();
    return entries;
}

// Every row of `table`, field by field.
QStringList tableRows(const store::Project &project, const QString &table)
{
    QSqlQuery query(project.db());
    if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(table)))
        qFatal("cannot read table %s", qPrintable(table));
    QStringList rows;
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < query.record().count(); ++i)
            fields << query.value(i).toString();
        rows << fields.join(QLatin1Char('|'));
    }
    return rows;
}

}  // namespace

class TestScreenshotReadonly : public QObject {
    Q_OBJECT
private slots:
    void trainingScreenshotLeavesTheProjectUnchanged()
    {
        test::isolateSettings();
        const QString app = qEnvironmentVariable("SENTILENS_APP");
        QVERIFY2(QFileInfo(app).isExecutable(), "SENTILENS_APP must name the sentilens program");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString folder = dir.filePath(QStringLiteral("demo"));
        test::buildExtractedDemo(folder, 12);
        // As in a project that has trained before: a trained model's file would land here.
        QVERIFY(QDir(folder).mkpath(QStringLiteral("models")));

        QStringList models;
        QStringList labels;
        {
            auto project = store::Project::open(folder);
            models = tableRows(*project, QStringLiteral("models"));
            labels = tableRows(*project, QStringLiteral("labels"));
        }  // closed: SQLite folds its log back and removes it
        QVERIFY(!labels.isEmpty());
        const QStringList before = folderState(folder);
        const QByteArray databaseBefore = test::fileHash(QDir(folder).filePath(QStringLiteral("project.sqlite")));

        const QString shot = dir.filePath(QStringLiteral("training.png"));
        QProcess run;
        run.setProcessChannelMode(QProcess::MergedChannels);
        run.start(app, {folder, QStringLiteral("--annotator"), QStringLiteral("screenshot-tester"), QStringLiteral("--size"),
                        QStringLiteral("1366x768"), QStringLiteral("--show"), QStringLiteral("training"),
                        QStringLiteral("--screenshot"), shot});
        QVERIFY(run.waitForFinished(120000));
        QVERIFY2(run.exitCode() == 0, run.readAll().right(2000).constData());
        QVERIFY(!QImage(shot).isNull());

        QCOMPARE(folderState(folder), before);
        QCOMPARE(test::fileHash(QDir(folder).filePath(QStringLiteral("project.sqlite"))), databaseBefore);
        auto project = store::Project::open(folder);
        QCOMPARE(tableRows(*project, QStringLiteral("models")), models);
        QCOMPARE(tableRows(*project, QStringLiteral("labels")), labels);
        QVERIFY(tableRows(*project, QStringLiteral("annotators")).join(QLatin1Char(' ')).indexOf(QLatin1String("screenshot-tester")) < 0);
    }
};

QTEST_MAIN(TestScreenshotReadonly)
#include "test_screenshot_readonly.moc"
