// MainWindow's explanation and dataset views (issue #7): five docks over ui/explain, fed by one
// ExplanationController from the active model in the background, following the selected clip and
// (for saliency) the playhead. Its own file, so that the annotator's layout code stays apart.
#include "ui/main_window.h"

#include "core/session/labeling_session.h"
#include "core/store/project.h"
#include "ui/clip_browser.h"
#include "ui/explain/clip_explanation_views.h"
#include "ui/explain/dataset_view.h"
#include "ui/explain/explanation_controller.h"
#include "ui/player/player_widget.h"
#include "ui/workbench/model_registry_panel.h"

#include <QDockWidget>
#include <QStatusBar>
#include <memory>

namespace sl::ui {

void MainWindow::createExplanationDocks()
{
    m_explanations = new ExplanationController(this);
    m_explanations->setEnabled(false);
    m_contributionsView = new ContributionsView(this);
    m_saliencyView = new SaliencyView(this);
    m_kanView = new KanView(this);
    m_maskView = new MaskView(this);
    m_datasetView = new DatasetView(this);
    // Bottom area, tabbed, hidden at first: the annotator's layout stays as it was until a
    // researcher opens them from View > Explanations.
    QDockWidget *first = nullptr;
    // The visibility handler owns its own list and controller pointer: docks announce being hidden
    // also while the window is destroyed, after its members are gone.
    const auto docks = std::make_shared<QList<QDockWidget *>>();
    const auto addDock = [this, &first, docks](QWidget *widget, const QString &title, const QString &name) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(widget);
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        if (first)
            tabifyDockWidget(first, dock);
        else
            first = dock;
        dock->hide();
        // Computing only while some view shows: hidden docks cost nothing.
        docks->append(dock);
        connect(dock, &QDockWidget::visibilityChanged, m_explanations, [docks, controller = m_explanations] {
            bool visible = false;
            for (QDockWidget *d : *docks)
                visible = visible || d->isVisible();
            controller->setEnabled(visible);
        });
        m_docks << dock;
        m_explanationDocks << dock;
    };
    addDock(m_contributionsView, tr("Contributions"), QStringLiteral("contributionsDock"));
    addDock(m_saliencyView, tr("Saliency over time"), QStringLiteral("saliencyDock"));
    addDock(m_kanView, tr("KAN functions"), QStringLiteral("kanDock"));
    addDock(m_maskView, tr("Causal mask"), QStringLiteral("maskDock"));
    addDock(m_datasetView, tr("Dataset"), QStringLiteral("datasetDock"));

    // The human label the contributions compare with: the session's choice of annotator.
    m_contributionsView->setReferenceSource([this](qint64 clipId, session::LabelReference which) {
        return m_session ? m_session->referenceLabels(clipId, which) : session::ReferenceLabels{which, {}, {}};
    });
    connect(m_explanations, &ExplanationController::clipReady, this, [this](const plots::ClipPlots &clip) {
        m_contributionsView->showClip(clip);
        m_saliencyView->showClip(clip);
        m_kanView->showClip(clip);
        m_maskView->showClip(clip);
    });
    connect(m_explanations, &ExplanationController::datasetReady, this, [this](const plots::ExplanationPlots &dataset) {
        m_datasetView->setData(dataset.dataset);
        m_maskView->setRows(dataset.maskRows);
        offerKanModels();
    });
    // A KAN model offered in the KAN dock (the active one has none) becomes the active model.
    connect(m_kanView, &KanView::kanModelChosen, this, [this](qint64 modelId) { m_registry->setActiveModel(modelId); });
    connect(m_explanations, &ExplanationController::failed, this, &MainWindow::showExplanationMessage);
    connect(m_explanations, &ExplanationController::busyChanged, this, [this](bool busy) {
        if (busy)
            statusBar()->showMessage(tr("Explaining the active model's predictions…"), 3000);
    });
    connect(m_player, &PlayerWidget::positionChanged, m_saliencyView, &SaliencyView::setPosition);
    connect(m_datasetView, &DatasetView::clipActivated, this, [this](qint64 clipId) {
        if (!m_browser->selectClip(clipId))
            statusBar()->showMessage(tr("That clip is hidden by the clip list's filters"), 8000);
    });
}

QList<QDockWidget *> MainWindow::explanationDocks() const { return m_explanationDocks; }

// The project's KAN-MCP models, for the KAN dock to offer while the active model has no KAN.
void MainWindow::offerKanModels()
{
    QList<QPair<qint64, QString>> models;
    if (m_session)
        for (const store::ModelRecord &record : m_session->project().models().list())
            if (record.architecture == QLatin1String("kan-mcp"))
                models << qMakePair(record.id, plots::modelCaption(record.id, record.name));
    m_kanView->setKanModels(models);
}

void MainWindow::showExplanationMessage(const QString &message)
{
    m_contributionsView->showMessage(message);
    m_saliencyView->showMessage(message);
    m_kanView->showMessage(message);
    m_maskView->showMessage(message);
    m_maskView->setRows({});
    m_datasetView->showMessage(message);
}

void MainWindow::setExplanationProject(const QString &projectPath)
{
    offerKanModels();
    m_explanations->setProject(projectPath);
    if (m_session && !projectPath.isEmpty())  // the annotator's own label redraws the comparison
        connect(m_session.get(), &session::LabelingSession::labelChanged, m_contributionsView,
                &ContributionsView::labelsChanged, Qt::UniqueConnection);
    showExplanationMessage(projectPath.isEmpty() ? tr("Open a project with a trained model to see its explanations.")
                                                 : tr("Explaining the active model…"));
    if (m_currentClip != 0)
        m_explanations->showClip(m_currentClip);
}

void MainWindow::showExplanations(qint64 clipId) { m_explanations->showClip(clipId); }

QWidget *MainWindow::showExplanationView(const QString &view)
{
    static const QStringList names{QStringLiteral("contributions"), QStringLiteral("saliency"), QStringLiteral("kan"),
                                   QStringLiteral("mask"), QStringLiteral("dataset")};
    const int index = int(names.indexOf(view));
    if (index < 0 || !m_session)
        return nullptr;
    QDockWidget *dock = m_explanationDocks[index];
    dock->show();
    dock->raise();
    m_explanations->setEnabled(true);
    m_explanations->showClip(m_currentClip);
    return dock;
}

}  // namespace sl::ui
