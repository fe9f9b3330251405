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
                        "N flips the sign, Delete clears. Tab and Shift+Tab move between M, T, A and V."),
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
