#pragma once
// The face box to show at a given time, from boxes sampled by the visual feature extractor.
#include <QRectF>
#include <QVector>

namespace sl::ui {

class FaceBoxTrack {
public:
    // `times` in seconds (any order; kept paired with `boxes`). Boxes are in normalised picture
    // coordinates (0..1 on both axes); an empty box means no face was found at that sample.
    // Extra entries of the longer list are ignored.
    void setSamples(QVector<double> times, QVector<QRectF> boxes);

    // The box of the latest sample at or before `seconds`: a sample holds until the next one, so
    // the box does not flicker between the extractor's sampling instants. Empty before the first.
    QRectF boxAt(double seconds) const;

private:
    QVector<double> m_times;
    QVector<QRectF> m_boxes;
};

}  // namespace sl::ui
