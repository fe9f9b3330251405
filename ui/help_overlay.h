#pragma once
// A translucent sheet over the window that lists every shortcut and the labelling keys.
// Opened with F1 or "?", closed with any key or a click.
#include <QWidget>

namespace sl::ui {

class ShortcutRegistry;

class HelpOverlay : public QWidget {
    Q_OBJECT
public:
    HelpOverlay(const ShortcutRegistry &registry, QWidget *parent);

    void showOver(QWidget *window);
    QString helpText() const;  // the text shown, for tests

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    const ShortcutRegistry &m_registry;
};

}  // namespace sl::ui
