#include "ui/model_panel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace sl::ui {

ModelPanel::ModelPanel(QWidget *parent) : QWidget(parent)
{
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    showClip(nullptr);
}

QString ModelPanel::text() const { return m_text->text(); }

void ModelPanel::setHasModel(bool hasModel) { m_hasModel = hasModel; }

void ModelPanel::showClip(const store::ClipOverview *clip)
{
    if (!m_hasModel) {
        m_text->setText(tr("No active model in this project. Predictions appear here once a model is "
                           "trained or imported."));
        return;
    }
    if (!clip) {
        m_text->setText(tr("Select a clip to see the model's predictions."));
        return;
    }
    QStringList lines;
    for (Target target : kAllTargets) {
        const auto value = clip->prediction[store::targetIndex(target)];
        lines << QStringLiteral("%1: %2").arg(targetName(target), value ? QString::number(*value, 'f', 2) : tr("—"));
    }
    const auto m = clip->prediction[store::targetIndex(Target::M)];
    if (m && clip->rawPrediction && *clip->rawPrediction != *m)
        lines << tr("M as the model gave it: %1 (clipped to the label scale)").arg(QString::number(*clip->rawPrediction, 'f', 2));
    if (clip->outside && !clip->outside->isEmpty())
        lines << tr("⚠ Outside the training data (%1): the model extrapolates").arg(*clip->outside);
    m_text->setText(tr("Model predictions") + QStringLiteral("\n") + lines.join(QLatin1Char('\n')));
}

}  // namespace sl::ui
