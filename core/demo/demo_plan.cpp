#include "core/demo/demo_plan.h"

#include "core/common/error.h"
#include "core/demo/label_rule.h"
#include "core/demo/seeded_random.h"
#include "core/demo/speech_synth.h"

#include <QJsonObject>
#include <array>
#include <cmath>

namespace sl::demo {

namespace {

constexpr int kCandidatesPerClip = 4;

struct Labels {
    double t = 0, a = 0, v = 0;
};

// A clear sentiment: 1, 1.5, ..., 3.
double strength(SeededRandom &random)
{
    return 1.0 + 0.5 * random.below(5);
}

// What a clip is about before any strength is drawn: the sign of its words, and whether voice
// and face contradict them.
struct Mood {
    int words = 0;  // -1, 0 or 1
    bool conflicting = false;
};

// Exactly ceil(n/4) conflicting clips (so the share never falls below a fifth), half with kind
// words, half with unkind ones; the rest 40% positive, 40% negative, 20% neutral. Dealt as a
// shuffled deck rather than drawn one by one, so that even a handful of clips is balanced.
QList<Mood> dealMoods(SeededRandom &random, int n)
{
    const int conflictingCount = int(std::ceil(n * kConflictingShare));
    QList<Mood> deck;
    for (int i = 0; i < conflictingCount; ++i)
        deck.append({i % 2 == 0 ? 1 : -1, true});
    for (int i = 0; i < n - conflictingCount; ++i)
        deck.append({std::array{1, -1, 1, -1, 0}[std::size_t(i % 5)], false});
    QList<Mood> dealt;
    for (int i : random.permutation(n))
        dealt.append(deck[i]);
    return dealt;
}

Labels drawLabels(SeededRandom &random, Mood mood)
{
    Labels l;
    const double sign = mood.words;
    if (mood.conflicting) {
        // Words one way, voice and face clearly the other.
        l.t = sign * strength(random);
        l.a = -sign * strength(random);
        l.v = -sign * strength(random);
    } else if (mood.words == 0) {
        // Neutral words carried by one channel: a clear voice with a near-still face, or a clear
        // face with a near-flat voice. These clips are the ones where audio or vision alone decides
        // the label, and they keep voice and face from always moving together, so a model (and its
        // explanations) can tell the two apart.
        const double carried = (random.below(2) == 0 ? 1.0 : -1.0) * strength(random);
        const double quiet = 0.5 * (random.below(3) - 1);  // -0.5..0.5
        const bool voiceCarries = random.below(2) == 0;
        l.a = voiceCarries ? carried : quiet;
        l.v = voiceCarries ? quiet : carried;
    } else {
        // Voice and face each either follow the words with their own clear strength or stay
        // quiet, independently, never against the words. Were they always to follow, the face
        // would predict the words' sign as well as the words do, and no model could tell which of
        // the three carried a clip.
        const auto followOrQuiet = [&] {
            return random.below(2) == 0 ? sign * strength(random) : sign * 0.5 * random.below(2);
        };
        l.t = sign * strength(random);
        l.a = followOrQuiet();
        l.v = followOrQuiet();
    }
    return l;
}

QString splitOf(int index, int trainCount, int validCount)
{
    if (index < trainCount)
        return QStringLiteral("train");
    return index < trainCount + validCount ? QStringLiteral("valid") : QStringLiteral("test");
}

QString subjectOf(const DemoOptions &options)
{
    return options.outputDir.isEmpty() ? QStringLiteral("demo dataset") : options.outputDir;
}

}  // namespace

void checkOptions(const DemoOptions &options)
{
    QString problem;
    if (options.clipCount < 1 || options.clipCount > 10000)
        problem = QStringLiteral("the clip count must be between 1 and 10000, not %1").arg(options.clipCount);
    else if (options.workers < 1 || options.workers > 64)
        problem = QStringLiteral("the worker count must be between 1 and 64, not %1").arg(options.workers);
    else if (options.width < 64 || options.height < 64 || options.width > 1920 || options.height > 1920
             || options.width % 2 != 0 || options.height % 2 != 0)
        problem = QStringLiteral("the frame size must be even and between 64 and 1920 pixels, not %1x%2")
                      .arg(options.width)
                      .arg(options.height);
    else if (!(options.fps >= 1 && options.fps <= 60))
        problem = QStringLiteral("the frame rate must be between 1 and 60, not %1").arg(options.fps);
    if (!problem.isEmpty())
        throw Error(QStringLiteral("%1: %2").arg(subjectOf(options), problem));
}

QJsonObject sentenceParameters(const Sentence &sentence, Polarity polarity, int attempt)
{
    return {{"class", polarityName(polarity)}, {"source", sentence.source}, {"attempt", attempt}};
}

QList<PlannedClip> planClips(const DemoOptions &options)
{
    checkOptions(options);
    const int n = options.clipCount;
    SeededRandom random(options.seed);

    QList<Labels> labels;
    for (const Mood &mood : dealMoods(random, n))
        labels.append(drawLabels(random, mood));

    // Sentences: each polarity's pool in a seeded order; the k-th clip of a polarity starts at
    // position k and falls back to k + count, k + 2*count, ... so no two clips share a sentence
    // while the pool lasts.
    const SentenceBank &bank = SentenceBank::bundled();
    std::array<QList<int>, 3> poolOrder;  // indexed by Polarity
    std::array<int, 3> clipsOfPolarity{};
    for (Polarity p : {Polarity::Negative, Polarity::Neutral, Polarity::Positive})
        poolOrder[std::size_t(p)] = random.permutation(int(bank.sentences(p).size()));
    for (const Labels &l : labels)
        ++clipsOfPolarity[std::size_t(polarityOf(l.t))];

    // Splits by clip count (2/3, 1/6, rest), each split cut into its own videos, as MOSI splits by video.
    const int trainCount = (2 * n + 1) / 3;
    const int validCount = (n + 3) / 6;
    QList<PlannedClip> plan;
    std::array<int, 3> seen{};
    int video = -1;
    int clipInVideo = kClipsPerVideo;
    QString previousSplit;
    for (int i = 0; i < n; ++i) {
        const Labels &l = labels[i];
        PlannedClip pc;
        DemoClip &c = pc.clip;
        c.split = splitOf(i, trainCount, validCount);
        if (c.split != previousSplit || clipInVideo == kClipsPerVideo) {
            ++video;
            clipInVideo = 0;
            previousSplit = c.split;
        }
        ++clipInVideo;
        c.videoId = QStringLiteral("demo_v%1").arg(video, 3, 10, QLatin1Char('0'));
        c.clipId = QStringLiteral("%1").arg(clipInVideo, 4, 10, QLatin1Char('0'));
        c.mediaPath = QStringLiteral("Raw/%1/%2.mp4").arg(c.videoId, c.clipId);
        c.labelT = l.t;
        c.labelA = l.a;
        c.labelV = l.v;
        c.labelM = multimodalLabel(l.t, l.a, l.v);
        c.conflicting = isConflicting(l.t, l.a, l.v);  // true exactly for the conflicting moods

        const Polarity polarity = polarityOf(l.t);
        const QList<Sentence> &pool = bank.sentences(polarity);
        const auto slot = std::size_t(polarity);
        const int k = seen[slot]++;
        for (int j = 0; j < kCandidatesPerClip; ++j)
            pc.candidates.append(pool[poolOrder[slot][(k + j * clipsOfPolarity[slot]) % pool.size()]]);
        c.text = pc.candidates.first().text;
        c.textSource = pc.candidates.first().source;

        pc.prosody = prosodyFor(l.a);
        pc.expression = expressionFor(l.v);
        QJsonObject voice = pc.prosody.toJson();
        voice.insert("voice", QString::fromLatin1(kVoice));
        c.parameters = {
            {"labels", QJsonObject{{"T", c.labelT}, {"A", c.labelA}, {"V", c.labelV}, {"M", c.labelM}}},
            {"conflicting", c.conflicting},
            {"sentence", sentenceParameters(pc.candidates.first(), polarity, 0)},
            {"prosody", voice},
            {"face", pc.expression.toJson()},
        };
        plan.append(pc);
    }
    return plan;
}

QList<DemoClip> planDemoClips(const DemoOptions &options)
{
    QList<DemoClip> clips;
    for (const PlannedClip &pc : planClips(options))
        clips.append(pc.clip);
    return clips;
}

}  // namespace sl::demo
