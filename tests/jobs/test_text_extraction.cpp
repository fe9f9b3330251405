// Transcripts and text features over a small demo project plus three clips without dataset text:
// one with a .srt beside it, one with a sidecar that is not UTF-8, one that only speech
// recognition can transcribe. Resolution records each source (and a problem naming the bad
// file while the others go on); extraction then fills a T feature set with named dimensions.
#include "core/demo/demo_project.h"
#include "core/jobs/extraction_job.h"
#include "core/jobs/text_extractor.h"
#include "core/language/text_features.h"
#include "core/language/transcript_resolver.h"
#include "core/store/project.h"
#include "tests/support/temp_project.h"

#include <QFile>
#include <QtTest>

#include <algorithm>

using namespace sl;

namespace {

demo::DemoOptions demoClips(int count)
{
    demo::DemoOptions options;
    options.clipCount = count;
    return options;
}

// The message of the one problem a report holds for a clip.
QString onlyProblem(const QList<store::ClipProblem> &problems, qint64 clip)
{
    QStringList messages;
    for (const store::ClipProblem &problem : problems)
        if (problem.clipId == clip)
            messages << problem.message;
    return messages.size() == 1 ? messages.first() : QString();
}

const char *const kSubtitles = "1\n00:00:00,200 --> 00:00:01,000\nWhat a wonderful day\n\n"
                               "2\n00:00:01,500 --> 00:00:02,500\nbut I am NOT happy\n";

}  // namespace

