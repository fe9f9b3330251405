#include "ui/player/face_box_track.h"

#include <algorithm>
#include <numeric>

namespace sl::ui {

void FaceBoxTrack::setSamples(QVector<double> times, QVector<QRectF> boxes)
{
    const qsizetype count = std::min(times.size(), boxes.size());
    QVector<qsizetype> order(count);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) { return times[a] < times[b]; });
    m_times.clear();
    m_boxes.clear();
    for (qsizetype i : order) {
        m_times.append(times[i]);
        m_boxes.append(boxes[i]);
    }
}

QRectF FaceBoxTrack::boxAt(double seconds) const
{
    const auto after = std::upper_bound(m_times.cbegin(), m_times.cend(), seconds);
    if (after == m_times.cbegin())
        return {};
    return m_boxes[std::distance(m_times.cbegin(), after) - 1];
}

}  // namespace sl::ui
