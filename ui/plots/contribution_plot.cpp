#include "ui/plots/contribution_plot.h"

#include "ui/plots/plot_text.h"

#include "ui/plots/plot_canvas.h"

#include <QCoreApplication>
#include <cmath>

namespace sl::plots {

namespace {


// The three series of a modality sit side by side, each 0.25 wide: series s is centred at
// key + (s - 1) * 0.25. Placed by hand rather than by a QCPBarsGroup, because the Shapley series
// is three QCPBars (one per modality, each in its modality's colour) and a group would give each
// of them a slot of its own.
double seriesKey(int series, double key) { return key + (series - 1) * 0.25; }

QCPBars *addBars(QCustomPlot *plot, const QString &name, const QColor &colour, const QVector<double> &keys, const QVector<double> &values)
{
    auto *bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setName(name);
    bars->setWidth(0.23);
    bars->setPen(QPen(colour.darker(130)));
    bars->setBrush(colour);
    bars->setData(keys, values, true);
    return bars;
}

void addLevel(QCustomPlot *plot, double value, const QString &text, const QColor &colour, Qt::PenStyle style)
{
    auto *line = new QCPItemStraightLine(plot);
    line->setPen(QPen(colour, 1.5, style));
    line->point1->setCoords(0, value);
    line->point2->setCoords(1, value);
    auto *label = new QCPItemText(plot);
    label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    label->position->setTypeY(QCPItemPosition::ptPlotCoords);
    label->position->setCoords(0.01, value);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setColor(colour);
    label->setText(text);
}

// Across the top of the plot, in every export too: the contributions of a clip outside the
// training data explain an extrapolation, not a judgement.
void addOutsideBanner(QCustomPlot *plot, const QString &modalities)
{
    auto *banner = new QCPItemText(plot);
    banner->setObjectName(QStringLiteral("outsideBanner"));
    banner->position->setType(QCPItemPosition::ptAxisRectRatio);
    banner->position->setCoords(0.5, 0.02);
    banner->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
    QFont font = plot->font();
    font.setBold(true);
    banner->setFont(font);
    banner->setColor(QColor(0xa0, 0x40, 0x00));
    banner->setBrush(QColor(255, 236, 200, 230));
    banner->setPen(QPen(QColor(0xd9, 0x6c, 0x00)));
    banner->setPadding(QMargins(6, 3, 6, 3));
    banner->setText(tr("⚠ outside the training data (%1): the model extrapolates").arg(modalities));
}

// Each bar's value written at its end, so the numbers need no reading off the axis.
void addBarValues(QCustomPlot *plot, int series, const QVector<double> &keys, const QVector<double> &values)
{
    for (int i = 0; i < keys.size(); ++i) {
        auto *text = new QCPItemText(plot);
        text->position->setCoords(seriesKey(series, keys[i]), values[i]);
        text->setPositionAlignment(Qt::AlignHCenter | (values[i] >= 0 ? Qt::AlignBottom : Qt::AlignTop));
        text->setText(QString::number(values[i], 'f', 2));
        text->setClipToAxisRect(false);
    }
}

// Shapley values are efficient: f(none) + phi_T + phi_A + phi_V = f(all). Written out, the
// starting point and the bars visibly add up to the prediction.
void addSumLine(QCustomPlot *plot, const ContributionData &data)
{
    QString sum = tr("f(none) %1").arg(data.fNone, 0, 'f', 2);
    for (int m = 0; m < kModalities; ++m) {
        const double phi = data.phi[size_t(m)];
        sum += QStringLiteral(" %1 φ%2 %3").arg(phi < 0 ? QStringLiteral("−") : QStringLiteral("+"), modalityCode(m)).arg(std::fabs(phi), 0, 'f', 2);
    }
    sum += tr(" = f(all) %1").arg(data.fAll, 0, 'f', 2);
    auto *text = new QCPItemText(plot);
    text->setObjectName(QStringLiteral("contributionSum"));
    text->position->setType(QCPItemPosition::ptAxisRectRatio);
    text->position->setCoords(0.99, 0.01);
    text->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    text->setText(sum);
}

}  // namespace

void drawContributions(QCustomPlot *plot, const ContributionData &data, const QString &title)
{
    resetPlot(plot, title);
    QVector<double> keys, phi, unimodal, labels, labelKeys, unimodalKeys;
    for (int m = 0; m < kModalities; ++m) {
        keys << m + 1;
        phi << data.phi[size_t(m)];
        if (std::isfinite(data.unimodal[size_t(m)])) {
            unimodalKeys << m + 1;
            unimodal << data.unimodal[size_t(m)];
        }
        if (data.labels[size_t(m) + 1]) {
            labelKeys << m + 1;
            labels << *data.labels[size_t(m) + 1];
        }
    }
    // Always three slots per modality, so every clip's bars sit in the same places, even where
    // one is empty. The Shapley bars take their modality's colour (modality_palette.h), as in
    // every other view; the unimodal predictions are neutral grey, the human label its own hue.
    const auto shifted = [](int series, const QVector<double> &at) {
        QVector<double> out;
        for (double key : at)
            out << seriesKey(series, key);
        return out;
    };
    for (int m = 0; m < kModalities; ++m)
        addBars(plot, tr("Shapley φ%1").arg(modalityCode(m)), modalityColour(m), {seriesKey(0, keys[m])}, {phi[m]});
    addBars(plot, tr("Unimodal prediction"), QColor(150, 150, 150), shifted(1, unimodalKeys), unimodal);
    const QString humanLabel = data.labelSource.isEmpty() ? tr("Human label") : tr("Human label (%1)").arg(data.labelSource);
    addBars(plot, humanLabel, humanLabelColour(), shifted(2, labelKeys), labels);
    addBarValues(plot, 0, keys, phi);
    addBarValues(plot, 1, unimodalKeys, unimodal);
    addBarValues(plot, 2, labelKeys, labels);
    addSumLine(plot, data);

    addLevel(plot, data.fNone, tr("f(none) %1").arg(data.fNone, 0, 'f', 2), QColor(120, 120, 120), Qt::DashLine);
    // f(all) is the model's own number; where it lies beyond the label scale, the reported
    // (clipped) prediction is named beside it.
    addLevel(plot, data.fAll,
             data.reported ? tr("f(all) %1, reported %2 (clipped to the scale)").arg(data.fAll, 0, 'f', 2).arg(*data.reported, 0, 'f', 2)
                           : tr("f(all) %1").arg(data.fAll, 0, 'f', 2),
             QColor(Qt::black), Qt::SolidLine);  // default ink: follows the theme
    if (data.labels[0])
        addLevel(plot, *data.labels[0], data.labelSource.isEmpty() ? tr("human M %1").arg(*data.labels[0], 0, 'f', 1)
                                                         : tr("human M %1 (%2)").arg(*data.labels[0], 0, 'f', 1).arg(data.labelSource), humanLabelColour().darker(115), Qt::DotLine);
    auto *zero = new QCPItemStraightLine(plot);
    zero->setPen(QPen(QColor(0, 0, 0, 90)));
    zero->point1->setCoords(0, 0);
    zero->point2->setCoords(1, 0);

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const QStringList outside = data.outside.split(QStringLiteral(", "), Qt::SkipEmptyParts);
    for (int m = 0; m < kModalities; ++m)
        ticker->addTick(m + 1, outside.contains(modalityCode(m)) ? modalityCode(m) + QStringLiteral(" ⚠") : modalityCode(m));
    plot->xAxis->setTicker(ticker);
    plot->xAxis->setRange(0.4, 3.6);
    double low = std::min({0.0, data.fNone, data.fAll}), high = std::max({0.0, data.fNone, data.fAll});
    const auto widen = [&](double v) { low = std::min(low, v); high = std::max(high, v); };
    for (double v : phi) widen(v);
    for (double v : unimodal) widen(v);
    for (double v : labels) widen(v);
    if (data.labels[0])
        widen(*data.labels[0]);
    const double margin = std::max(0.15, (high - low) * 0.16);  // room for the values and the sum
    plot->yAxis->setRange(low - margin, high + margin);
    plot->yAxis->setLabel(tr("sentiment"));
    // The legend in one row under the plot: inside, it would hide some modality's bars.
    placeLegendBelow(plot);
    if (!outside.isEmpty())
        addOutsideBanner(plot, data.outside);
    plot->replot();
}

}  // namespace sl::plots
