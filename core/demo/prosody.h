#pragma once
// The voice of a clip, set by its acoustic label A: positive A speaks higher, with a wider pitch
// range, faster and louder; negative A low, flat, slow and soft.
#include <QJsonObject>

namespace sl::demo {

struct Prosody {
    int pitch = 50;          // espeak-ng -p, 0..99
    int speedWpm = 165;      // espeak-ng -s, words per minute
    int amplitude = 100;     // espeak-ng -a, 0..200
    int rangePercent = 100;  // SSML <prosody range="N%">, pitch excursion relative to normal

    QJsonObject toJson() const;
};

Prosody prosodyFor(double acousticLabel);

}  // namespace sl::demo
