#include "core/demo/expression.h"

#include "core/demo/label_rule.h"

#include <algorithm>
#include <cmath>

namespace sl::demo {

QString headMotionName(HeadMotion motion)
{
    const char *const names[] = {"still", "nod", "shake"};  // in enum order
    return QString::fromLatin1(names[int(motion)]);
}

QJsonObject Expression::toJson() const
{
    return {{"motion", headMotionName(motion)}, {"amplitudePx", amplitudePx}, {"frequencyHz", frequencyHz},
            {"rotationDeg", rotationDeg},       {"smile", smile},             {"mouthCornerLiftPx", cornerLiftPx},
            {"lipSqueeze", lipSqueeze}};
}

Expression expressionFor(double visualLabel)
{
    const double v = std::clamp(visualLabel / kLabelMax, -1.0, 1.0);
    Expression e;
    e.smile = v;
    // The photo already smiles, so V = 0 pulls the corners down a little to look neutral, and a
    // frown travels further than a smile and also closes the lips.
    e.cornerLiftPx = v >= 0 ? -2.5 + 6.5 * v : -2.5 + 9.5 * v;
    e.lipSqueeze = v < 0 ? 1.4 * -v : 0.0;
    if (v > 0) {
        e.motion = HeadMotion::Nod;
        e.amplitudePx = 7.5 * v;
        e.frequencyHz = 1.5;
    } else if (v < 0) {
        e.motion = HeadMotion::Shake;
        e.amplitudePx = 9.0 * -v;
        e.frequencyHz = 2.0;
        e.rotationDeg = 4.5 * -v;
    } else {
        // A slow, tiny drift, like breathing, so a neutral face is not a frozen picture.
        e.amplitudePx = 0.6;
        e.frequencyHz = 0.4;
    }
    return e;
}

}  // namespace sl::demo
