#include "core/common/error.h"
#include "core/io/folder_importer.h"
#include "core/store/project.h"
#include "tests/support/temp_project.h"

#include <QtTest>

using namespace sl;
using namespace sl::store;

namespace {
const QByteArray kVideoBytes("media bytes; the folder importer does not decode");

std::unique_ptr<Project> newProject(const QTemporaryDir &dir)
{
    return Project::create(dir.filePath(QStringLiteral("project")), QStringLiteral("p"), LabelScale());
}
}  // namespace

class TestFolderImport : public QObject {
    Q_OBJECT
private slots:
    void importsVideosWithTheirTranscripts()
    {
        QTemporaryDir dir;
        test::writeFile(dir, QStringLiteral("clips/a.mp4"), kVideoBytes);
        test::writeFile(dir, QStringLiteral("clips/a.srt"),
                        "1\n00:00:00,000 --> 00:00:01,200\nHello there\n\n2\n00:00:01,300 --> 00:00:02,000\nfriend\n");
        test::writeFile(dir, QStringLiteral("clips/b.MKV"), kVideoBytes);
        test::writeFile(dir, QStringLiteral("clips/b.txt"), "\xEF\xBB\xBFwith a byte order mark\n");
        test::writeFile(dir, QStringLiteral("clips/session2/c.webm"), kVideoBytes);
        test::writeFile(dir, QStringLiteral("clips/session2/c.vtt"), "WEBVTT\n\n00:01.000 --> 00:02.500\n<v Ann>nice</v>\n");
        test::writeFile(dir, QStringLiteral("clips/notes.md"), "not a video");
        auto project = newProject(dir);
        io::ImportOptions options;
        options.split = QStringLiteral("test");
        const io::ImportReport report = io::importVideoFolder(*project, dir.filePath(QStringLiteral("clips")), options);
        QVERIFY2(report.problems.isEmpty(), qPrintable(toStrings(report.problems).join('\n')));
        QCOMPARE(report.clipsImported, 3);

        const auto a = project->clips().findByKey(QStringLiteral("clips"), QStringLiteral("a"));
        QVERIFY(a);
        QCOMPARE(a->transcript, QStringLiteral("Hello there friend"));
        QCOMPARE(a->transcriptSource, QStringLiteral("srt"));
        QCOMPARE(a->split, QStringLiteral("test"));
        QCOMPARE(a->mediaPath, QStringLiteral("../clips/a.mp4"));
        QCOMPARE(project->clips().cues(a->id).size(), 2);
        QCOMPARE(project->clips().cues(a->id)[1].startSeconds, 1.3);
        QCOMPARE(project->clips().findByKey(QStringLiteral("clips"), QStringLiteral("b"))->transcript,
                 QStringLiteral("with a byte order mark"));
        const auto c = project->clips().findByKey(QStringLiteral("session2"), QStringLiteral("c"));
        QVERIFY(c);
        QCOMPARE(c->transcript, QStringLiteral("nice"));
        QCOMPARE(c->transcriptSource, QStringLiteral("vtt"));
    }

    void unsafeNamesAndUnfollowedLinksAreProblems()
    {
        // Issue 18, defect 12: a newline in a file name became a clip id (the MMSA import refuses
        // it), and dangling links and link loops were skipped without a word.
        QTemporaryDir dir;
        test::writeFile(dir, QStringLiteral("clips/good.mp4"), kVideoBytes);
        test::writeFile(dir, QStringLiteral("clips/two\nlines.mp4"), kVideoBytes);
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("clips/gone.mp4")), dir.filePath(QStringLiteral("clips/dangling.mp4"))));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("clips")), dir.filePath(QStringLiteral("clips/loop"))));
        auto project = newProject(dir);
        const io::ImportReport report = io::importVideoFolder(*project, dir.filePath(QStringLiteral("clips")), {});
        const QString problems = toStrings(report.problems).join('\n');
        QVERIFY2(!report.committed, qPrintable(problems));
        QCOMPARE(report.problems.size(), 3);
        QVERIFY2(problems.contains(QStringLiteral("two\nlines.mp4: the file name 'two\nlines' contains the control character U+000A")),
                 qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("dangling.mp4: is a dangling link")), qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("clips/loop: is a link to a folder that contains it")), qPrintable(problems));
        QCOMPARE(project->clips().count(), 0);
    }

    void badTranscriptsAreReportedByFileName()
    {
        QTemporaryDir dir;
        test::writeFile(dir, QStringLiteral("clips/good.mp4"), kVideoBytes);
        test::writeFile(dir, QStringLiteral("clips/latin.mp4"), kVideoBytes);
        test::writeFile(dir, QStringLiteral("clips/latin.txt"), "caf\xe9 au lait");
        test::writeFile(dir, QStringLiteral("clips/broken.mov"), kVideoBytes);
        test::writeFile(dir, QStringLiteral("clips/broken.srt"), "1\n00:00:02,000 --> 00:00:01,000\nbackwards\n");
        auto project = newProject(dir);
        const io::ImportReport report = io::importVideoFolder(*project, dir.filePath(QStringLiteral("clips")), {});
        QVERIFY(!report.committed);
        QCOMPARE(report.problems.size(), 2);
        const QString all = toStrings(report.problems).join('\n');
        QVERIFY2(all.contains(QStringLiteral("latin.txt")) && all.contains(QStringLiteral("UTF-8")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("broken.srt:2")), qPrintable(all));
        QCOMPARE(project->clips().count(), 0);

        io::ImportOptions skip;
        skip.skipBad = true;
        const io::ImportReport partial = io::importVideoFolder(*project, dir.filePath(QStringLiteral("clips")), skip);
        QVERIFY(partial.committed);
        QCOMPARE(partial.clipsImported, 1);
        QCOMPARE(partial.skipped.size(), 2);
        QVERIFY(project->clips().findByKey(QStringLiteral("clips"), QStringLiteral("good")));
    }

    void sameIdsTwiceAndEmptyFoldersAreProblems()
    {
        QTemporaryDir dir;
        test::writeFile(dir, QStringLiteral("clips/x.mp4"), kVideoBytes);
        test::writeFile(dir, QStringLiteral("clips/x.avi"), kVideoBytes);
        auto project = newProject(dir);
        const io::ImportReport report = io::importVideoFolder(*project, dir.filePath(QStringLiteral("clips")), {});
        QVERIFY(!report.committed);
        QCOMPARE(report.problems.size(), 1);
        QVERIFY(report.problems.first().message.contains(QStringLiteral("same ids")));

        QDir().mkpath(dir.filePath(QStringLiteral("nothing")));
        const io::ImportReport empty = io::importVideoFolder(*project, dir.filePath(QStringLiteral("nothing")), {});
        QVERIFY(!empty.committed);
        QVERIFY(empty.problems.first().message.contains(QStringLiteral("no video files")));

        io::ImportOptions badSplit;
        badSplit.split = QStringLiteral("dev");
        QVERIFY_THROWS_EXCEPTION(Error, io::importVideoFolder(*project, dir.filePath(QStringLiteral("clips")), badSplit));
    }
};

QTEST_GUILESS_MAIN(TestFolderImport)
#include "test_folder_import.moc"
