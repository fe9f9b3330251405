#include "ui/present/fitted_label.h"

#include <QFontMetrics>
#include <QResizeEvent>

namespace sl::present {

FittedLabel::FittedLabel(QWidget *parent) : QLabel(parent) {}

void FittedLabel::setText(const QString &text)
{
    m_text = text;
    fit();
}

void FittedLabel::setPixelSizes(int maximum, int minimum)
{
    m_maxPixels = std::max(1, maximum);
    m_minPixels = std::clamp(minimum, 1, m_maxPixels);
    fit();
}

QSize FittedLabel::minimumSizeHint() const
{
    // One line at the largest size, whatever size the text has now: a hint that followed the
    // fitted font would let the layout and the fitting chase each other.
    const QMargins m = contentsMargins();
    QFont largest = font();
    largest.setPixelSize(m_maxPixels);
    // Measured as fit() measures (a layout's bounding box can be a pixel taller than height()).
    const int line = QFontMetrics(largest).boundingRect(QRect(0, 0, 1 << 20, 1 << 20), int(alignment()), QStringLiteral("Ág")).height();
    return {m.left() + m.right(), std::max(line, QFontMetrics(largest).height()) + m.top() + m.bottom()};
}

QSize FittedLabel::sizeHint() const { return minimumSizeHint(); }

void FittedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fit();
}

bool FittedLabel::fits(const QFont &font, const QString &text, const QSize &box) const
{
    const QFontMetrics metrics(font);
    const int flags = int(alignment()) | (wordWrap() ? Qt::TextWordWrap : Qt::TextSingleLine);
    // Laid out in an unbounded height of the label's width, as QLabel draws it.
    const QRect needed = metrics.boundingRect(QRect(0, 0, box.width(), 1 << 20), flags, text);
    return needed.width() <= box.width() && needed.height() <= box.height();
}

void FittedLabel::fit()
{
    const QSize box = contentsRect().size();
    QFont font = this->font();
    QString shown = m_text;
    if (box.isEmpty() || m_text.isEmpty()) {
        font.setPixelSize(m_maxPixels);
    } else {
        // The largest size that fits, one pixel at a time from the top: at most a few dozen
        // measurements of one short text.
        int pixels = m_maxPixels;
        font.setPixelSize(pixels);
        while (pixels > m_minPixels && !fits(font, m_text, box))
            font.setPixelSize(--pixels);
        if (!fits(font, m_text, box)) {
            // Even the smallest size is too large: the longest start that fits, and "…".
            const QString ellipsis = QStringLiteral("…");
            qsizetype low = 0, high = m_text.size();
            while (low < high) {
                const qsizetype middle = (low + high + 1) / 2;
                if (fits(font, m_text.left(middle).trimmed() + ellipsis, box))
                    low = middle;
                else
                    high = middle - 1;
            }
            shown = m_text.left(low).trimmed() + ellipsis;
        }
    }
    if (font != this->font())
        setFont(font);
    if (shown != QLabel::text())
        QLabel::setText(shown);
}

}  // namespace sl::present
