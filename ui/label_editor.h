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
class QSlider;
class QFrame;

namespace sl::ui {

class LabelEditor : public QWidget {
    Q_OBJECT
public:
    explicit LabelEditor(QWidget *parent = nullptr);

    void setScale(const LabelScale &scale);
    void setReferenceName(const QString &name);
    // Shows a clip (nullptr: no clip selected, controls disabled).
    void showClip(const store::ClipOverview *clip);
    void setOwnValue(Target target, std::optional<double> value);

    Target currentTarget() const { return m_current; }
    void setCurrentTarget(Target target);
    void nextTarget(int direction);
    std::optional<double> ownValue(Target target) const { return m_values[store::targetIndex(target)]; }

    // Applies a label key to the current target (used by the window's shortcuts as well).
    void applyKey(session::LabelKeyAction action, int digit = 0);

signals:
    void labelEditRequested(sl::Target target, std::optional<double> value);
    void currentTargetChanged(sl::Target target);

protected:
    bool focusNextPrevChild(bool next) override;

private:
    struct Row {
        QFrame *frame = nullptr;
        QLabel *meaning = nullptr;
        QLabel *value = nullptr;
        QSlider *slider = nullptr;
        QLabel *reference = nullptr;
        QLabel *prediction = nullptr;
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
    bool m_hasClip = false;
    bool m_updatingSliders = false;
};

}  // namespace sl::ui
