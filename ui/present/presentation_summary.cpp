#include "ui/present/presentation_summary.h"

#include <QStringList>
#include <algorithm>
#include <cmath>

namespace sl::present {

BarAgreement barAgreement(const std::optional<Contributions> &shown)
{
    if (!shown)
        return BarAgreement::None;
    double largest = 0.0;
    for (double value : shown->values)
        largest = std::max(largest, std::fabs(value));
    if (largest < kSlightPull)
        return BarAgreement::Slight;
    const double visible = std::max(kRoundsToZero, kVisibleShare * largest);
    const auto pull = [&](double value) { return std::fabs(value) >= visible ? value : 0.0; };
    bool up = false, down = false;
    for (double value : shown->values) {
        up = up || pull(value) > 0;
        down = down || pull(value) < 0;
    }
    if (!(up && down))
        return BarAgreement::Agree;
    return pull(shown->values[0]) != 0 ? BarAgreement::WordsDisagree : BarAgreement::OthersDisagree;
}

namespace {

double hundredths(double value) { return std::round(value * 100.0) / 100.0; }

// A real minus sign, and no "-0.00".
QString number(double value)
{
    const double rounded = hundredths(value);
    const QString digits = QString::number(std::fabs(rounded), 'f', 2);
    return rounded < 0 ? QStringLiteral("\u2212") + digits : digits;
}

}  // namespace

QString barSumLine(const Contributions &contributions, double *end)
{
    if (!contributions.shapley || !contributions.start)
        return {};
    double exact = *contributions.start;
    double printed = hundredths(*contributions.start);
    QStringList parts{QStringLiteral("f(none) %1").arg(number(*contributions.start))};
    const char *names[] = {"T", "A", "V"};
    for (size_t m = 0; m < contributions.values.size(); ++m) {
        const double value = contributions.values[m];
        exact += value;
        printed += hundredths(value);
        parts << QStringLiteral("%1 %2").arg(QLatin1String(names[m]), number(value));
    }
    if (end)
        *end = exact;
    return parts.join(QStringLiteral(" + ")) + QStringLiteral(" = ") + number(printed);
}

}  // namespace sl::present
