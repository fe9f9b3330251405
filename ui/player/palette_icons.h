#pragma once
// Standard icons that stay visible in either theme (issue 17). The Fusion style draws its media
// and skip icons as dark grey glyphs, which vanish on the dark theme's buttons; such a glyph is
// drawn again in the palette's button text colour, its shape (alpha) kept. Coloured icons (the
// folder, the question mark) and glyphs that already stand out are left as the style draws them.
#include <QIcon>
#include <QStyle>

class QAbstractButton;
class QAction;
class QWidget;

namespace sl::ui {

// `which` as the style draws it, recoloured where it would not show on the application's
// palette for `widget` (the theme in force).
QIcon paletteIcon(const QWidget &widget, QStyle::StandardPixmap which);

// Sets the icon and remembers `which`, so that refreshPaletteIcons() draws it again after a
// theme change. An action takes the palette of `owner` (the window it is shown in).
void setPaletteIcon(QAbstractButton *button, QStyle::StandardPixmap which);
void setPaletteIcon(QAction *action, const QWidget &owner, QStyle::StandardPixmap which);

// Every button and action under `root` given its icon by setPaletteIcon, drawn anew for the
// palette now in force (call after the theme changes).
void refreshPaletteIcons(QWidget *root);

// How far apart two colours' lightness lies (0-255): what makes a glyph stand out.
int lightnessGap(const QColor &a, const QColor &b);
// The mean colour of an image's visible pixels, weighted by their opacity.
QColor meanVisibleColour(const QImage &image);

}  // namespace sl::ui
