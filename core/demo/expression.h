#pragma once
// The face of a clip, set by its visual label V: positive V nods and smiles, negative V shakes
// the head and frowns, both growing with |V|; V = 0 keeps the head nearly still.
#include <QJsonObject>
#include <QString>

namespace sl::demo {

enum class HeadMotion { Still, Nod, Shake };

QString headMotionName(HeadMotion motion);  // "still", "nod", "shake"

struct Expression {
    HeadMotion motion = HeadMotion::Still;
    double amplitudePx = 0;   // peak head displacement in output pixels (vertical for nods)
    double frequencyHz = 0;   // oscillations per second
    double rotationDeg = 0;   // peak head roll that goes with a shake
    double smile = 0;         // -1 (full frown) .. 1 (full smile), V / 3
    double cornerLiftPx = 0;  // upward shift of the mouth corners in photo pixels (negative: down)
    double lipSqueeze = 0;    // 0..1, how far a frown closes the (smiling, open) lips

    QJsonObject toJson() const;
};

Expression expressionFor(double visualLabel);

}  // namespace sl::demo
