#pragma once
// A label slider that can be empty. A plain QSlider always has a handle somewhere, so an unlabelled
// target looked like a 0 (issue 17); this one draws only the groove and the ticks while empty.
#include <QSlider>

namespace sl::ui {

class LabelSlider : public QSlider {
    Q_OBJECT
public:
    explicit LabelSlider(QWidget *parent = nullptr);

    void setEmpty(bool empty);
    bool isEmpty() const { return m_empty; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    bool m_empty = true;
};

}  // namespace sl::ui
