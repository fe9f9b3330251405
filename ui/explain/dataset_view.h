#pragma once
// The dataset views of the active model (issue #7): predicted vs true with the identity line,
// the confusion matrix (Acc2 / Acc7, or the CH-SIMS classes), each modality's distribution of
// contributions, and the registry's metrics per model and split. Clicking a point of the
// scatter announces its clip. A split choice (train, valid, test or all) picks the points the
// plots show and the accuracy is computed on, so training clips never inflate a test figure.
#include "ui/plots/plot_data.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QLabel;
class QTableWidget;
class QTabWidget;

namespace sl::ui {

class DatasetView : public QWidget {
    Q_OBJECT
public:
    explicit DatasetView(QWidget *parent = nullptr);
    void setData(const plots::DatasetPlots &data);
    void showMessage(const QString &message);
    int classes() const;  // of the confusion matrix shown: 2, 5 or 7
    void setClasses(int classes);
    QString split() const;  // the split shown; empty: all splits
    void setSplit(const QString &split);
    QString splitSummary() const;  // the metrics of the split shown (pointMetricsText)

    QCustomPlot *scatter() const { return m_scatter; }
    QCustomPlot *confusionPlot() const { return m_confusion; }
    QCustomPlot *distribution() const { return m_distribution; }
    QTableWidget *metricTable() const { return m_metrics; }
    QTabWidget *tabs() const { return m_tabs; }
    const plots::DatasetPlots &data() const { return m_data; }

signals:
    void clipActivated(qint64 clipId);

private:
    void drawPlots();
    void drawConfusion();
    void fillMetrics();
    void fillSplits();

    QTabWidget *m_tabs;
    QCustomPlot *m_scatter, *m_confusion, *m_distribution;
    QComboBox *m_split, *m_classes;
    QLabel *m_summary;
    QTableWidget *m_metrics;
    plots::DatasetPlots m_data;   // every point of the model's explanations
    plots::DatasetPlots m_shown;  // the points of the chosen split
};

}  // namespace sl::ui
