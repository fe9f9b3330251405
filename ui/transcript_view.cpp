#include "ui/transcript_view.h"

#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

namespace sl::ui {

TranscriptView::TranscriptView(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_source = new QLabel(this);
    m_stack = new QStackedWidget(this);
    m_browser = new QTextBrowser(m_stack);
    m_browser->setFocusPolicy(Qt::ClickFocus);
    QFont font = m_browser->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    m_browser->setFont(font);
    m_editor = new QPlainTextEdit(m_stack);
    m_editor->setFont(font);
    m_editor->installEventFilter(this);
    m_stack->addWidget(m_browser);
    m_stack->addWidget(m_editor);
    layout->addWidget(m_source);
    layout->addWidget(m_stack, 1);
    clear();
}

void TranscriptView::clear() { showTranscript({}, {}, {}); }

void TranscriptView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    m_source->setText(m_sourceName.isEmpty() ? QString() : tr("Source: %1 · F2 to edit").arg(m_sourceName));
    if (m_cues.isEmpty() && m_text.isEmpty() && m_stack->currentWidget() == m_browser)
        m_browser->setPlainText(tr("(no transcript)"));
}

void TranscriptView::showTranscript(const QString &text, const QString &source,
                                    const QList<store::TranscriptCueRecord> &cues)
{
    cancelEdit();
    m_text = text;
    m_cues = cues;
    m_cueRanges.clear();
    m_highlighted = -1;
    m_sourceName = source;
    m_source->setText(source.isEmpty() ? QString() : tr("Source: %1 · F2 to edit").arg(source));
    if (cues.isEmpty()) {
        m_browser->setPlainText(text.isEmpty() ? tr("(no transcript)") : text);
        return;
    }
    QString joined;
    for (const store::TranscriptCueRecord &cue : cues) {
        if (!joined.isEmpty())
            joined += QLatin1Char(' ');
        m_cueRanges << qMakePair(int(joined.size()), int(joined.size() + cue.text.size()));
        joined += cue.text;
    }
    m_browser->setPlainText(joined);
}

void TranscriptView::setPosition(qint64 ms)
{
    const double seconds = ms / 1000.0;
    int found = -1;
    for (int i = 0; i < m_cues.size(); ++i) {
        if (seconds >= m_cues[i].startSeconds && seconds < m_cues[i].endSeconds) {
            found = i;
            break;
        }
    }
    if (found != m_highlighted)
        highlight(found);
}

void TranscriptView::highlight(int cue)
{
    m_highlighted = cue;
    QList<QTextEdit::ExtraSelection> selections;
    if (cue >= 0 && cue < m_cueRanges.size()) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_browser->document());
        selection.cursor.setPosition(m_cueRanges[cue].first);
        selection.cursor.setPosition(m_cueRanges[cue].second, QTextCursor::KeepAnchor);
        selection.format.setBackground(palette().highlight());
        selection.format.setForeground(palette().highlightedText());
        selections << selection;
        m_browser->setTextCursor(selection.cursor);
        m_browser->ensureCursorVisible();
    }
    m_browser->setExtraSelections(selections);
}

bool TranscriptView::isEditing() const { return m_stack->currentWidget() == m_editor; }

void TranscriptView::startEditing()
{
    if (isEditing())
        return;
    m_editor->setPlainText(m_text);
    m_stack->setCurrentWidget(m_editor);
    m_editor->setFocus();
    emit editingChanged(true);
}

void TranscriptView::commitEdit()
{
    if (!isEditing())
        return;
    const QString edited = m_editor->toPlainText().trimmed();
    m_stack->setCurrentWidget(m_browser);
    emit editingChanged(false);
    if (edited != m_text)
        emit transcriptEditRequested(edited);
}

void TranscriptView::cancelEdit()
{
    if (!isEditing())
        return;
    m_stack->setCurrentWidget(m_browser);
    emit editingChanged(false);
}

bool TranscriptView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            commitEdit();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            cancelEdit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace sl::ui
