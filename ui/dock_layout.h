#pragma once
// How the window's docks share the screen: each dock small enough that opening it never pushes the
// window past the screen (content that needs more room scrolls inside its dock), saved geometries
// fitted to the screen they come back on, and a first start that fits the screen.
#include <QRect>
#include <QSize>

class QDockWidget;
class QMainWindow;
class QWidget;

namespace sl::ui {

// The most room a dock may demand: 1366x768 fits the window's docks at this minimum.
QSize dockMinimumSize();

// Gives `dock` a small minimum size. A dock whose content needs more than that (a plot, a form) gets
// its content in a scroll area, so that it scrolls instead of growing the window.
void makeDockShrinkable(QDockWidget *dock);

// The dock that shows `widget` (directly or inside a dock's scroll area); null when none does.
QDockWidget *dockOf(QWidget *widget);

// `window` moved and shrunk to lie inside `available` (a screen's available geometry).
QRect fittedGeometry(const QRect &window, const QRect &available);

// Fits a top-level window (its frame) into the available area of the screen it is on; a maximised
// or full-screen window is left alone. Returns whether it had to move or shrink.
bool fitWindowToScreen(QWidget *window);

// The first start's geometry: 1600x1000 when the screen's available area has room for it, else
// maximised (returns true then: the caller shows it maximised).
bool firstStartMaximised(const QSize &available);
QSize firstStartSize(const QSize &available);

}  // namespace sl::ui
