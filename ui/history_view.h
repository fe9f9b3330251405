#pragma once
// The History dock: the steps of the session's undo history (core/session/edit_history.h), the
// done ones above the current row, the undone ones greyed below it. Clicking a row undoes or
// redoes up to it. Also the words for a step, shared by the list and the Undo/Redo menu items.
#include <QListWidget>
#include <QPointer>
#include <functional>

namespace sl::session {
class EditHistory;
struct EditStep;
}  // namespace sl::session

namespace sl::ui {

// "M of v/1: none → 2.00", "M of 5 clips (v/1, …): → 0.00", "Transcript of v/1".
QString editStepText(const session::EditStep &step);

class HistoryView : public QListWidget {
    Q_OBJECT
public:
    explicit HistoryView(QWidget *parent = nullptr);
    // Follows this history (null: none, the list shows only its first row). `onError` hears a
    // refused undo or redo started from the list.
    void setHistory(session::EditHistory *history, std::function<void(const QString &)> onError);

signals:
    // The language changed: the step texts were made anew (the window renames Undo/Redo then).
    void retranslated();

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QPointer<session::EditHistory> m_history;
    std::function<void(const QString &)> m_onError;
    QMetaObject::Connection m_changed;
};

}  // namespace sl::ui
