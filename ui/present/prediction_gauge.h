#pragma once
// The multimodal prediction as a large half-dial, readable across a room: red (negative) through
// grey to green (positive), a needle at the prediction, the number in big type under it, and a
// small tick at the human label when the clip has one.
#include <QString>
#include <QWidget>
#include <optional>

namespace sl::present {

class PredictionGauge : public QWidget {
    Q_OBJECT
public:
    explicit PredictionGauge(QWidget *parent = nullptr);

    void setRange(double minimum, double maximum);
    // The needle moves to `shown` (animated by the caller through progress, like the bars).
    void setValue(std::optional<double> value);
    void setLabel(std::optional<double> label);
    // The modalities in which the clip lies outside the model's training data ("A, V"): a warning
    // under the number; empty: none.
    void setOutside(const QString &modalities);
    QString outside() const { return m_outside; }
    std::optional<double> value() const { return m_value; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_min = -3, m_max = 3;
    std::optional<double> m_value;
    std::optional<double> m_label;
    QString m_outside;
};

}  // namespace sl::present
