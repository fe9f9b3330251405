#include "ui/label_slider.h"

#include <QPainter>
#include <QStyleOptionSlider>

namespace sl::ui {

LabelSlider::LabelSlider(QWidget *parent) : QSlider(Qt::Horizontal, parent) {}

void LabelSlider::setEmpty(bool empty)
{
    if (empty == m_empty)
        return;
    m_empty = empty;
    setToolTip(empty ? tr("Not labelled yet: press a digit or drag") : QString());
    update();
}

void LabelSlider::paintEvent(QPaintEvent *event)
{
    if (!m_empty) {
        QSlider::paintEvent(event);
        return;
    }
    QPainter painter(this);
    QStyleOptionSlider option;
    initStyleOption(&option);
    option.subControls = QStyle::SC_SliderGroove | QStyle::SC_SliderTickmarks;  // no handle
    // Styles fill the groove up to the handle (Fusion does): from the start, so no fill at all.
    option.sliderPosition = option.minimum;
    option.sliderValue = option.minimum;
    style()->drawComplexControl(QStyle::CC_Slider, &option, &painter, this);
}

}  // namespace sl::ui
