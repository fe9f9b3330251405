#pragma once
// The one place where the colours that carry meaning across views are defined: one colour per
// modality (text, audio, video), the human label's colour, and one per data split. The
// explanation plots, the player's timeline and the presentation's bars all take their modality
// colours from here, so "orange" means audio wherever the user meets it.
//
// Header-only on purpose: the player and the presentation widgets use it without linking the
// plotting library.
//
// The modality colours are Okabe and Ito's colour-blind-safe set (blue, orange, bluish green);
// they read on a white and on a near-black background alike, so both themes use the same three.
// The human label is reddish purple, a hue none of the modalities uses, and the splits use grey,
// sky blue and vermillion, shown only in views that draw no modality (the dataset's scatter).
#include <QColor>
#include <QString>

namespace sl::plots {

inline constexpr int kModalities = 3;  // T, A, V, in the core's order

// One fixed colour per modality (0 text, 1 audio, 2 video); grey for anything else.
inline QColor modalityColour(int modality)
{
    switch (modality) {
    case 0: return QColor(0, 114, 178);   // text: blue
    case 1: return QColor(230, 159, 0);   // audio: orange
    case 2: return QColor(0, 158, 115);   // video: bluish green
    default: return QColor(128, 128, 128);
    }
}

// The human label (bars, lines), unlike any modality's colour.
inline QColor humanLabelColour() { return QColor(204, 121, 167); }

// The dataset's splits: train, valid, test; anything else grey.
inline QColor splitColour(const QString &split)
{
    if (split == QLatin1String("train"))
        return QColor(150, 150, 150);
    if (split == QLatin1String("valid"))
        return QColor(86, 180, 233);
    if (split == QLatin1String("test"))
        return QColor(213, 94, 0);
    return QColor(110, 110, 110);
}

}  // namespace sl::plots
