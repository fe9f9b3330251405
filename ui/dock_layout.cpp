#include "ui/dock_layout.h"

#include <QDockWidget>
#include <QFrame>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollArea>
#include <QWidget>

namespace sl::ui {

namespace {
constexpr QSize kComfortable(1600, 1000);
}

QSize dockMinimumSize() { return {160, 90}; }

void makeDockShrinkable(QDockWidget *dock)
{
    QWidget *content = dock->widget();
    if (!content)
        return;
    const QSize limit = dockMinimumSize();
    const QSize needed = content->minimumSizeHint().expandedTo(content->minimumSize());
    if (needed.width() > limit.width() || needed.height() > limit.height()) {
        // The content keeps the size it needs to be readable, and the dock shows it scrolled.
        auto *scroll = new QScrollArea(dock);
        scroll->setObjectName(dock->objectName() + QStringLiteral("Scroll"));
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidgetResizable(true);
        scroll->setWidget(content);
        dock->setWidget(scroll);
        content = scroll;
    }
    content->setMinimumSize(limit);
}

QDockWidget *dockOf(QWidget *widget)
{
    for (QWidget *w = widget ? widget->parentWidget() : nullptr; w; w = w->parentWidget())
        if (auto *dock = qobject_cast<QDockWidget *>(w))
            return dock;
    return nullptr;
}

QRect fittedGeometry(const QRect &window, const QRect &available)
{
    if (available.isEmpty())
        return window;
    QRect fitted(window.topLeft(), window.size().boundedTo(available.size()));
    if (fitted.right() > available.right())
        fitted.moveRight(available.right());
    if (fitted.bottom() > available.bottom())
        fitted.moveBottom(available.bottom());
    if (fitted.left() < available.left())
        fitted.moveLeft(available.left());
    if (fitted.top() < available.top())
        fitted.moveTop(available.top());
    return fitted;
}

bool fitWindowToScreen(QWidget *window)
{
    if (window->isMaximized() || window->isFullScreen())
        return false;
    QScreen *screen = window->screen() ? window->screen() : QGuiApplication::primaryScreen();
    if (!screen)
        return false;
    const QRect available = screen->availableGeometry();
    const QRect frame = window->frameGeometry();
    const QRect fitted = fittedGeometry(frame, available);
    if (fitted == frame)
        return false;
    // The frame (title bar, borders) is outside the client area: keep its margins.
    const QSize margins = frame.size() - window->size();
    window->resize(fitted.size() - margins);
    window->move(fitted.topLeft());
    return true;
}

bool firstStartMaximised(const QSize &available)
{
    // Screens without room for the comfortable size (1366x768, 1440x900) give the window all of it.
    return available.width() < kComfortable.width() || available.height() < kComfortable.height();
}

QSize firstStartSize(const QSize &available) { return kComfortable.boundedTo(available); }

}  // namespace sl::ui
