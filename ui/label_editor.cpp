#include "ui/label_editor.h"

#include "core/common/number_format.h"
#include "ui/label_slider.h"
#include "ui/target_text.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace sl::ui {

LabelEditor::LabelEditor(QWidget *parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(4);
    for (Target target : kAllTargets) {
        Row &row = m_rows[store::targetIndex(target)];
        row.frame = new QFrame(this);
        row.frame->setFrameShape(QFrame::StyledPanel);
        row.frame->setAutoFillBackground(true);
        auto *grid = new QGridLayout(row.frame);
        row.meaning = new QLabel(TargetText::meaning(target), row.frame);
        QFont bold = row.meaning->font();
        bold.setBold(true);
        row.meaning->setFont(bold);
        row.value = new QLabel(row.frame);
        QFont big = row.value->font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        big.setBold(true);
        row.value->setFont(big);
        row.value->setMinimumWidth(row.value->fontMetrics().horizontalAdvance(QStringLiteral("-0.00")));
        row.value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.slider = new LabelSlider(row.frame);
        row.slider->setFocusPolicy(Qt::NoFocus);  // keys go to the editor, not to the slider
        row.slider->setTickPosition(QSlider::TicksBelow);
        row.reference = new QLabel(row.frame);
        row.prediction = new QLabel(row.frame);
        row.pending = new QLabel(tr("not saved yet"), row.frame);
        row.pending->setObjectName(QStringLiteral("pendingMark"));
        row.pending->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        row.pending->hide();
        grid->addWidget(row.meaning, 0, 0, 1, 2);
        grid->addWidget(row.value, 0, 2, 2, 1);
        grid->addWidget(row.slider, 1, 0, 1, 2);
        grid->addWidget(row.reference, 2, 0);
        grid->addWidget(row.prediction, 2, 1);
        grid->addWidget(row.pending, 2, 2);
        grid->setColumnStretch(0, 1);
        grid->setColumnStretch(1, 1);
        layout->addWidget(row.frame);
        connect(row.slider, &QSlider::sliderReleased, this, [this, target] {
            setCurrentTarget(target);
            emit labelEditRequested(target, sliderValue(m_rows[store::targetIndex(target)].slider->value()));
        });
    }
    layout->addStretch(1);
    setScale(m_scale);
    showClip(nullptr);
}

void LabelEditor::setScale(const LabelScale &scale)
{
    m_scale = scale;
    const int steps = int(std::lround((scale.maximum() - scale.minimum()) / session::labelFineStep(scale)));
    m_updatingSliders = true;
    for (Row &row : m_rows) {
        row.slider->setRange(0, steps);
        row.slider->setTickInterval(int(std::lround(session::labelUnit(scale) / session::labelFineStep(scale))));
        row.slider->setPageStep(row.slider->tickInterval());
    }
    m_updatingSliders = false;
    for (Target target : kAllTargets)
        refreshRow(target);
}

void LabelEditor::setReferenceName(const QString &name) { m_referenceName = name; }

int LabelEditor::sliderPosition(double value) const
{
    return int(std::lround((value - m_scale.minimum()) / session::labelFineStep(m_scale)));
}

double LabelEditor::sliderValue(int position) const
{
    return session::snapLabelValue(m_scale, m_scale.minimum() + position * session::labelFineStep(m_scale));
}

void LabelEditor::showClip(const store::ClipOverview *clip)
{
    m_hasClip = clip != nullptr;
    for (Target target : kAllTargets) {
        const int i = store::targetIndex(target);
        m_values[i] = clip ? clip->own[i] : std::nullopt;
        m_reference[i] = clip ? clip->reference[i] : std::nullopt;
        m_prediction[i] = clip ? clip->prediction[i] : std::nullopt;
        refreshRow(target);
    }
    setEnabled(m_hasClip);
}

void LabelEditor::setOwnValue(Target target, std::optional<double> value)
{
    m_values[store::targetIndex(target)] = value;
    refreshRow(target);
}

void LabelEditor::setPending(Target target, bool pending, const QString &reason)
{
    QLabel *mark = m_rows[store::targetIndex(target)].pending;
    mark->setVisible(pending);
    mark->setToolTip(pending ? reason : QString());
}

bool LabelEditor::isPending(Target target) const { return !m_rows[store::targetIndex(target)].pending->isHidden(); }

void LabelEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        for (Target target : kAllTargets)
            refreshRow(target);  // "dataset: 2.5", "model: 0.31" are built with arg()
}

void LabelEditor::refreshRow(Target target)
{
    const int i = store::targetIndex(target);
    Row &row = m_rows[i];
    const auto value = m_values[i];
    row.value->setText(value ? QString::number(*value, 'f', m_scale.step() > 0 ? 1 : 2) : QStringLiteral("—"));
    m_updatingSliders = true;
    row.slider->setValue(sliderPosition(value.value_or(0.0)));
    row.slider->setEmpty(!value.has_value());
    m_updatingSliders = false;
    row.reference->setText(m_showOthers && m_reference[i] && !m_referenceName.isEmpty()
                               ? tr("%1: %2").arg(m_referenceName, formatLabelValue(*m_reference[i]))
                               : QString());
    row.prediction->setText(m_showOthers && m_prediction[i]
                                ? tr("model: %1").arg(QString::number(*m_prediction[i], 'f', 2))
                                : QString());
    const bool current = target == m_current && m_hasClip;
    row.frame->setBackgroundRole(current ? QPalette::Highlight : QPalette::Window);
    row.frame->setForegroundRole(current ? QPalette::HighlightedText : QPalette::WindowText);
    for (QLabel *label : {row.meaning, row.value, row.reference, row.prediction, row.pending})
        label->setForegroundRole(current ? QPalette::HighlightedText : QPalette::WindowText);
}

void LabelEditor::setCurrentTarget(Target target)
{
    if (target == m_current)
        return;
    const Target previous = m_current;
    m_current = target;
    refreshRow(previous);
    refreshRow(target);
    emit currentTargetChanged(target);
}

void LabelEditor::nextTarget(int direction)
{
    const qsizetype count = m_order.size();
    const qsizetype here = std::max<qsizetype>(0, m_order.indexOf(m_current));
    setCurrentTarget(m_order[(here + (direction >= 0 ? 1 : count - 1)) % count]);
}

void LabelEditor::setOrder(const QList<Target> &order)
{
    if (order.isEmpty())
        return;
    m_order = order;
    for (Target target : kAllTargets)
        m_rows[store::targetIndex(target)].frame->setVisible(m_order.contains(target));
    if (!m_order.contains(m_current))
        setCurrentTarget(m_order.first());
}

bool LabelEditor::isComplete() const
{
    return std::all_of(m_order.begin(), m_order.end(),
                       [this](Target target) { return m_values[store::targetIndex(target)].has_value(); });
}

void LabelEditor::setShowOthers(bool show)
{
    m_showOthers = show;
    for (Target target : kAllTargets)
        refreshRow(target);
}

void LabelEditor::applyKey(session::LabelKeyAction action, int digit)
{
    if (!m_hasClip)
        return;
    const auto current = m_values[store::targetIndex(m_current)];
    const auto value = session::applyLabelKey(m_scale, current, action, digit);
    if (value && session::labelKeyLeavesScale(m_scale, current, action, digit))
        emit keyLeftScale(m_current, *value);
    if (value != current)
        emit labelEditRequested(m_current, value);
}

bool LabelEditor::focusNextPrevChild(bool next)
{
    // Tab and Shift+Tab cycle through the four targets instead of leaving the editor.
    nextTarget(next ? 1 : -1);
    return true;
}

}  // namespace sl::ui
