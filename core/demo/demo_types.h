#pragma once
// Options and results of the demo dataset generator (see demo_plan.h and demo_generator.h).
#include <QJsonObject>
#include <QList>
#include <QString>

namespace sl::demo {

// Bumped whenever the same options would produce different clips, so a manifest tells which
// generator made it.
inline constexpr const char *kGeneratorVersion = "1.0";

struct DemoOptions {
    QString outputDir;
    int clipCount = 90;
    quint32 seed = 20261125;
    int workers = 2;
    int width = 320;
    int height = 240;
    double fps = 15;
};

struct DemoClip {
    QString videoId;     // "demo_v007"
    QString clipId;      // "0003", counted from 1 inside its video
    QString split;       // "train", "valid" or "test"
    QString text;        // the transcript that is spoken
    QString textSource;  // "uci-amazon", "uci-imdb", "uci-yelp" or "template"
    double labelT = 0, labelA = 0, labelV = 0, labelM = 0;
    bool conflicting = false;
    QString mediaPath;   // relative to the output folder: "Raw/<video_id>/<clip_id>.mp4"
    double durationSeconds = 0;  // 0 in a plan; known once the speech has been synthesized
    QJsonObject parameters;      // every generation parameter, as written to manifest.json
};

struct DemoResult {
    QList<DemoClip> clips;
    QString manifestPath;
    double elapsedSeconds = 0;
};

}  // namespace sl::demo
