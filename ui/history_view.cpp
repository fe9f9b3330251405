#include "ui/history_view.h"

#include "core/common/error.h"
#include "core/session/edit_history.h"

#include <QCoreApplication>
#include <QEvent>
#include <QSignalBlocker>

namespace sl::ui {

namespace {
// The translation contexts are the ones of the former QUndoCommand classes, so their
// translations still apply.
QString valueText(std::optional<double> value)
{
    return value ? QString::number(*value, 'f', 2) : QCoreApplication::translate("SetLabelCommand", "none");
}
}  // namespace

QString editStepText(const session::EditStep &step)
{
    using Kind = session::EditStep::Kind;
    if (step.kind == Kind::Transcript)
        return QCoreApplication::translate("SetTranscriptCommand", "Transcript of %1").arg(step.clipName);
    if (step.labels.isEmpty())
        return {};
    const session::LabelEdit &first = step.labels.first();
    if (step.kind == Kind::Label)
        return QCoreApplication::translate("SetLabelCommand", "%1 of %2: %3 → %4")
            .arg(targetName(first.target), step.clipName, valueText(first.before), valueText(first.after));
    return QCoreApplication::translate("SetLabelCommand", "%1 of %n clips (%2, …): → %3", nullptr, int(step.labels.size()))
        .arg(targetName(first.target), step.clipName, valueText(first.after));
}

HistoryView::HistoryView(QWidget *parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("historyView"));
    connect(this, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if (!m_history)
            return;
        try {
            m_history->setIndex(row(item));
        } catch (const Error &error) {
            if (m_onError)
                m_onError(error.message());
            rebuild();  // the history stayed where it was: show that
        }
    });
    rebuild();
}

void HistoryView::setHistory(session::EditHistory *history, std::function<void(const QString &)> onError)
{
    disconnect(m_changed);
    m_history = history;
    m_onError = std::move(onError);
    if (history)
        m_changed = connect(history, &session::EditHistory::changed, this, &HistoryView::rebuild);
    rebuild();
}

void HistoryView::changeEvent(QEvent *event)
{
    QListWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        rebuild();
        emit retranslated();
    }
}

void HistoryView::rebuild()
{
    const QSignalBlocker blocker(this);
    clear();
    addItem(tr("<project opened>"));
    if (!m_history)
        return;
    for (int i = 0; i < m_history->count(); ++i) {
        auto *item = new QListWidgetItem(editStepText(m_history->step(i)), this);
        if (i >= m_history->index())  // undone: redo brings it back
            item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
    }
    setCurrentRow(m_history->index());
    scrollToItem(currentItem());
}

}  // namespace sl::ui
