#pragma once
// The three modality contributions as horizontal bars that grow from a centre line: left pulls the
// prediction negative, right positive. Painted large for a room; the lengths come from
// ContributionAnimation, so they build up as the clip plays.
#include <QWidget>
#include <array>

namespace sl::present {

class ContributionBars : public QWidget {
    Q_OBJECT
public:
    explicit ContributionBars(QWidget *parent = nullptr);

    // The value at which a bar fills its half (e.g. the label scale's maximum).
    void setFullScale(double fullScale);
    void setValues(const std::array<double, 3> &values);
    void setCaption(const QString &caption);  // what the bars are ("Shapley values", ...)
    void setAvailable(bool available);
    const std::array<double, 3> &values() const { return m_values; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_fullScale = 3;
    std::array<double, 3> m_values{};
    QString m_caption;
    bool m_available = false;
};

}  // namespace sl::present
