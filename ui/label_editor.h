#pragma once
// The four label controls (M, T, A, V) of the current clip. Keyboard first: the window's label
// shortcuts (digits, +/-, N, Delete) act on the current target through applyKey(), Tab moves
// between targets. The editor never writes to the database
// itself: it asks for a change (labelEditRequested) and the window turns that into an undoable command.
#include "core/common/label_scale.h"
#include "core/session/label_keys.h"
#include "core/store/clip_overview.h"

#include <QWidget>
#include <array>
#include <optional>

class QLabel;
class QFrame;

namespace sl::ui {

class LabelSlider;

class LabelEditor : public QWidget {
    Q_OBJECT
public:
    explicit LabelEditor(QWidget *parent = nullptr);

    void setScale(const LabelScale &scale);
    void setReferenceName(const QString &name);
    // Shows a clip (nullptr: no clip selected, controls disabled).
    void showClip(const store::ClipOverview *clip);
    void setOwnValue(Target target, std::optional<double> value);
    // Marks a target's value as typed but not yet in the project (it waits for another program's
    // write lock; `reason` is the store's message, shown as a tooltip).
    void setPending(Target target, bool pending, const QString &reason = {});
    bool isPending(Target target) const;

    Target currentTarget() const { return m_current; }
    void setCurrentTarget(Target target);
    void nextTarget(int direction);
    std::optional<double> ownValue(Target target) const { return m_values[store::targetIndex(target)]; }

    // The targets labelled, in the order Tab walks them; the others' cards are hidden (a review
    // mode labels one target). Each clip starts on the first.
    void setOrder(const QList<Target> &order);
    const QList<Target> &order() const { return m_order; }
    Target firstTarget() const { return m_order.first(); }
    // True when every target of the order has a value of the current annotator.
    bool isComplete() const;
    // Whether the cards show the reference annotator's and the model's values (off while labelling
    // blind).
    void setShowOthers(bool show);
    bool showsOthers() const { return m_showOthers; }
    // The slider of a target (tests look at whether it shows a value).
    LabelSlider *slider(Target target) const { return m_rows[store::targetIndex(target)].slider; }

    // Applies a label key to the current target (used by the window's shortcuts as well).
    void applyKey(session::LabelKeyAction action, int digit = 0);

signals:
    void labelEditRequested(sl::Target target, std::optional<double> value);
    void currentTargetChanged(sl::Target target);
    // A key asked for a value beyond the scale; `value` is where it was clamped to.
    void keyLeftScale(sl::Target target, double value);

protected:
    bool focusNextPrevChild(bool next) override;
    void changeEvent(QEvent *event) override;  // a language change: the rows' texts anew

private:
    struct Row {
        QFrame *frame = nullptr;
        QLabel *meaning = nullptr;
        QLabel *value = nullptr;
        LabelSlider *slider = nullptr;
        QLabel *reference = nullptr;
        QLabel *prediction = nullptr;
        QLabel *pending = nullptr;  // "not saved yet"
    };
    void refreshRow(Target target);
    int sliderPosition(double value) const;
    double sliderValue(int position) const;

    LabelScale m_scale;
    QString m_referenceName;
    std::array<Row, 4> m_rows;
    std::array<std::optional<double>, 4> m_values;
    store::TargetValues m_reference;
    store::TargetValues m_prediction;
    Target m_current = Target::M;
    QList<Target> m_order{Target::M, Target::T, Target::A, Target::V};
    bool m_showOthers = true;
    bool m_hasClip = false;
    bool m_updatingSliders = false;
};

}  // namespace sl::ui
