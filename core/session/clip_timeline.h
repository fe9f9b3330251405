#pragma once
// What the player draws under a clip from the cached features: a few curves people can read
// (pitch, loudness, smile, motion) and the face box over time.
#include <QList>
#include <QRectF>
#include <QString>
#include <QVector>

namespace sl::store {
class Project;
}

namespace sl::session {

struct TimelineSeries {
    QString name;
    bool fromAudio = false;  // else from the video
    QVector<double> times;   // seconds
    QVector<double> values;  // NaN = no value there (e.g. unvoiced pitch)
};

struct ClipTimeline {
    QList<TimelineSeries> curves;
    QVector<double> faceTimes;
    QVector<QRectF> faceBoxes;  // normalised to the picture; empty = no face at that time
};

// Uses the newest acoustic and visual feature sets that hold this clip; empty parts where none do.
ClipTimeline loadClipTimeline(const store::Project &project, qint64 clipId);

}  // namespace sl::session
