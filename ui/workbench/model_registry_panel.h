#pragma once
// The model registry dock: every trained or imported model with its lineage (label source and
// hash, parent model, targets, feature sets) and metrics per split and target; setting the active
// model; and two models side by side (metrics, and the clips whose prediction changed most;
// activating a clip announces it with clipActivated()).
#include "core/training/model_registry.h"

#include <QWidget>
#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace sl::ui {

class ModelRegistryPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelRegistryPanel(QWidget *parent = nullptr);

    // The registry of the open project (core's service over the session's project), read on the
    // UI thread; nothing empties the panel.
    void setRegistry(std::optional<training::ModelRegistry> registry);
    void refresh();

    qint64 selectedModelId() const;
    void selectModel(qint64 modelId);
    // Writes the active model to the project and announces it.
    void setActiveModel(qint64 modelId);
    // Fills the comparison tab with these two models and shows it.
    void compare(qint64 firstModelId, qint64 secondModelId);

    QTableWidget *models() const { return m_models; }
    QTableWidget *metrics() const { return m_metrics; }
    QTableWidget *metricComparison() const { return m_comparedMetrics; }
    QTableWidget *changedClips() const { return m_changedClips; }
    QString lineageText() const;

signals:
    void activeModelChanged(qint64 modelId);
    void clipActivated(qint64 clipId);

private:
    QWidget *buildModelsTab();
    QWidget *buildCompareTab();
    void showDetails();

    std::optional<training::ModelRegistry> m_registry;
    QTabWidget *m_tabs;
    QTableWidget *m_models;
    QPushButton *m_setActive;
    QLabel *m_lineage;
    QTableWidget *m_metrics;
    QComboBox *m_first;
    QComboBox *m_second;
    QTableWidget *m_comparedMetrics;
    QTableWidget *m_changedClips;
};

}  // namespace sl::ui
