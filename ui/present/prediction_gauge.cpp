#include "ui/present/prediction_gauge.h"

#include "ui/present/sentiment_colour.h"

#include <QPainter>
#include <QPainterPath>
#include <QtMath>
#include <algorithm>

namespace sl::present {

PredictionGauge::PredictionGauge(QWidget *parent) : QWidget(parent) { setMinimumSize(240, 160); }

void PredictionGauge::setRange(double minimum, double maximum)
{
    m_min = minimum;
    m_max = maximum;
    update();
}

void PredictionGauge::setValue(std::optional<double> value)
{
    m_value = value;
    update();
}

void PredictionGauge::setLabel(std::optional<double> label)
{
    m_label = label;
    update();
}

void PredictionGauge::setOutside(const QString &modalities)
{
    m_outside = modalities;
    update();
}

void PredictionGauge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // The "0" above the dial's top needs a line of its own inside the widget (it was drawn above
    // the widget's edge and cut off); its size follows the dial, so it is reckoned from the first guess.
    const double firstRadius = std::min(width() / 2.0 - 10, height() * 0.55);
    const double zeroLine = std::max(12, int(firstRadius * 0.13)) * 1.4;
    const double radius = std::min(width() / 2.0 - 10, (height() - zeroLine) * 0.55);
    const QPointF centre(width() / 2.0, radius + zeroLine + 4);
    const double thickness = radius * 0.22;
    const QRectF arcRect(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius);
    // The dial: 180 degrees from min (left) to max (right), in colour steps.
    constexpr int kSteps = 60;
    for (int i = 0; i < kSteps; ++i) {
        const double value = m_min + (m_max - m_min) * (i + 0.5) / kSteps;
        QPen pen(sentimentColour(value, m_min, m_max), thickness, Qt::SolidLine, Qt::FlatCap);
        p.setPen(pen);
        const int start = int(16 * (180.0 - 180.0 * i / kSteps));
        p.drawArc(arcRect.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2), start, -int(16 * 180.0 / kSteps) - 8);
    }
    const auto angleOf = [this](double v) {
        const double share = std::clamp((v - m_min) / (m_max - m_min), 0.0, 1.0);
        return qDegreesToRadians(180.0 - 180.0 * share);
    };
    const auto pointAt = [&](double v, double r) {
        const double a = angleOf(v);
        return QPointF(centre.x() + r * std::cos(a), centre.y() - r * std::sin(a));
    };
    QFont font = p.font();
    font.setPixelSize(std::max(12, int(radius * 0.13)));
    p.setFont(font);
    p.setPen(palette().color(QPalette::WindowText));
    // Scale ends under the ends of the dial, zero above its top.
    for (double v : {m_min, 0.0, m_max}) {
        QRectF box(0, 0, font.pixelSize() * 3, font.pixelSize() * 1.4);
        if (v == 0.0)
            box.moveCenter(pointAt(v, radius + box.height() / 2));
        else
            box.moveCenter(pointAt(v, radius - thickness / 2) + QPointF(0, box.height() * 0.7));
        p.drawText(box, Qt::AlignCenter, QString::asprintf(v == 0.0 ? "0" : "%+g", v));
    }
    if (m_label) {
        p.setPen(QPen(palette().color(QPalette::WindowText), 4));
        p.drawLine(pointAt(*m_label, radius - thickness - 4), pointAt(*m_label, radius + 2));
    }
    font.setPixelSize(std::max(16, int(radius * 0.36)));
    font.setBold(true);
    p.setFont(font);
    if (!m_value) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRectF(0, centre.y() - radius * 0.45, width(), radius * 0.5), Qt::AlignCenter, tr("no model"));
        return;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(palette().color(QPalette::WindowText));
    const double a = angleOf(*m_value);
    const QPointF tip = pointAt(*m_value, radius - thickness * 0.6);
    const QPointF side(std::sin(a) * thickness * 0.22, std::cos(a) * thickness * 0.22);
    QPainterPath needle;
    needle.moveTo(tip);
    needle.lineTo(centre + side);
    needle.lineTo(centre - side);
    needle.closeSubpath();
    p.drawPath(needle);
    p.drawEllipse(centre, thickness * 0.3, thickness * 0.3);
    p.setPen(sentimentColour(*m_value, m_min, m_max).darker(115));
    const QRectF numberBox(0, centre.y() + thickness * 0.3, width(), font.pixelSize() * 1.2);
    p.drawText(numberBox, Qt::AlignHCenter | Qt::AlignTop, QString::asprintf("%+.1f", *m_value));
    QFont small = font;
    small.setBold(false);
    small.setPixelSize(std::max(12, int(radius * 0.11)));
    double below = numberBox.bottom();
    if (!m_outside.isEmpty()) {
        // Said as loudly as the number: the model extrapolates, the needle is not a judgement.
        // Two lines must fit where one was: the warning starts in the number box's blank foot
        // (digits have no descenders) and both lines are spaced tighter.
        QFont warning = small;
        warning.setBold(true);
        p.setFont(warning);
        p.setPen(QColor(0xd9, 0x6c, 0x00));
        below -= font.pixelSize() * 0.2;
        p.drawText(QRectF(0, below, width(), warning.pixelSize() * 1.3), Qt::AlignCenter,
                   tr("⚠ outside the training data (%1)").arg(m_outside));
        below += warning.pixelSize() * 1.3;
    }
    if (m_label) {
        // What the tick on the dial is: the human label of the clip.
        p.setFont(small);
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(QRectF(0, below, width(), small.pixelSize() * 1.6), Qt::AlignCenter,
                   tr("white tick: the human label, %1").arg(QString::asprintf("%+.1f", *m_label)));
    }
}

}  // namespace sl::present