class TestTextExtraction : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_project = m_dir.filePath(QStringLiteral("p"));
        const std::unique_ptr<store::Project> project = demo::buildDemoProject(m_project, demoClips(3), false).project;
        const store::Clip spokenSource = project->clips().list().first();
        m_spokenText = spokenSource.transcript;
        QFile source(project->absolutePath(spokenSource.mediaPath));
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray video = source.readAll();
        // Each extra clip is a copy of a demo clip without its text; what sits beside it differs.
        m_subtitled = addClip(*project, QStringLiteral("subtitled"), video);
        sl::test::writeFile(m_dir, QStringLiteral("extra/subtitled.srt"), kSubtitles);
        m_latin1 = addClip(*project, QStringLiteral("latin1"), video);
        sl::test::writeFile(m_dir, QStringLiteral("extra/latin1.txt"), "un caf\xe9 tr\xe8s bon\n");
        m_spoken = addClip(*project, QStringLiteral("spoken"), video);
    }

    void resolvesTranscriptsFromEachSource()
    {
        auto project = store::Project::open(m_project);
        QList<int> seen;
        const language::TranscriptResolveReport report =
            language::resolveTranscripts(*project, [&](int done, int total) { seen << done << total; });
        QCOMPARE(report.alreadySet, 3);
        QCOMPARE(report.fromSidecar, 1);
        QCOMPARE(report.recognized, 1);
        QCOMPARE(report.failed, 1);
        QCOMPARE(seen.mid(seen.size() - 2), (QList<int>{3, 3}));

        const store::ClipRepository clips = project->clips();
        for (const store::Clip &clip : clips.list())
            if (clip.videoId != QLatin1String("extra"))
                QCOMPARE(clip.transcriptSource, QStringLiteral("dataset"));
        const store::Clip subtitled = *clips.find(m_subtitled);
        QCOMPARE(subtitled.transcriptSource, QStringLiteral("srt"));
        QCOMPARE(subtitled.transcript, QStringLiteral("What a wonderful day but I am NOT happy"));
        QCOMPARE(clips.cues(m_subtitled).size(), 2);

        // The bad sidecar: a problem naming it, and the clip keeps no transcript.
        const QString problem = onlyProblem(report.problems, m_latin1);
        QVERIFY2(problem.contains(QStringLiteral("latin1.txt")) && problem.contains(QStringLiteral("UTF-8")), qPrintable(problem));
        QVERIFY(clips.find(m_latin1)->transcript.isEmpty());

        // Speech recognition: text, source "asr", and word cues in order inside the clip.
        const store::Clip spoken = *clips.find(m_spoken);
        QCOMPARE(spoken.transcriptSource, QStringLiteral("asr"));
        QVERIFY(!spoken.transcript.isEmpty());
        qInfo("demo clip said \"%s\", recognised \"%s\"", qPrintable(m_spokenText), qPrintable(spoken.transcript));
        const QList<store::TranscriptCueRecord> words = clips.cues(m_spoken);
        QCOMPARE(words.size(), spoken.transcript.split(QLatin1Char(' ')).size());
        QVERIFY(spoken.durationSeconds && *spoken.durationSeconds > 0);
        for (qsizetype i = 0; i < words.size(); ++i) {
            QVERIFY(words[i].endSeconds > words[i].startSeconds);
            QVERIFY(words[i].endSeconds <= *spoken.durationSeconds + 0.05);
            if (i > 0)
                QVERIFY(words[i].startSeconds >= words[i - 1].endSeconds - 1e-9);
        }

        // A second run has nothing new to do; the bad file is reported again.
        const language::TranscriptResolveReport again = language::resolveTranscripts(*project);
        QCOMPARE(again.recognized + again.fromSidecar, 0);
        QCOMPARE(again.failed, 1);
    }

    void extractionFillsATextFeatureSet()
    {
        auto project = store::Project::open(m_project);
        const jobs::TextExtractorOptions options = jobs::textExtractorOptions(*project);
        QCOMPARE(options.wordVectors->size(), 100000);
        QCOMPARE(options.timings.value(m_subtitled).size(), 2);
        QCOMPARE(options.timings.value(m_spoken).size(), project->clips().cues(m_spoken).size());

        jobs::ExtractionJob job(m_project, {jobs::textExtractorFactory(options)}, 2);
        const jobs::ExtractionReport report = job.run();
        QCOMPARE(report.extracted, 5);
        QCOMPARE(report.failed, 1);

        project = store::Project::open(m_project);
        const QList<store::FeatureSet> sets = project->features().sets();
        QCOMPARE(sets.size(), 1);
        const store::FeatureSet set = sets.first();
        QCOMPARE(set.modality, QStringLiteral("T"));
        QCOMPARE(set.dims, language::kBaseTextDims);
        QCOMPARE(set.extractorVersion, QStringLiteral("3"));
        QCOMPARE(set.dimNames.mid(0, language::kTokenTextDims + 1),
                 (QStringList{"vader_valence", "is_negated", "is_booster", "is_upper", "token_length", "is_oov",
                              "position", "glove_valence", "glove_0"}));
        QCOMPARE(set.dimNames.last(), QStringLiteral("glove_99"));
        for (const store::Clip &clip : project->clips().list()) {
            if (clip.id == m_latin1)
                continue;
            const auto features = project->features().load(set.id, clip.id);
            QVERIFY2(features, qPrintable(clip.key()));
            QVERIFY(features->frames >= clip.transcript.split(QLatin1Char(' ')).size());
            QVERIFY(std::is_sorted(features->times.begin(), features->times.end()));
            QVERIFY(features->times.back() < clip.durationSeconds.value_or(1e9));
            // Every token either has a vector or is flagged out of vocabulary, never both.
            for (int f = 0; f < features->frames; ++f) {
                const float *row = features->data.data() + size_t(f * features->dims);
                const bool zeros = std::all_of(row + language::kTokenTextDims, row + features->dims, [](float v) { return v == 0.0f; });
                QCOMPARE(row[5], zeros ? 1.0f : 0.0f);
            }
        }
        // The subtitled clip: tokens start at their cues, and "NOT happy" is negated.
        const auto subtitled = project->features().load(set.id, m_subtitled);
        QCOMPARE(subtitled->frames, 9);
        QCOMPARE(subtitled->times[0], 0.2f);
        QCOMPARE(subtitled->times[4], 1.5f);
        QVERIFY(subtitled->data[size_t(2 * subtitled->dims)] > 0);   // "wonderful"
        QVERIFY(subtitled->data[size_t(8 * subtitled->dims)] < 0);   // "happy" after "NOT"
        QCOMPARE(subtitled->data[size_t(8 * subtitled->dims + 1)], 1.0f);
        // The clip without a transcript fails with a message naming its media file.
        QVERIFY(onlyProblem(report.problems, m_latin1).contains(QStringLiteral("latin1.mp4")));
        QCOMPARE(project->features().problems(m_latin1).size(), 2);  // transcript and text, both stored

        // Nothing is stale on a second run with the same settings.
        const jobs::ExtractionReport again = job.run();
        QCOMPARE(again.alreadyCached, 5);
        QCOMPARE(again.extracted, 0);
    }

    // A project whose text features were extracted before word vectors (version 1: vocab_id in
    // column 5, 7 dims) gets them all extracted again into a new set; the old one is not read as
    // the new layout, and is left as it was.
    void featureSetsOfTheOldLayoutAreStale()
    {
        const QString path = m_dir.filePath(QStringLiteral("old"));
        auto project = demo::buildDemoProject(path, demoClips(2), false).project;
        store::FeatureSet old;
        old.modality = QStringLiteral("T");
        old.name = QStringLiteral("text-tokens");
        old.extractor = QStringLiteral("sentilens.text");
        old.extractorVersion = QStringLiteral("1");
        old.configHash = QStringLiteral("0123456789abcdef");
        old.dimNames = QStringList{"vader_valence", "is_negated", "is_booster", "is_upper", "token_length", "vocab_id", "position"};
        old.dims = int(old.dimNames.size());
        old = project->features().ensureSet(old);
        for (const store::Clip &clip : project->clips().list())
            project->features().store(old.id, clip.id, store::ClipFeatures{1, 7, {0.0f}, {0, 0, 0, 0, 3, 42, 0}});
        project.reset();

        jobs::ExtractionJob job(path, {jobs::textExtractorFactory(jobs::textExtractorOptions(*store::Project::open(path)))}, 1);
        const jobs::ExtractionReport report = job.run();
        QCOMPARE(report.extracted, 2);
        QCOMPARE(report.alreadyCached, 0);
        project = store::Project::open(path);
        const std::optional<store::FeatureSet> current = project->features().currentSet(QStringLiteral("T"));
        QVERIFY(current && current->id != old.id);
        QCOMPARE(current->extractorVersion, QStringLiteral("3"));
        QCOMPARE(current->dims, language::kBaseTextDims);
        const auto kept = project->features().load(old.id, project->clips().list().first().id);
        QVERIFY(kept && kept->dims == 7 && kept->data[5] == 42.0f);
    }

    // A clip in Chinese has its characters cut into words by cppjieba; the same text in a clip
    // set to English keeps one token per character.
    void chineseClipsAreCutIntoWords()
    {
        const QString path = m_dir.filePath(QStringLiteral("zh"));
        {
            auto project = demo::buildDemoProject(path, demoClips(2), false).project;
            const QList<store::Clip> clips = project->clips().list();
            for (const store::Clip &clip : clips)
                project->clips().setTranscript(clip.id, QStringLiteral("我来到北京清华大学"), QStringLiteral("txt"));
            project->clips().setLanguage(clips[0].id, QStringLiteral("zh"));
            project->clips().setLanguage(clips[1].id, QStringLiteral("en"));
        }
        auto project = store::Project::open(path);
        const QList<store::Clip> clips = project->clips().list();
        jobs::ExtractionJob job(path, {jobs::textExtractorFactory(jobs::textExtractorOptions(*project))}, 1);
        QCOMPARE(job.run().extracted, 2);
        project = store::Project::open(path);
        const store::FeatureSet set = *project->features().currentSet(QStringLiteral("T"));
        const auto zh = project->features().load(set.id, clips[0].id);
        const auto en = project->features().load(set.id, clips[1].id);
        QCOMPARE(zh->frames, 4);  // 我 / 来到 / 北京 / 清华大学
        QCOMPARE(zh->data[size_t(3 * zh->dims + 4)], 4.0f);  // token_length of 清华大学
        QCOMPARE(en->frames, 9);
    }

private:
    qint64 addClip(store::Project &project, const QString &clipId, const QByteArray &video)
    {
        store::Clip clip;
        clip.videoId = QStringLiteral("extra");
        clip.clipId = clipId;
        clip.mediaPath = project.storedPath(sl::test::writeFile(m_dir, QStringLiteral("extra/%1.mp4").arg(clipId), video));
        clip.split = QStringLiteral("test");
        clip.transcriptSource = QStringLiteral("none");
        return project.clips().add(clip);
    }

    QTemporaryDir m_dir;
    QString m_project;
    QString m_spokenText;
    qint64 m_subtitled = 0, m_latin1 = 0, m_spoken = 0;
};

QTEST_GUILESS_MAIN(TestTextExtraction)
#include "test_text_extraction.moc"
