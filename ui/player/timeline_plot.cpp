#include "ui/player/timeline_plot.h"

#include <QEvent>

#include "ui/plots/modality_palette.h"
#include "ui/player/unit_range.h"
#include "ui/player/waveform_envelope.h"

#include <algorithm>
#include <cmath>

namespace sl::ui {

namespace {

// Each row is one unit tall on the y axis; its content keeps this margin from the neighbours.
constexpr double kRowMargin = 0.08;
// Before the first layout the plot does not know its width; this many buckets look fine anywhere.
constexpr int kDefaultBuckets = 1000;

// A curve measured on audio or video takes that modality's colour (modality_palette.h, the same
// as in the explanation views); several curves of one modality alternate darker and lighter
// shades of it. Curves of no modality take neutral tones that no modality uses.
QColor curveColor(CurveSource source, int rank)
{
    static const int shades[] = {100, 135, 70, 160};
    const int shade = shades[rank % static_cast<int>(std::size(shades))];
    const auto shaded = [shade](const QColor &colour) { return shade >= 100 ? colour.darker(shade) : colour.lighter(100 + (100 - shade)); };
    switch (source) {
    case CurveSource::Audio: return shaded(plots::modalityColour(1));
    case CurveSource::Video: return shaded(plots::modalityColour(2));
    case CurveSource::Other: break;
    }
    static const QColor neutral[] = {QColor(120, 120, 120), QColor(150, 80, 200), QColor(140, 130, 40)};
    return neutral[rank % static_cast<int>(std::size(neutral))];
}

// The lanes' names come from core in English (session/clip_timeline.cpp); they are shown in the
// interface language, looked up when the lanes are built (so again on a language change).
const char *const kLaneNames[] = {QT_TRANSLATE_NOOP("sl::ui::TimelinePlot", "pitch (Hz)"),
                                  QT_TRANSLATE_NOOP("sl::ui::TimelinePlot", "loudness (dB)"),
                                  QT_TRANSLATE_NOOP("sl::ui::TimelinePlot", "smile"),
                                  QT_TRANSLATE_NOOP("sl::ui::TimelinePlot", "motion"),
                                  QT_TRANSLATE_NOOP("sl::ui::TimelinePlot", "speech"),
                                  QT_TRANSLATE_NOOP("sl::ui::TimelinePlot", "valence")};

QString laneName(const QString &name)
{
    for (const char *known : kLaneNames)
        if (name == QLatin1String(known))
            return TimelinePlot::tr(known);
    return name;
}

bool sourceShown(CurveSource source, bool audio, bool video)
{
    return (source != CurveSource::Audio || audio) && (source != CurveSource::Video || video);
}

}  // namespace

TimelinePlot::TimelinePlot(QWidget *parent) : QCustomPlot(parent)
{
    setMinimumHeight(110);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    yAxis->grid()->setVisible(false);
    yAxis->setTickLength(0);
    yAxis->setSubTicks(false);

    // The playhead moves many times a second; on its own buffered layer it is redrawn alone
    // instead of repainting every curve each time.
    addLayer(QStringLiteral("playhead"), layer(QStringLiteral("main")), limAbove);
    layer(QStringLiteral("playhead"))->setMode(QCPLayer::lmBuffered);
    m_playhead = new QCPItemStraightLine(this);
    m_playhead->setLayer(QStringLiteral("playhead"));
    m_playhead->setPen(QPen(QColor(220, 30, 30), 1.5));
    setPlayheadMs(0);

    connect(this, &QCustomPlot::mousePress, this, &TimelinePlot::seekToPixel);
    connect(this, &QCustomPlot::mouseMove, this, &TimelinePlot::seekToPixel);
    // The envelope has one bucket per pixel, so a new width needs new buckets. afterLayout comes
    // once the axis rect knows its size and before anything is drawn.
    connect(this, &QCustomPlot::afterLayout, this, [this] {
        if (m_waveHigh && axisRect()->width() != m_waveBuckets)
            fillWaveform();
    });
    applyPalette();
    rebuild();
}

void TimelinePlot::changeEvent(QEvent *event)
{
    QCustomPlot::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    if (event->type() == QEvent::LanguageChange)
        rebuild();  // the lane names
}

void TimelinePlot::applyPalette()
{
    const QPalette p = palette();
    setBackground(p.brush(QPalette::Base));
    const QPen line(p.color(QPalette::Text));
    QColor gridColor = p.color(QPalette::Text);
    gridColor.setAlpha(50);
    for (QCPAxis *axis : {xAxis, yAxis}) {
        axis->setBasePen(line);
        axis->setTickPen(line);
        axis->setSubTickPen(line);
        axis->setTickLabelColor(p.color(QPalette::Text));
        axis->setLabelColor(p.color(QPalette::Text));
        axis->grid()->setPen(QPen(gridColor, 1, Qt::DotLine));
    }
    replot();
}

void TimelinePlot::setDurationMs(qint64 durationMs)
{
    m_durationMs = durationMs;
    updateTimeRange();
    replot(rpQueuedReplot);
}

void TimelinePlot::setWaveform(std::vector<float> samples, int sampleRate)
{
    m_samples = std::move(samples);
    m_sampleRate = sampleRate;
    rebuild();
}

void TimelinePlot::setCurves(const QList<TimelineCurve> &curves)
{
    m_curves = curves;
    rebuild();
}

void TimelinePlot::setSourcesShown(bool audio, bool video)
{
    if (audio == m_audioShown && video == m_videoShown)
        return;
    m_audioShown = audio;
    m_videoShown = video;
    rebuild();
}

void TimelinePlot::setPlayheadMs(qint64 ms)
{
    m_playheadMs = ms;
    const double seconds = static_cast<double>(ms) / 1000.0;
    m_playhead->point1->setCoords(seconds, 0);
    m_playhead->point2->setCoords(seconds, 1);
    layer(QStringLiteral("playhead"))->replot();
}

bool TimelinePlot::waveformShown() const
{
    return m_audioShown && m_sampleRate > 0 && !m_samples.empty();
}

void TimelinePlot::rebuild()
{
    clearGraphs();
    m_waveHigh = m_waveLow = nullptr;
    QList<const TimelineCurve *> shownCurves;
    for (const TimelineCurve &curve : m_curves) {
        if (sourceShown(curve.source, m_audioShown, m_videoShown))
            shownCurves.append(&curve);
    }
    const auto rows = static_cast<int>(shownCurves.size()) + (waveformShown() ? 1 : 0);

    // Rows go top to bottom in the order given, so row k sits at height rows - 1 - k.
    m_rowNames.clear();
    int row = 0;
    if (waveformShown()) {
        addWaveformRow(rows - 1 - row++);
        m_rowNames.append(tr("Audio"));
    }
    int ranks[3] = {0, 0, 0};  // curves so far per CurveSource, for their shades
    for (int i = 0; i < shownCurves.size(); ++i) {
        const CurveSource source = shownCurves[i]->source;
        addCurveRow(*shownCurves[i], rows - 1 - row++, curveColor(source, ranks[static_cast<int>(source)]++));
        m_rowNames.append(laneName(shownCurves[i]->name));
    }

    auto ticker = yAxis->ticker().staticCast<QCPAxisTickerText>();
    ticker->clear();
    for (int k = 0; k < m_rowNames.size(); ++k)
        ticker->addTick(rows - 1 - k + 0.5, m_rowNames[k]);
    yAxis->setRange(0, std::max(1, rows));
    updateTimeRange();
    replot(rpQueuedReplot);
}

void TimelinePlot::addWaveformRow(double base)
{
    m_waveHigh = addGraph();
    m_waveLow = addGraph();
    m_waveHigh->setName(tr("Audio"));
    m_waveLow->setName(tr("Audio"));
    const QColor color = plots::modalityColour(1);  // audio
    for (QCPGraph *edge : {m_waveHigh, m_waveLow})
        edge->setPen(QPen(color, 1));
    // Filling between the upper and the lower edge draws the envelope as one solid band.
    m_waveHigh->setBrush(color.lighter(130));
    m_waveHigh->setChannelFillGraph(m_waveLow);
    m_waveBase = base;
    fillWaveform();
}

void TimelinePlot::fillWaveform()
{
    const int width = axisRect()->width();
    m_waveBuckets = width > 0 ? width : kDefaultBuckets;
    WaveformEnvelope envelope = envelopeOf(m_samples, m_sampleRate, m_waveBuckets);
    // Scale to the loudest moment so quiet recordings still show their shape.
    double peak = 0;
    for (qsizetype i = 0; i < envelope.times.size(); ++i)
        peak = std::max({peak, std::abs(envelope.lows[i]), std::abs(envelope.highs[i])});
    const double scale = (0.5 - kRowMargin) / (peak > 0 ? peak : 1.0);
    const double centre = m_waveBase + 0.5;
    for (qsizetype i = 0; i < envelope.times.size(); ++i) {
        envelope.lows[i] = centre + envelope.lows[i] * scale;
        envelope.highs[i] = centre + envelope.highs[i] * scale;
    }
    m_waveHigh->setData(envelope.times, envelope.highs, true);
    m_waveLow->setData(envelope.times, envelope.lows, true);
}

void TimelinePlot::addCurveRow(const TimelineCurve &curve, double base, const QColor &color)
{
    QCPGraph *graph = addGraph();
    graph->setName(curve.name);
    graph->setPen(QPen(color, 1.5));
    const qsizetype count = std::min(curve.times.size(), curve.values.size());
    QVector<double> heights = toUnitRange(curve.values.first(count));
    for (double &h : heights)
        h = base + kRowMargin + h * (1 - 2 * kRowMargin);
    graph->setData(curve.times.first(count), heights);
}

void TimelinePlot::updateTimeRange()
{
    double end = static_cast<double>(m_durationMs) / 1000.0;
    if (end <= 0) {
        // No clip yet: fit whatever data there is.
        if (m_sampleRate > 0)
            end = static_cast<double>(m_samples.size()) / m_sampleRate;
        for (const TimelineCurve &curve : m_curves) {
            for (double t : curve.times)
                end = std::max(end, t);
        }
    }
    xAxis->setRange(0, end > 0 ? end : 1.0);
}

void TimelinePlot::seekToPixel(QMouseEvent *event)
{
    const QPointF at = event->position();
    if (!(event->buttons() & Qt::LeftButton) || at.x() < axisRect()->left() || at.x() > axisRect()->right())
        return;
    const double seconds = std::clamp(xAxis->pixelToCoord(at.x()), 0.0, xAxis->range().upper);
    emit seekRequested(std::llround(seconds * 1000.0));
}

}  // namespace sl::ui
