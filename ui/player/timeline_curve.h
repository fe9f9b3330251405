#pragma once
// A named signal over the clip's time, drawn as one row of the player's timeline.
#include <QString>
#include <QVector>

namespace sl::ui {

// Where a curve's values come from. A review mode that withholds a modality also hides the curves
// measured on it: a smile curve would give the face away during an audio-only review.
enum class CurveSource { Other, Audio, Video };

struct TimelineCurve {
    QString name;
    QVector<double> times;   // seconds from the clip's start, ascending
    QVector<double> values;  // same length as times; NaN leaves a gap (e.g. unvoiced pitch)
    CurveSource source = CurveSource::Other;
};

}  // namespace sl::ui
