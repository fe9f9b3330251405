#pragma once
// The plan of a demo dataset: which clips exist, their splits, labels, transcripts, voice and
// face parameters. Pure and deterministic: the same options give the same plan on every platform.
#include "core/demo/demo_types.h"
#include "core/demo/expression.h"
#include "core/demo/prosody.h"
#include "core/demo/sentence_bank.h"

#include <QList>

namespace sl::demo {

inline constexpr int kClipsPerVideo = 5;
inline constexpr double kConflictingShare = 0.25;

// A clip as planned, with the typed parameters the generator works from.
struct PlannedClip {
    DemoClip clip;  // text is the first candidate; durationSeconds is still 0
    Prosody prosody;
    Expression expression;
    QList<Sentence> candidates;  // of the polarity of T, tried in order until one is short enough
};

// Throws sl::Error (naming the output folder) for options the generator cannot honour.
void checkOptions(const DemoOptions &options);

QList<PlannedClip> planClips(const DemoOptions &options);

// The public view of planClips(): no files are touched.
QList<DemoClip> planDemoClips(const DemoOptions &options);

// The JSON object describing the spoken sentence, kept in DemoClip::parameters["sentence"].
QJsonObject sentenceParameters(const Sentence &sentence, Polarity polarity, int attempt);

}  // namespace sl::demo
