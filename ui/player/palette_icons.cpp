#include "ui/player/palette_icons.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QWidget>

#include <cmath>

namespace sl::ui {

namespace {
const char *const kIconProperty = "sl_paletteIcon";
// Below this gap between the glyph and the button, the glyph is drawn in the text colour.
constexpr int kLeastGap = 90;
// A glyph is grey: coloured icons keep their colours whatever the background.
constexpr int kGreyestSaturation = 60;
// ... and of one tone: the lightness of its solid pixels spreads less than this.
constexpr double kWidestSpread = 45;

// The standard deviation of the lightness of an image's solid pixels.
double lightnessSpread(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    double sum = 0, squares = 0;
    int count = 0;
    for (int y = 0; y < argb.height(); ++y)
        for (int x = 0; x < argb.width(); ++x) {
            const QColor pixel = argb.pixelColor(x, y);
            if (pixel.alpha() < 128)
                continue;
            sum += pixel.lightness();
            squares += double(pixel.lightness()) * pixel.lightness();
            ++count;
        }
    if (count == 0)
        return 0;
    const double mean = sum / count;
    return std::sqrt(std::max(0.0, squares / count - mean * mean));
}

QPixmap recoloured(const QPixmap &pixmap, const QColor &colour)
{
    QPixmap result(pixmap.size());
    result.setDevicePixelRatio(pixmap.devicePixelRatio());
    result.fill(Qt::transparent);
    QPainter painter(&result);
    painter.drawPixmap(0, 0, pixmap);
    painter.setCompositionMode(QPainter::CompositionMode_SourceIn);  // the glyph's alpha, one colour
    painter.fillRect(result.rect(), colour);
    return result;
}
}  // namespace

int lightnessGap(const QColor &a, const QColor &b) { return std::abs(a.lightness() - b.lightness()); }

QColor meanVisibleColour(const QImage &image)
{
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    double r = 0, g = 0, b = 0, weight = 0;
    for (int y = 0; y < argb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(argb.constScanLine(y));
        for (int x = 0; x < argb.width(); ++x) {
            const double alpha = qAlpha(line[x]) / 255.0;
            r += qRed(line[x]) * alpha;
            g += qGreen(line[x]) * alpha;
            b += qBlue(line[x]) * alpha;
            weight += alpha;
        }
    }
    if (weight <= 0)
        return {};
    return QColor(int(r / weight), int(g / weight), int(b / weight));
}

QIcon paletteIcon(const QWidget &widget, QStyle::StandardPixmap which)
{
    const QIcon standard = widget.style()->standardIcon(which, nullptr, &widget);
    // The application's palette for the widget, not the widget's own: after a theme change the
    // widgets receive the new palette only later, from the event loop, while this is asked at once.
    const QPalette palette = QApplication::palette(&widget);
    const QColor background = palette.color(QPalette::Button);
    const QColor ink = palette.color(QPalette::ButtonText);
    QIcon result;
    bool changed = false;
    QList<QSize> sizes = standard.availableSizes();
    if (sizes.isEmpty())
        sizes = {QSize(16, 16), QSize(24, 24), QSize(32, 32)};
    for (const QSize &size : std::as_const(sizes)) {
        for (const QIcon::Mode mode : {QIcon::Normal, QIcon::Disabled}) {
            const QPixmap pixmap = standard.pixmap(size, mode);
            const QColor glyph = meanVisibleColour(pixmap.toImage());
            // A glyph is one grey ink: an icon of several tones (the white and blue question
            // mark) averages to grey too, but is a picture and stays as drawn.
            const bool grey = glyph.isValid() && glyph.hsvSaturation() <= kGreyestSaturation
                              && lightnessSpread(pixmap.toImage()) <= kWidestSpread;
            if (grey && mode == QIcon::Normal && lightnessGap(glyph, background) < kLeastGap) {
                result.addPixmap(recoloured(pixmap, ink), mode);
                changed = true;
            } else if (grey && mode == QIcon::Disabled && changed) {
                result.addPixmap(recoloured(pixmap, palette.color(QPalette::Disabled, QPalette::ButtonText)), mode);
            } else {
                result.addPixmap(pixmap, mode);
            }
        }
    }
    return changed ? result : standard;
}

void setPaletteIcon(QAbstractButton *button, QStyle::StandardPixmap which)
{
    button->setProperty(kIconProperty, int(which));
    button->setIcon(paletteIcon(*button, which));
}

void setPaletteIcon(QAction *action, const QWidget &owner, QStyle::StandardPixmap which)
{
    action->setProperty(kIconProperty, int(which));
    action->setIcon(paletteIcon(owner, which));
}

void refreshPaletteIcons(QWidget *root)
{
    for (QAbstractButton *button : root->findChildren<QAbstractButton *>())
        if (const QVariant which = button->property(kIconProperty); which.isValid())
            button->setIcon(paletteIcon(*button, QStyle::StandardPixmap(which.toInt())));
    for (QAction *action : root->findChildren<QAction *>())
        if (const QVariant which = action->property(kIconProperty); which.isValid())
            action->setIcon(paletteIcon(*root, QStyle::StandardPixmap(which.toInt())));
}

}  // namespace sl::ui
