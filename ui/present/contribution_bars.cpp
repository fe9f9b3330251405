#include "ui/present/contribution_bars.h"

#include "ui/present/sentiment_colour.h"
#include "ui/plots/modality_palette.h"

#include <QFontMetricsF>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace sl::present {

ContributionBars::ContributionBars(QWidget *parent) : QWidget(parent) { setMinimumSize(300, 180); }

void ContributionBars::setFullScale(double fullScale)
{
    m_fullScale = std::max(1e-6, fullScale);
    update();
}

void ContributionBars::setValues(const std::array<double, 3> &values)
{
    m_values = values;
    update();
}

void ContributionBars::setCaption(const QString &caption)
{
    m_caption = caption;
    update();
}

void ContributionBars::setAvailable(bool available)
{
    m_available = available;
    update();
}

void ContributionBars::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QString names[3] = {tr("Words"), tr("Voice"), tr("Face")};
    const double captionHeight = height() * 0.14;
    const double rowHeight = (height() - captionHeight) / 3.0;
    QFont font = p.font();
    font.setPixelSize(std::max(12, int(rowHeight * 0.36)));
    font.setBold(true);
    p.setFont(font);
    const double nameWidth = font.pixelSize() * 4.2;
    const QRectF track(nameWidth, 0, width() - nameWidth - 8, rowHeight);
    const double centre = track.left() + track.width() / 2;
    for (int i = 0; i < 3; ++i) {
        const double top = i * rowHeight;
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRectF(0, top, nameWidth - 12, rowHeight), Qt::AlignRight | Qt::AlignVCenter, names[i]);
        const QRectF row(track.left(), top + rowHeight * 0.18, track.width(), rowHeight * 0.64);
        // The bar's colour says the sign; the modality's own colour (the same as in the
        // explanation views) marks the row in a stripe beside its name.
        p.fillRect(QRectF(nameWidth - 9, row.top(), 6, row.height()), plots::modalityColour(i));
        p.fillRect(row, palette().color(QPalette::AlternateBase));
        if (!m_available)
            continue;
        const double share = std::clamp(m_values[size_t(i)] / m_fullScale, -1.0, 1.0);
        const double length = share * track.width() / 2;
        const QRectF bar = QRectF(QPointF(centre, row.top()), QPointF(centre + length, row.bottom())).normalized();
        p.fillRect(bar, sentimentColour(m_values[size_t(i)], -m_fullScale, m_fullScale));
        QFont small = font;
        small.setPixelSize(std::max(10, int(font.pixelSize() * 0.7)));
        p.setFont(small);
        const double shown = std::fabs(m_values[size_t(i)]) < 0.005 ? 0.0 : m_values[size_t(i)];  // no "-0.00"
        const QString text = QString::asprintf("%+.2f", shown);
        // The value sits just past the bar's end; a bar that leaves no room for it there (a large
        // contribution) carries it inside its end instead, in white on the bar's colour.
        const double textWidth = QFontMetricsF(small).horizontalAdvance(text) + 12;
        const bool outside = share >= 0 ? bar.right() + textWidth <= track.right() : bar.left() - textWidth >= track.left();
        QRectF textBox;
        Qt::Alignment align = Qt::AlignVCenter;
        if (outside) {
            textBox = share >= 0 ? QRectF(bar.right() + 6, row.top(), textWidth, row.height())
                                 : QRectF(bar.left() - 6 - textWidth, row.top(), textWidth, row.height());
            align |= share >= 0 ? Qt::AlignLeft : Qt::AlignRight;
        } else {
            textBox = share >= 0 ? QRectF(bar.right() - 6 - textWidth, row.top(), textWidth, row.height())
                                 : QRectF(bar.left() + 6, row.top(), textWidth, row.height());
            align |= share >= 0 ? Qt::AlignRight : Qt::AlignLeft;
            p.setPen(Qt::white);
        }
        p.drawText(textBox, align, text);
        p.setPen(palette().color(QPalette::WindowText));
        p.setFont(font);
    }
    p.setPen(QPen(palette().color(QPalette::WindowText), 3));
    p.drawLine(QPointF(centre, 0), QPointF(centre, 3 * rowHeight));
    QFont captionFont = font;
    captionFont.setBold(false);
    // The caption fits the width: a smaller font first (down to two thirds), then "…".
    const QString caption = m_available ? m_caption : tr("no model predictions for this clip");
    int pixels = std::max(10, int(captionHeight * 0.42));
    const int least = std::max(9, pixels * 2 / 3);
    captionFont.setPixelSize(pixels);
    while (pixels > least && QFontMetricsF(captionFont).horizontalAdvance(caption) > width())
        captionFont.setPixelSize(--pixels);
    p.setFont(captionFont);
    p.setPen(palette().color(QPalette::PlaceholderText));
    p.drawText(QRectF(0, 3 * rowHeight, width(), captionHeight), Qt::AlignRight | Qt::AlignVCenter,
               QFontMetricsF(captionFont).elidedText(caption, Qt::ElideRight, width()));
}

}  // namespace sl::present
