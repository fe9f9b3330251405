#pragma once
// A see-through layer that outlines the face box over the video picture.
#include <QRectF>
#include <QWidget>

namespace sl::ui {

// The owner gives this widget exactly the geometry of the displayed picture, so a box in
// normalised picture coordinates maps to the widget's own rectangle with no letterbox arithmetic.
class FaceBoxOverlay : public QWidget {
    Q_OBJECT
public:
    explicit FaceBoxOverlay(QWidget *parent = nullptr);

    // Normalised (0..1) box; an empty one draws nothing.
    void setBox(const QRectF &normalisedBox);
    QRectF box() const { return m_box; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRectF m_box;
};

}  // namespace sl::ui
