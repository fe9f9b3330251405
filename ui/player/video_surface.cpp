#include "ui/player/video_surface.h"

#include "ui/player/face_box_overlay.h"

#include <QPainter>
#include <QVideoSink>

namespace sl::ui {

VideoSurface::VideoSurface(QWidget *parent)
    : QWidget(parent), m_sink(new QVideoSink(this)), m_overlay(new FaceBoxOverlay(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(160, 90);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &VideoSurface::showFrame);
}

void VideoSurface::clear()
{
    showFrame(QVideoFrame());
}

QRect VideoSurface::pictureRect() const
{
    if (!m_frame.isValid() || m_frame.size().isEmpty())
        return {};
    const QSize fitted = m_frame.size().scaled(size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

void VideoSurface::showFrame(const QVideoFrame &frame)
{
    const bool sizeChanged = frame.size() != m_frame.size();
    m_frame = frame;
    if (sizeChanged)
        m_overlay->setGeometry(pictureRect());
    update();
}

void VideoSurface::resizeEvent(QResizeEvent *)
{
    m_overlay->setGeometry(pictureRect());
}

void VideoSurface::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    const QRect target = pictureRect();
    if (target.isEmpty())
        return;
    // toImage() converts on the CPU; it runs only for frames that actually get painted.
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_frame.toImage());
}

}  // namespace sl::ui
