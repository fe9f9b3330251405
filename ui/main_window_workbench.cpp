// MainWindow's retraining workbench: the train dialog (Jobs > Train model…), the model registry and
// the review queue docks. Its own file, so that the annotator's layout code and the workbench stay
// apart; the docks only announce clips, and the window selects them in the clip browser.
#include "ui/main_window.h"

#include "core/agreement/project_assignments.h"
#include "core/common/error.h"
#include "core/session/labeling_session.h"
#include "core/store/label_source.h"
#include "core/store/project.h"
#include "ui/clip_browser.h"
#include "ui/dock_layout.h"
#include "ui/explain/explanation_controller.h"
#include "ui/model_panel.h"
#include "ui/shortcut_registry.h"
#include "ui/workbench/agreement_panel.h"
#include "ui/workbench/model_registry_panel.h"
#include "ui/workbench/review_queue_panel.h"
#include "ui/workbench/train_dialog.h"

#include <QDockWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QStatusBar>

namespace sl::ui {

void MainWindow::createWorkbench()
{
    m_registry = new ModelRegistryPanel(this);
    m_reviewQueue = new ReviewQueuePanel(this);
    auto *model = findChild<QDockWidget *>(QStringLiteral("modelDock"));
    const auto addDock = [this, model](QWidget *widget, const QString &title, const QString &name) {
        auto *dock = new QDockWidget(title, this);
        dock->setObjectName(name);
        dock->setWidget(widget);
        addDockWidget(Qt::RightDockWidgetArea, dock);
        if (model)
            tabifyDockWidget(model, dock);
        m_docks << dock;
        return dock;
    };
    addDock(m_registry, tr("Models"), QStringLiteral("modelRegistryDock"));
    addDock(m_reviewQueue, tr("Review queue"), QStringLiteral("reviewQueueDock"));
    m_agreement = new AgreementPanel(this);
    addDock(m_agreement, tr("Agreement"), QStringLiteral("agreementDock"));
    connect(m_agreement, &AgreementPanel::labelsChanged, this, [this] { reloadClips(); });
    if (model)
        model->raise();

    const auto selectClip = [this](qint64 clipId) {
        if (clipId != 0 && !m_browser->selectClip(clipId))
            statusBar()->showMessage(tr("That clip is hidden by the clip list's filters"), 8000);
    };
    connect(m_registry, &ModelRegistryPanel::clipActivated, this, selectClip);
    connect(m_reviewQueue, &ReviewQueuePanel::clipActivated, this, selectClip);
    connect(m_agreement, &AgreementPanel::clipActivated, this, selectClip);
    // The registry changed which model is active: show that model's stored predictions.
    connect(m_registry, &ModelRegistryPanel::activeModelChanged, this, &MainWindow::onActiveModelChanged);

    connect(m_shortcuts->add(QStringLiteral("jobs.train"), tr("&Train model…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)}),
            &QAction::triggered, this, [this] { openTrainDialog(); });
}

void MainWindow::showAnnotatorBatch()
{
    QSet<qint64> batch;
    try {
        if (m_session && m_session->hasAnnotator())
            batch = agreement::assignedClips(m_session->project(), m_session->annotator().id);
    } catch (const Error &error) {
        statusBar()->showMessage(tr("Your batch could not be read: %1").arg(error.message()), 10000);
    }
    m_browser->setBatch(batch);
}

void MainWindow::setWorkbenchProject(const store::Project *project)
{
    if (m_trainDialog)
        m_trainDialog->reject();  // a running job is cancelled: it trains the project being closed
    // The docks reach the project through core's services: the registry and the agreement over
    // the session's project, the review queue by its location (built on a worker thread).
    m_registry->setRegistry(project ? std::optional<training::ModelRegistry>(std::in_place, *project) : std::nullopt);
    m_reviewQueue->setProject(project ? project->folder() : QString());
    m_agreement->setReviewer(m_session && m_session->hasAnnotator() ? m_session->annotator().name : QString());
    m_agreement->setService(project ? std::optional<agreement::AgreementService>(std::in_place, *project) : std::nullopt);
}

TrainDialog *MainWindow::openTrainDialog()
{
    if (!m_session) {
        showError(tr("Open a project first: a model trains on its features and labels."));
        return nullptr;
    }
    if (!m_trainDialog) {
        const store::Project &project = m_session->project();
        QStringList annotators;
        for (const store::Annotator &annotator : project.annotators().list())
            annotators << annotator.name;
        m_trainDialog = new TrainDialog(project.folder(), annotators, store::importAnnotator(project),
                                        project.models().activeModelId(),
                                        int(project.clips().list(QStringLiteral("train")).size()), this);
        m_trainDialog->setLabelScale(project.labelScale().name());
        m_trainDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_trainDialog, &TrainDialog::modelTrained, this, [this](qint64 modelId) {
            statusBar()->showMessage(tr("Model %1 trained and made active").arg(modelId), 15000);
            onActiveModelChanged();
        });
    }
    m_trainDialog->show();
    m_trainDialog->raise();
    m_trainDialog->activateWindow();
    return m_trainDialog;
}

QWidget *MainWindow::showWorkbench(const QString &part)
{
    if (!m_session)
        return nullptr;
    if (part == QLatin1String("jobs"))
        return showJobs();
    if (part == QLatin1String("train") || part == QLatin1String("training")) {
        TrainDialog *dialog = openTrainDialog();
        dialog->resize(1000, 560);
        if (part == QLatin1String("training"))
            dialog->startRehearsal();  // a look at training must not change the project
        return dialog;
    }
    QWidget *panel = nullptr;
    if (part == QLatin1String("models") || part == QLatin1String("compare")) {
        panel = m_registry;
        const QList<store::ModelRecord> models = m_session->project().models().list();
        if (part == QLatin1String("compare") && models.size() >= 2)
            m_registry->compare(models[models.size() - 2].id, models.last().id);
    } else if (part == QLatin1String("review")) {
        panel = m_reviewQueue;
        m_reviewQueue->refresh();
    } else if (part == QLatin1String("agreement") || part == QLatin1String("adjudicate")) {
        panel = m_agreement;
        m_agreement->refresh();
        m_agreement->tabs()->setCurrentIndex(part == QLatin1String("adjudicate") ? 1 : 0);
        if (part == QLatin1String("adjudicate") && m_agreement->queueTable()->rowCount() > 0)
            m_agreement->queueTable()->selectRow(0);
    }
    QDockWidget *dock = dockOf(panel);  // the panel may sit in its dock's scroll area
    if (!dock)
        return nullptr;
    dock->setFloating(true);
    dock->resize(900, 560);
    dock->show();
    dock->raise();
    return dock;
}

void MainWindow::onActiveModelChanged()
{
    // Runs from a signal (a training or prediction that finished): an error reading the project
    // here must not leave the slot, where it ended the whole program (std::terminate; issue 18,
    // defect 4). It is shown, and the views keep what they had.
    try {
        if (m_session)
            m_session->reloadActiveModel();
        m_modelPanel->setHasModel(m_session && m_session->activeModelId() != 0);
        reloadClips();
        m_registry->refresh();
        if (m_session && m_session->activeModelId() != 0)
            m_reviewQueue->refresh();
        m_explanations->refresh();  // the explanation views follow the active model
    } catch (const std::exception &error) {
        const auto *own = dynamic_cast<const Error *>(&error);
        const QString message = own ? own->message() : QString::fromUtf8(error.what());
        statusBar()->showMessage(tr("The project could not be read after the model changed: %1").arg(message));
    }
}

}  // namespace sl::ui
