#pragma once
// Paints the player's video frames in a plain widget, letterboxed, with the face box on top.
//
// Why not QVideoWidget: in Qt 6.4 it renders into a native child window, which covers any sibling
// widget laid over it (an overlay stays invisible on X11) and which QWidget::grab() cannot read.
// Painting frames from a QVideoSink keeps the overlay visible and screenshots faithful.
#include <QVideoFrame>
#include <QWidget>

class QVideoSink;

namespace sl::ui {

class FaceBoxOverlay;

class VideoSurface : public QWidget {
    Q_OBJECT
public:
    explicit VideoSurface(QWidget *parent = nullptr);

    // Give this to QMediaPlayer::setVideoSink().
    QVideoSink *sink() const { return m_sink; }
    FaceBoxOverlay *overlay() const { return m_overlay; }

    // Forgets the last frame (a new clip, or none).
    void clear();

    // Where the picture lies inside this widget (empty before the first frame).
    QRect pictureRect() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showFrame(const QVideoFrame &frame);

    QVideoSink *m_sink;
    FaceBoxOverlay *m_overlay;
    QVideoFrame m_frame;
};

}  // namespace sl::ui
