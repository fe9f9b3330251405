#pragma once
// The strip under the video: the audio waveform and feature curves on one time axis, each in its
// own row, with a playhead. Clicking or dragging on it asks for a seek.
#include "ui/player/timeline_curve.h"

#include <qcustomplot.h>

#include <vector>

namespace sl::ui {

class TimelinePlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit TimelinePlot(QWidget *parent = nullptr);

    // The time axis spans the clip; until the duration is known it spans the data.
    void setDurationMs(qint64 durationMs);
    void setWaveform(std::vector<float> samples, int sampleRate);
    void setCurves(const QList<TimelineCurve> &curves);
    // Rows measured on a withheld modality are left out (see CurveSource).
    void setSourcesShown(bool audio, bool video);

    void setPlayheadMs(qint64 ms);
    qint64 playheadMs() const { return m_playheadMs; }

    // How many rows are drawn now (the waveform counts as one).
    int rowCount() const { return m_rowNames.size(); }

signals:
    void seekRequested(qint64 ms);

protected:
    void changeEvent(QEvent *event) override;

private:
    // Plot background, axes and labels follow the widget palette (light and dark themes).
    void applyPalette();
    void rebuild();
    void addWaveformRow(double base);
    void addCurveRow(const TimelineCurve &curve, double base, const QColor &color);
    void fillWaveform();
    void updateTimeRange();
    void seekToPixel(QMouseEvent *event);
    bool waveformShown() const;

    std::vector<float> m_samples;
    int m_sampleRate = 0;
    QList<TimelineCurve> m_curves;
    bool m_audioShown = true;
    bool m_videoShown = true;
    qint64 m_durationMs = 0;
    qint64 m_playheadMs = 0;

    QStringList m_rowNames;
    QCPGraph *m_waveHigh = nullptr;
    QCPGraph *m_waveLow = nullptr;
    double m_waveBase = 0;
    int m_waveBuckets = 0;
    QCPItemStraightLine *m_playhead;
};

}  // namespace sl::ui
