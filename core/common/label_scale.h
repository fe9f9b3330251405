#pragma once
// The label scale of a project: MOSI/MOSEI style (continuous -3..3) or CH-SIMS style
// (-1..1 in steps of 0.2). Every label value that enters a project is checked against it.
#include <QString>
#include <QStringList>
#include <optional>

namespace sl {

enum class Target { M, T, A, V };

QString targetName(Target t);                    // "M", "T", "A", "V"
std::optional<Target> targetFromName(const QString &name);
QString targetMeaning(Target t);                 // e.g. "T: the words alone"
inline constexpr Target kAllTargets[] = {Target::M, Target::T, Target::A, Target::V};

class LabelScale {
public:
    enum class Kind { Mosi, Sims };

    LabelScale() = default;
    explicit LabelScale(Kind kind) : m_kind(kind) {}

    static std::optional<LabelScale> fromName(const QString &name);  // "mosi" or "sims"
    static QStringList names();

    Kind kind() const { return m_kind; }
    QString name() const;         // stored in the project: "mosi" / "sims"
    QString description() const;  // shown to people
    double minimum() const;
    double maximum() const;
    double step() const;          // 0 for a continuous scale

    // Empty when the value is acceptable; otherwise a sentence saying why it is refused.
    QString checkValue(double value) const;
    bool accepts(double value) const { return checkValue(value).isEmpty(); }

    friend bool operator==(const LabelScale &, const LabelScale &) = default;

private:
    Kind m_kind = Kind::Mosi;
};

}  // namespace sl
