#include "ui/workbench/agreement_panel.h"

#include "core/common/error.h"
#include "ui/workbench/table_items.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace sl::ui {

namespace {

constexpr int kQueueLength = 100;
const std::array<Target, 4> kTargets = {Target::M, Target::T, Target::A, Target::V};

// A statistic, empty where it is undefined (NaN: too few ratings, or no variation).
std::optional<double> defined(double value) { return std::isfinite(value) ? std::optional<double>(value) : std::nullopt; }

}  // namespace

AgreementPanel::AgreementPanel(QWidget *parent)
    : QWidget(parent),
      m_status(new QLabel(this)),
      m_target(new QComboBox(this)),
      m_tabs(new QTabWidget(this)),
      m_targets(makeTable({tr("Target"), tr("Clips"), tr("Labels"), tr("α interval"), tr("α ordinal"), tr("ICC(2,1)"),
                           tr("ICC(2,k)"), tr("Fleiss κ")})),
      m_pairs(makeTable({})),
      m_queue(makeTable({})),
      m_value(new QDoubleSpinBox(this)),
      m_adjudicate(new QPushButton(tr("Set adjudicated label"), this))
{
    m_status->setWordWrap(true);
    for (Target t : kTargets)
        m_target->addItem(targetName(t), int(t));
    auto *refresh = new QPushButton(tr("Refresh"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Target:"), this));
    top->addWidget(m_target);
    top->addStretch();
    top->addWidget(refresh);

    auto *agreement = new QWidget(this);
    auto *agreementLayout = new QVBoxLayout(agreement);
    agreementLayout->setContentsMargins(0, 0, 0, 0);
    agreementLayout->addWidget(new QLabel(tr("Per target"), agreement));
    agreementLayout->addWidget(m_targets, 1);
    agreementLayout->addWidget(new QLabel(tr("Quadratic-weighted kappa per pair of annotators (chosen target, ordinal classes)"), agreement));
    agreementLayout->addWidget(m_pairs, 1);

    auto *adjudicate = new QWidget(this);
    auto *adjudicateLayout = new QVBoxLayout(adjudicate);
    adjudicateLayout->setContentsMargins(0, 0, 0, 0);
    adjudicateLayout->addWidget(new QLabel(tr("Clips the annotators disagree on most (chosen target), every annotator's label side by side"),
                                           adjudicate));
    adjudicateLayout->addWidget(m_queue, 1);
    auto *decide = new QHBoxLayout;
    decide->addWidget(new QLabel(tr("Adjudicated label:"), adjudicate));
    decide->addWidget(m_value);
    decide->addWidget(m_adjudicate);
    decide->addStretch();
    adjudicateLayout->addLayout(decide);
    m_value->setDecimals(2);
    m_adjudicate->setEnabled(false);

    m_tabs->addTab(agreement, tr("Agreement"));
    m_tabs->addTab(adjudicate, tr("Adjudicate"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    connect(refresh, &QPushButton::clicked, this, &AgreementPanel::refresh);
    connect(m_target, &QComboBox::currentIndexChanged, this, &AgreementPanel::showPairsAndQueue);
    connect(m_queue, &QTableWidget::itemSelectionChanged, this, [this] {
        const int row = m_queue->currentRow();
        m_adjudicate->setEnabled(row >= 0);
        if (row < 0)
            return;
        // Start from the annotators' mean: the reviewer usually moves from there.
        m_value->setValue(m_queue->item(row, 2)->data(Qt::UserRole).toDouble());
        emit clipActivated(rowId(m_queue, row));
    });
    connect(m_adjudicate, &QPushButton::clicked, this, &AgreementPanel::adjudicateSelected);
}

void AgreementPanel::setService(std::optional<agreement::AgreementService> service)
{
    m_service = service;
    if (m_service) {
        const LabelScale scale = m_service->labelScale();
        m_value->setRange(scale.minimum(), scale.maximum());
        m_value->setSingleStep(scale.step() > 0 ? scale.step() : 0.1);
    }
    refresh();
}

QString AgreementPanel::status() const { return m_status->text(); }

void AgreementPanel::refresh()
{
    showTargets();
    showPairsAndQueue();
}

void AgreementPanel::showTargets()
{
    m_targets->setRowCount(0);
    m_results.clear();
    if (!m_service) {
        m_status->setText(tr("No project open."));
        return;
    }
    agreement::AgreementOverview overview = m_service->overview();
    const QStringList &raters = overview.raters;
    if (raters.size() < 2) {
        m_status->setText(tr("Agreement needs labels from at least two annotators; this project has %n.", nullptr, int(raters.size())));
        return;
    }
    m_status->setText(tr("Annotators compared: %1").arg(raters.join(QStringLiteral(", "))));
    m_results = std::move(overview.targets);
    for (Target t : kTargets) {
        const auto found = m_results.constFind(t);
        if (found == m_results.cend())
            continue;
        const agreement::TargetAgreement &result = found->agreement;
        const int row = m_targets->rowCount();
        m_targets->insertRow(row);
        setTextItem(m_targets, row, 0, targetName(t));
        setTextItem(m_targets, row, 1, QString::number(result.units));
        setTextItem(m_targets, row, 2, QString::number(result.ratings));
        const std::array<double, 5> values{result.alphaInterval.alpha, result.alphaOrdinal.alpha, result.icc.single,
                                           result.icc.average, result.fleiss.kappa};
        for (size_t c = 0; c < values.size(); ++c)
            setNumberItem(m_targets, row, 3 + int(c), defined(values[c]));
    }
}

void AgreementPanel::showPairsAndQueue()
{
    m_pairs->clear();
    m_pairs->setRowCount(0);
    m_pairs->setColumnCount(0);
    m_queue->clear();
    m_queue->setRowCount(0);
    m_queue->setColumnCount(0);
    m_adjudicate->setEnabled(false);
    const auto target = Target(m_target->currentData().toInt());
    // The statistics showTargets() computed: no second read of the labels.
    const auto found = m_results.constFind(target);
    if (found == m_results.cend())
        return;
    const agreement::ProjectRatings &ratings = found->ratings;
    const agreement::TargetAgreement &result = found->agreement;
    const QStringList &raters = ratings.annotators;

    // The pair matrix: kappa of every pair, symmetric, 1 on the diagonal.
    const int n = int(raters.size());
    m_pairs->setRowCount(n);
    m_pairs->setColumnCount(n);
    m_pairs->setHorizontalHeaderLabels(raters);
    m_pairs->setVerticalHeaderLabels(raters);
    m_pairs->verticalHeader()->setVisible(true);
    for (int i = 0; i < n; ++i)
        setNumberItem(m_pairs, i, i, 1.0);
    for (const agreement::PairKappa &pair : result.pairs) {
        setNumberItem(m_pairs, int(pair.raterA), int(pair.raterB), defined(pair.result.kappa));
        setNumberItem(m_pairs, int(pair.raterB), int(pair.raterA), defined(pair.result.kappa));
    }

    // The adjudication queue: largest spread first, every annotator's label in its own column.
    QStringList columns{tr("Clip"), tr("Range"), tr("Mean")};
    columns += raters;
    m_queue->setColumnCount(int(columns.size()));
    m_queue->setHorizontalHeaderLabels(columns);
    for (const agreement::UnitSpread &spread : result.spreads) {
        if (m_queue->rowCount() >= kQueueLength || spread.range <= 0)
            break;
        const int row = m_queue->rowCount();
        m_queue->insertRow(row);
        setIdItem(m_queue, row, ratings.clipIds[qsizetype(spread.unit)], ratings.clipKeys[qsizetype(spread.unit)]);
        setNumberItem(m_queue, row, 1, spread.range);
        setNumberItem(m_queue, row, 2, spread.mean);
        for (int r = 0; r < n; ++r)
            setNumberItem(m_queue, row, 3 + r,
                          ratings.matrix.has(spread.unit, std::size_t(r)) ? std::optional<double>(ratings.matrix.at(spread.unit, std::size_t(r)))
                                                                         : std::nullopt);
    }
    m_queue->resizeColumnsToContents();
    m_pairs->resizeColumnsToContents();
    if (m_queue->rowCount() == 0)
        m_status->setText(m_status->text() + QLatin1Char('\n') + tr("No clip where the annotators' %1 labels differ.").arg(targetName(target)));
}

void AgreementPanel::adjudicateSelected()
{
    const int row = m_queue->currentRow();
    if (!m_service || row < 0)
        return;
    const auto target = Target(m_target->currentData().toInt());
    try {
        const std::optional<agreement::Adjudicated> done = m_service->adjudicate(rowId(m_queue, row), target, m_value->value(), m_reviewer);
        if (!done)
            return;  // the clip has gone
        m_status->setText(tr("%1 %2: adjudicated label %3%4")
                              .arg(done->clipKey, targetName(target))
                              .arg(done->result.value, 0, 'f', 2)
                              .arg(done->result.changed ? QString() : tr(" (unchanged)")));
        emit labelsChanged();
    } catch (const Error &error) {
        m_status->setText(error.message());
    }
}

}  // namespace sl::ui
