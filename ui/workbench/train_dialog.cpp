#include "ui/workbench/train_dialog.h"

#include "core/training/training_recipe.h"

#include "core/common/error.h"
#include "ui/workbench/scratch_project.h"
#include "core/jobs/job_runner.h"
#include "ui/plots/plot_theme.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QFileInfo>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QVBoxLayout>

namespace sl::ui {

namespace {

// Label choices: data is "annotator:NAME", "mean" or "latest".
const QString kMean = QStringLiteral("mean");
const QString kLatest = QStringLiteral("latest");
const QString kAnnotatorPrefix = QStringLiteral("annotator:");

QDoubleSpinBox *numberBox(double minimum, double maximum, int decimals, double step)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(minimum, maximum);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    return box;
}

QSpinBox *wholeBox(int minimum, int maximum)
{
    auto *box = new QSpinBox;
    box->setRange(minimum, maximum);
    return box;
}

}  // namespace

TrainDialog::TrainDialog(const QString &projectPath, const QStringList &annotators, const QString &importAnnotator,
                         qint64 activeModelId, int trainClips, QWidget *parent)
    : QDialog(parent), m_projectPath(projectPath), m_parentModelId(activeModelId), m_trainClips(trainClips),
      m_runner(new jobs::JobRunner(this))
{
    setWindowTitle(tr("Train model"));
    setObjectName(QStringLiteral("trainDialog"));
    m_architecture = new QComboBox;
    for (const training::ArchitectureChoice &choice : training::trainableArchitectures()) {
        m_architecture->addItem(choice.name, choice.name);
        m_architecture->setItemData(m_architecture->count() - 1, choice.summary, Qt::ToolTipRole);
    }
    m_name = new QLineEdit;
    m_name->setPlaceholderText(tr("architecture and date"));
    m_labels = new QComboBox;
    m_labels->addItem(tr("%1 (the dataset's labels)").arg(importAnnotator), kAnnotatorPrefix + importAnnotator);
    for (const QString &name : annotators)
        if (name != importAnnotator)
            m_labels->addItem(tr("%1's labels").arg(name), kAnnotatorPrefix + name);
    m_labels->addItem(tr("Mean of every annotator"), kMean);
    m_labels->addItem(tr("Latest label of any annotator"), kLatest);
    const char *targetNames[] = {"T", "A", "V"};
    for (size_t i = 0; i < m_targets.size(); ++i) {
        m_targets[i] = new QCheckBox(QString::fromLatin1(targetNames[i]));
        m_targets[i]->setChecked(true);  // unimodal labels, where there are any, teach their heads
        m_targets[i]->setToolTip(tr("Learn the %1 head from %1 labels (unchecked: from M)").arg(QString::fromLatin1(targetNames[i])));
    }
    m_recipeBox = new QComboBox;
    m_recipeBox->addItem(tr("SentiLens defaults"), QStringLiteral("sentilens"));
    m_recipeBox->addItem(tr("As in the paper's code"), QStringLiteral("paper"));
    m_recipeBox->setToolTip(tr("The paper recipe reproduces the authors' optimiser, learning rates per group, batch size, "
                               "epochs and selection rule (E/L/C-MIB, KAN-MCP)."));
    m_epochs = wholeBox(1, 10000);
    m_batch = wholeBox(1, 4096);
    m_learningRate = numberBox(1e-6, 1.0, 6, 1e-4);
    m_weightDecay = numberBox(0.0, 1.0, 4, 0.001);
    m_warmup = numberBox(0.0, 1.0, 2, 0.05);
    m_patience = wholeBox(0, 10000);
    m_patience->setSpecialValueText(tr("never stop early"));
    m_seed = wholeBox(0, std::numeric_limits<int>::max());
    m_device = new QComboBox;
    for (const char *device : {"auto", "cpu", "cuda"})
        m_device->addItem(QString::fromLatin1(device));

    m_plot = new QCustomPlot;
    m_plot->setObjectName(QStringLiteral("trainingCurves"));
    m_plot->setMinimumSize(420, 220);
    m_plot->addGraph();
    m_plot->graph(0)->setName(tr("training loss"));
    m_plot->graph(0)->setPen(QPen(QColor(31, 119, 180), 2));
    m_plot->addGraph();
    m_plot->graph(1)->setName(tr("validation MAE"));
    m_plot->graph(1)->setPen(QPen(QColor(255, 127, 14), 2));
    m_plot->graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    m_plot->xAxis->setLabel(tr("epoch"));
    m_plot->yAxis->setLabel(tr("loss / MAE"));
    m_plot->legend->setVisible(true);
    sl::plots::followPalette(m_plot);  // the dark theme reaches the chart

    m_status = new QLabel(tr("Ready."));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_train = new QPushButton(tr("&Train"));
    m_train->setDefault(true);
    m_cancel = new QPushButton(tr("&Cancel training"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_buttons->addButton(m_train, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buildForm();

    connect(m_architecture, &QComboBox::currentIndexChanged, this, &TrainDialog::onArchitectureChanged);
    connect(m_recipeBox, &QComboBox::currentIndexChanged, this, &TrainDialog::onArchitectureChanged);
    connect(m_train, &QPushButton::clicked, this, &TrainDialog::startTraining);
    connect(m_cancel, &QPushButton::clicked, m_runner, &jobs::JobRunner::cancel);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TrainDialog::reject);
    onArchitectureChanged();
    setRunning(false);
}

void TrainDialog::buildForm()
{
    auto *form = new QFormLayout;
    form->addRow(tr("&Architecture:"), m_architecture);
    form->addRow(tr("&Recipe:"), m_recipeBox);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Labels:"), m_labels);
    auto *targets = new QHBoxLayout;
    auto *m = new QCheckBox(QStringLiteral("M"));
    m->setChecked(true);
    m->setEnabled(false);  // the multimodal label is what every model learns
    targets->addWidget(m);
    for (QCheckBox *box : m_targets)
        targets->addWidget(box);
    targets->addStretch();
    form->addRow(tr("Targets:"), targets);
    form->addRow(tr("&Epochs (most):"), m_epochs);
    form->addRow(tr("&Batch size:"), m_batch);
    form->addRow(tr("Learning &rate:"), m_learningRate);
    form->addRow(tr("&Weight decay:"), m_weightDecay);
    form->addRow(tr("Warm-&up (share of steps):"), m_warmup);
    form->addRow(tr("&Patience (epochs):"), m_patience);
    form->addRow(tr("&Seed:"), m_seed);
    form->addRow(tr("&Device:"), m_device);
    form->addRow(tr("Parent model:"),
                 new QLabel(m_parentModelId ? tr("model %1 (the active one)").arg(m_parentModelId) : tr("none")));

    auto *columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addWidget(m_plot, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
}

void TrainDialog::setLabelScale(const QString &labelScale)
{
    m_labelScale = labelScale;
    onArchitectureChanged();
}

void TrainDialog::onArchitectureChanged()
{
    const QString architecture = m_architecture->currentData().toString();
    training::TrainingSettings recommended;
    try {
        recommended = training::recipeSettings(m_recipeBox->currentData().toString(), architecture, m_trainClips, m_labelScale);
    } catch (const std::invalid_argument &error) {
        // No published recipe for this architecture: say so and fall back to the app's defaults.
        m_status->setText(QString::fromUtf8(error.what()));
        const QSignalBlocker blocker(m_recipeBox);
        m_recipeBox->setCurrentIndex(0);
        recommended = training::recipeSettings(QStringLiteral("sentilens"), architecture, m_trainClips, m_labelScale);
    }
    m_recipe = recommended;
    if (recommended.recipe == QLatin1String("paper")) {
        // What the form does not show: the recipe's per-group rates, schedule and selection rule.
        QStringList groups;
        for (auto it = recommended.groupLearningRates.begin(); it != recommended.groupLearningRates.end(); ++it)
            groups << tr("%1 group %2").arg(it.key()).arg(it.value(), 0, 'g', 3);
        m_status->setText(tr("Paper recipe: %1, %2, %3 rate, best epoch by validation %4.")
                              .arg(recommended.optimizer, groups.join(QStringLiteral(", ")),
                                   recommended.constantRate ? tr("constant") : tr("warm-up then linear decay"),
                                   recommended.selectOnMse ? QStringLiteral("MSE") : QStringLiteral("MAE")));
    }
    training::TrainingSettings current = settings();
    current.epochs = recommended.epochs;
    current.batchSize = recommended.batchSize;
    current.learningRate = recommended.learningRate;
    current.weightDecay = recommended.weightDecay;
    current.warmupFraction = recommended.warmupFraction;
    current.patience = recommended.patience;
    if (current.seed == 0)
        current.seed = recommended.seed;
    if (current.device.isEmpty())
        current.device = recommended.device;
    applySettings(current);
}

training::TrainingSettings TrainDialog::settings() const
{
    training::TrainingSettings s;
    s.architecture = m_architecture->currentData().toString();
    s.name = m_name->text().trimmed();
    const QString labels = m_labels->currentData().toString();
    if (labels == kMean)
        s.labels.aggregate = store::LabelAggregate::Mean;
    else if (labels == kLatest)
        s.labels.aggregate = store::LabelAggregate::Latest;
    else
        s.labels.annotator = labels.mid(kAnnotatorPrefix.size());
    for (size_t i = 0; i < m_targets.size(); ++i)
        s.unimodalTargets[i] = m_targets[i]->isChecked();
    s.epochs = m_epochs->value();
    s.batchSize = m_batch->value();
    s.learningRate = m_learningRate->value();
    s.weightDecay = m_weightDecay->value();
    s.warmupFraction = m_warmup->value();
    s.patience = m_patience->value();
    s.seed = std::uint64_t(m_seed->value());
    s.device = m_device->currentText();
    s.parentModelId = m_parentModelId;
    s.recipe = m_recipe.recipe;
    s.groupLearningRates = m_recipe.groupLearningRates;
    s.constantRate = m_recipe.constantRate;
    s.selectOnMse = m_recipe.selectOnMse;
    s.optimizer = m_recipe.optimizer;
    s.modelSettings = m_recipe.modelSettings;
    return s;
}

void TrainDialog::applySettings(const training::TrainingSettings &s)
{
    const QSignalBlocker blocker(m_architecture);  // the values given win over the recommended ones
    if (const int index = m_architecture->findData(s.architecture); index >= 0)
        m_architecture->setCurrentIndex(index);
    m_name->setText(s.name);
    const QString labels = s.labels.aggregate == store::LabelAggregate::Mean     ? kMean
                           : s.labels.aggregate == store::LabelAggregate::Latest ? kLatest
                                                                                 : kAnnotatorPrefix + s.labels.annotator;
    if (const int index = m_labels->findData(labels); index >= 0)
        m_labels->setCurrentIndex(index);
    for (size_t i = 0; i < m_targets.size(); ++i)
        m_targets[i]->setChecked(s.unimodalTargets[i]);
    m_epochs->setValue(s.epochs);
    m_batch->setValue(s.batchSize);
    m_learningRate->setValue(s.learningRate);
    m_weightDecay->setValue(s.weightDecay);
    m_warmup->setValue(s.warmupFraction);
    m_patience->setValue(s.patience);
    m_seed->setValue(int(s.seed));
    if (const int index = m_device->findText(s.device); index >= 0)
        m_device->setCurrentIndex(index);
}

TrainDialog::~TrainDialog()
{
    // The job may still be writing into the scratch copy: it ends before the copy is removed (and
    // before the runner, a child, goes), and its end is not delivered to a dialog going away.
    m_runner->stop();
}

bool TrainDialog::startTraining()
{
    if (m_runner->isRunning())
        return false;
    m_rehearsal = false;
    return startOn(m_projectPath);
}

bool TrainDialog::startRehearsal()
{
    if (m_runner->isRunning())
        return false;
    m_scratch = std::make_unique<QTemporaryDir>();
    try {
        if (!m_scratch->isValid())
            throw Error(tr("%1: cannot make a scratch folder: %2").arg(m_scratch->path(), m_scratch->errorString()));
        m_rehearsal = true;
        if (startOn(copyProjectToScratch(m_projectPath, m_scratch->path()))) {
            m_status->setText(m_status->text() + tr(" (on a scratch copy: the project stays as it is)"));
            return true;
        }
    } catch (const Error &error) {
        m_status->setText(tr("Not started: %1").arg(QString::fromUtf8(error.what())));
    }
    m_rehearsal = false;
    return false;
}

bool TrainDialog::startOn(const QString &projectPath)
{
    const training::TrainingSettings s = settings();
    // One training per project at a time (the key); the work captures no widget: the epochs come
    // back through post(), which reaches the dialog only while its runner lives.
    const jobs::JobSpec spec{jobs::JobKind::Training,
                             tr("Train %1 on %2").arg(s.architecture, QFileInfo(m_projectPath).fileName()),
                             QStringLiteral("training:") + projectPath};
    const bool started = m_runner->start<training::TrainingJobResult>(
        spec,
        [this, projectPath, s](jobs::JobContext &context) {
            training::TrainingJobResult result = training::runTrainingJob(
                projectPath, s,
                [this, &context](const training::EpochReport &report) {
                    context.setProgress(report.epochs > 0 ? double(report.epoch) / report.epochs : 0.0,
                                        tr("epoch %1 of at most %2, validation MAE %3")
                                            .arg(report.epoch)
                                            .arg(report.epochs)
                                            .arg(report.validationLoss, 0, 'f', 4));
                    context.post([this, report] { onEpoch(report); });
                },
                context.cancelFlag());
            if (!result.error.isEmpty())
                context.fail(result.error);
            return result;
        },
        [this](const jobs::JobInfo &info, std::optional<training::TrainingJobResult> result) {
            if (!result) {  // the work threw: its message is the job's error
                result.emplace();
                result->error = info.error;
            }
            onFinished(*result);
        });
    if (!started)
        return false;
    for (int i = 0; i < m_plot->graphCount(); ++i)
        m_plot->graph(i)->data()->clear();
    m_plot->xAxis->setRange(1, std::max(2, s.epochs));
    m_plot->replot();
    m_status->setText(tr("Training %1 on %2…").arg(s.architecture, m_labels->currentText()));
    setRunning(true);
    return true;
}

QString TrainDialog::status() const { return m_status->text(); }

void TrainDialog::onEpoch(const training::EpochReport &report)
{
    m_plot->graph(0)->addData(report.epoch, report.loss);
    m_plot->graph(1)->addData(report.epoch, report.validationLoss);
    m_plot->rescaleAxes();
    m_plot->yAxis->scaleRange(1.15, m_plot->yAxis->range().center());  // curves off the frame's edges
    m_plot->xAxis->setRange(1, std::max(2, report.epochs));
    m_plot->replot();
    m_status->setText(tr("Epoch %1 of at most %2: loss %3, validation MAE %4%5")
                          .arg(report.epoch)
                          .arg(report.epochs)
                          .arg(report.loss, 0, 'f', 4)
                          .arg(report.validationLoss, 0, 'f', 4)
                          .arg(report.improved ? tr(" (best so far)") : QString()));
}

void TrainDialog::onFinished(const training::TrainingJobResult &result)
{
    setRunning(false);
    if (!result.error.isEmpty()) {
        m_status->setText(tr("Training failed: %1").arg(result.error));
        return;
    }
    if (result.cancelled) {
        m_status->setText(tr("Training cancelled; no model was registered."));
        return;
    }
    if (m_rehearsal) {  // trained on the scratch copy: nothing of it belongs to the project
        m_status->setText(tr("Trained on a scratch copy; nothing was registered in the project. %1").arg(result.summary));
        return;
    }
    m_status->setText(tr("Model %1 registered and made active. %2").arg(result.modelId).arg(result.summary));
    m_parentModelId = result.modelId;  // a further run retrains this one
    emit modelTrained(result.modelId);
}

void TrainDialog::setRunning(bool running)
{
    m_running = running;
    m_train->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_architecture, m_name, m_labels, m_epochs, m_batch, m_learningRate,
                                                       m_weightDecay, m_warmup, m_patience, m_seed, m_device})
        w->setEnabled(!running);
    for (QCheckBox *box : m_targets)
        box->setEnabled(!running);
}

void TrainDialog::reject()
{
    if (m_runner->isRunning()) {  // its end (cancelled, or done just before) is shown before closing
        m_runner->cancel();
        m_runner->waitForFinished();
    }
    QDialog::reject();
}

}  // namespace sl::ui
