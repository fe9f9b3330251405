#pragma once
// A label for a room: its text takes the largest font (up to a size set from the screen) at which
// it fits the label's rectangle, wrapped where wrapping is on, and is elided with "…" only when
// even the smallest allowed font is too large. Long captions, headlines and sums, and languages
// whose lines run longer or have no spaces (Chinese breaks between characters), never spill out
// of their place or push the layout wider than the screen (issue 17).
#include <QLabel>

namespace sl::present {

class FittedLabel : public QLabel {
public:
    explicit FittedLabel(QWidget *parent = nullptr);

    // Hides QLabel::setText (not virtual): the view always holds a FittedLabel pointer.
    void setText(const QString &text);
    QString fullText() const { return m_text; }  // before any eliding
    void clear() { setText(QString()); }

    // The font's pixel size when the text fits; at least `minimum`, then the text is elided.
    void setPixelSizes(int maximum, int minimum);
    int maximumPixelSize() const { return m_maxPixels; }

    // The text never dictates the layout's size: the rectangle is the layout's to give.
    QSize minimumSizeHint() const override;
    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return false; }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void fit();
    bool fits(const QFont &font, const QString &text, const QSize &box) const;

    QString m_text;
    int m_maxPixels = 24, m_minPixels = 12;
};

}  // namespace sl::present
