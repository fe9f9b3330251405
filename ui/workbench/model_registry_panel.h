#pragma once
// The model registry dock: every trained or imported model with its lineage (label source and
// hash, parent model, targets, feature sets) and metrics per split and target; setting the active
// model; and two models side by side (metrics, and the clips whose prediction changed most;
// activating a clip announces it with clipActivated()).
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace sl::store {
class Project;
}

namespace sl::ui {

class ModelRegistryPanel : public QWidget {
    Q_OBJECT
public:
    explicit ModelRegistryPanel(QWidget *parent = nullptr);

    // The panel reads the project on the UI thread; nullptr empties it.
    void setProject(const store::Project *project);
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

    const store::Project *m_project = nullptr;
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
