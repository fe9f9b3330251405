#include "ui/player/face_box_overlay.h"

#include <QPainter>

namespace sl::ui {

FaceBoxOverlay::FaceBoxOverlay(QWidget *parent) : QWidget(parent)
{
    // Clicks belong to the video below; the overlay only draws.
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
}

void FaceBoxOverlay::setBox(const QRectF &normalisedBox)
{
    if (normalisedBox == m_box)
        return;
    m_box = normalisedBox;
    update();
}

void FaceBoxOverlay::paintEvent(QPaintEvent *)
{
    if (m_box.isEmpty())
        return;
    const QRectF box(m_box.x() * width(), m_box.y() * height(), m_box.width() * width(),
                     m_box.height() * height());
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    // A dark halo under the bright line keeps the box visible on light and dark pictures alike.
    painter.setPen(QPen(QColor(0, 0, 0, 180), 5));
    painter.drawRect(box);
    painter.setPen(QPen(QColor(40, 255, 110), 2.5));
    painter.drawRect(box);
}

}  // namespace sl::ui
