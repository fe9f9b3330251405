#include "core/common/label_scale.h"

#include <cmath>

namespace sl {

QString targetName(Target t)
{
    switch (t) {
    case Target::M: return QStringLiteral("M");
    case Target::T: return QStringLiteral("T");
    case Target::A: return QStringLiteral("A");
    case Target::V: return QStringLiteral("V");
    }
    return {};
}

std::optional<Target> targetFromName(const QString &name)
{
    for (Target t : kAllTargets)
        if (name.compare(targetName(t), Qt::CaseInsensitive) == 0)
            return t;
    return std::nullopt;
}

QString targetMeaning(Target t)
{
    switch (t) {
    case Target::M: return QStringLiteral("M: the clip as a whole");
    case Target::T: return QStringLiteral("T: the words alone");
    case Target::A: return QStringLiteral("A: the voice alone");
    case Target::V: return QStringLiteral("V: the face alone");
    }
    return {};
}

std::optional<LabelScale> LabelScale::fromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("mosi") || n == QLatin1String("mosei"))
        return LabelScale(Kind::Mosi);
    if (n == QLatin1String("sims") || n == QLatin1String("ch-sims"))
        return LabelScale(Kind::Sims);
    return std::nullopt;
}

QStringList LabelScale::names() { return {QStringLiteral("mosi"), QStringLiteral("sims")}; }

QString LabelScale::name() const
{
    return m_kind == Kind::Mosi ? QStringLiteral("mosi") : QStringLiteral("sims");
}

QString LabelScale::description() const
{
    return m_kind == Kind::Mosi ? QStringLiteral("MOSI/MOSEI style: continuous -3..3")
                                : QStringLiteral("CH-SIMS style: -1..1 in steps of 0.2");
}

double LabelScale::minimum() const { return m_kind == Kind::Mosi ? -3.0 : -1.0; }
double LabelScale::maximum() const { return m_kind == Kind::Mosi ? 3.0 : 1.0; }
double LabelScale::step() const { return m_kind == Kind::Mosi ? 0.0 : 0.2; }

QString LabelScale::checkValue(double value) const
{
    if (!std::isfinite(value))
        return QStringLiteral("label value is not a finite number");
    // Dataset files store labels as float32 turned into text, so allow a tiny tolerance.
    constexpr double tolerance = 1e-6;
    if (value < minimum() - tolerance || value > maximum() + tolerance)
        return QStringLiteral("label %1 is outside the %2 scale (%3..%4)")
            .arg(value)
            .arg(name())
            .arg(minimum())
            .arg(maximum());
    if (step() > 0) {
        const double steps = (value - minimum()) / step();
        if (std::fabs(steps - std::nearbyint(steps)) > 1e-4)
            return QStringLiteral("label %1 is not on the %2 scale's steps of %3")
                .arg(value)
                .arg(name())
                .arg(step());
    }
    return {};
}

}  // namespace sl
