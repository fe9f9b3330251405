#include "ui/help_overlay.h"

#include "ui/shortcut_registry.h"

#include <QKeyEvent>
#include <QPainter>
#include <QTextDocument>

namespace sl::ui {

HelpOverlay::HelpOverlay(const ShortcutRegistry &registry, QWidget *parent) : QWidget(parent), m_registry(registry)
{
    setFocusPolicy(Qt::StrongFocus);
    hide();
}

QString HelpOverlay::helpText() const
{
    QString html = QStringLiteral("<h2>%1</h2><table cellspacing='6'>").arg(tr("Keyboard shortcuts"));
    for (const QAction *action : m_registry.actions()) {
        const QString keys = QKeySequence::listToString(action->shortcuts(), QKeySequence::NativeText);
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(keys.isEmpty() ? tr("(none)") : keys.toHtmlEscaped(), ShortcutRegistry::plainText(action).toHtmlEscaped());
    }
    html += QStringLiteral("</table><h3>%1</h3><p>%2</p><p>%3</p>")
                .arg(tr("Labelling keys"),
                     tr("0-9 set the size of the current label (1 unit per digit; 0.2 per digit on the CH-SIMS scale), "
                        "keeping its sign: press - then 2 for -2. + and - step by one unit, Alt with + or - by a fine step, "
                        "N flips the sign (an empty label stays empty), Delete clears; a digit beyond the scale stops at its "
                        "end and the status bar says so. Tab and Shift+Tab move between M, T, A and V; each clip starts on "
                        "the first target (the mode's in a review mode). With View > Auto-advance a digit moves on to the "
                        "next target, and the last one to the next clip not done. Every key is one undo step: Ctrl+Z "
                        "undoes it, Ctrl+Shift+Z or Ctrl+Y redoes it. M is the main label; Ctrl+M mutes."),
                     tr("Press any key to close this help."));
    return html;
}

void HelpOverlay::showOver(QWidget *window)
{
    setGeometry(window->rect());
    raise();
    show();
    setFocus();
}

void HelpOverlay::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 190));
    QTextDocument document;
    document.setDefaultStyleSheet(QStringLiteral("body, td, p, h2, h3 { color: white; }"));
    document.setHtml(QStringLiteral("<body>") + helpText() + QStringLiteral("</body>"));
    document.setTextWidth(width() * 0.8);
    painter.translate(width() * 0.1, 30);
    document.drawContents(&painter);
}

void HelpOverlay::keyPressEvent(QKeyEvent *) { hide(); }

void HelpOverlay::mousePressEvent(QMouseEvent *) { hide(); }

}  // namespace sl::ui
