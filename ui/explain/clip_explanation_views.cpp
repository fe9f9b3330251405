#include "ui/explain/clip_explanation_views.h"

#include "core/common/error.h"
#include "ui/plots/contribution_plot.h"
#include "ui/plots/split_name.h"
#include "ui/plots/kan_plot.h"
#include "ui/plots/plot_canvas.h"
#include "ui/plots/plot_export.h"
#include "ui/plots/saliency_plot.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sl::ui {

QCustomPlot *makeExplanationPlot(QWidget *parent, const QString &objectName)
{
    auto *plot = new QCustomPlot(parent);
    plot->setObjectName(objectName);
    plot->setMinimumSize(220, 160);
    plots::installExportMenu(plot);
    return plot;
}

namespace {

QVBoxLayout *bareLayout(QWidget *widget)
{
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(2, 2, 2, 2);
    return layout;
}

// The plot's title with a second line naming the model explained and the clip's split, so a
// screenshot or export never leaves open whose explanation it is.
QString captioned(const QString &title, const plots::ClipPlots &clip)
{
    QStringList caption;
    if (!clip.model.isEmpty())
        caption << clip.model;
    if (!clip.split.isEmpty())
        caption << QCoreApplication::translate("sl::ui::ContributionsView", "%1 split").arg(plots::splitName(clip.split));
    return caption.isEmpty() ? title : title + QLatin1Char('\n') + caption.join(QStringLiteral(" · "));
}

// `plot` in a vertical scroll area: the plot may ask for more height than the dock has (one row
// per clip) without the dock, and so the window, having to grow.
QScrollArea *scrolled(QWidget *plot, const QString &objectName, bool sideways = false)
{
    auto *area = new QScrollArea(plot->parentWidget());
    area->setObjectName(objectName);
    area->setWidgetResizable(true);
    area->setHorizontalScrollBarPolicy(sideways ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    area->setFrameShape(QFrame::NoFrame);
    area->setMinimumHeight(120);
    area->setWidget(plot);
    return area;
}

}  // namespace

namespace {
const QString kReferenceKey = QStringLiteral("explain/contributionsReference");
}

ContributionsView::ContributionsView(QWidget *parent)
    : QWidget(parent), m_reference(new QComboBox(this)), m_note(new QLabel(this)),
      m_plot(makeExplanationPlot(this, QStringLiteral("contributionsPlot")))
{
    using session::LabelReference;
    m_reference->setObjectName(QStringLiteral("labelReference"));
    m_reference->setToolTip(tr("Whose label the bars are compared with"));
    m_reference->addItem(tr("yours"), int(LabelReference::Mine));
    m_reference->addItem(tr("the dataset's"), int(LabelReference::Dataset));
    m_reference->addItem(tr("adjudicated"), int(LabelReference::Adjudicated));
    m_note->setObjectName(QStringLiteral("referenceNote"));
    m_note->setWordWrap(true);
    auto *top = new QHBoxLayout;
    auto *caption = new QLabel(tr("Human label:"), this);
    caption->setBuddy(m_reference);
    top->addWidget(caption);
    top->addWidget(m_reference);
    top->addWidget(m_note, 1);
    QVBoxLayout *layout = bareLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);  // the plot takes the height; the choice stays one row
    setReference(session::referenceFromKey(QSettings().value(kReferenceKey).toString()));
    connect(m_reference, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(kReferenceKey, session::referenceKey(reference()));
        draw();
    });
    showMessage(tr("Select a clip to see which modality pushed its prediction which way."));
}

void ContributionsView::setReferenceSource(ReferenceSource source)
{
    m_source = std::move(source);
    draw();
}

session::LabelReference ContributionsView::reference() const
{
    return session::LabelReference(m_reference->currentData().toInt());
}

void ContributionsView::setReference(session::LabelReference reference)
{
    m_reference->setCurrentIndex(m_reference->findData(int(reference)));
}

void ContributionsView::showClip(const plots::ClipPlots &clip)
{
    m_clip = clip;
    draw();
}

void ContributionsView::labelsChanged(qint64 clipId)
{
    if (m_clip && m_clip->clipId == clipId && isVisible())
        draw();
}

void ContributionsView::draw()
{
    m_note->clear();
    if (!m_clip)
        return;
    m_shown = m_clip->contributions;
    if (m_source) {
        using session::LabelReference;
        const LabelReference which = reference();
        try {
            const session::ReferenceLabels labels = m_source(m_clip->clipId, which);
            const QString &name = labels.annotator;
            QString whose, missing;
            switch (which) {
            case LabelReference::Mine:
                whose = name.isEmpty() ? tr("yours") : tr("yours: %1").arg(name);
                missing = name.isEmpty() ? tr("No annotator is named yet: your first label asks for your name.")
                                         : tr("You (%1) have not labelled this clip yet.").arg(name);
                break;
            case LabelReference::Dataset:
                whose = name.isEmpty() || name == QLatin1String("dataset") ? tr("dataset") : tr("dataset: %1").arg(name);
                missing = name.isEmpty() ? tr("This project has no dataset labels.")
                                         : tr("The dataset (%1) has no label for this clip.").arg(name);
                break;
            case LabelReference::Adjudicated:
                whose = tr("adjudicated");
                missing = tr("Nobody has adjudicated this clip.");
                break;
            }
            m_shown.labels = labels.values;
            // Said in the legend too, so an export or a screenshot does not lose it.
            m_shown.labelSource = labels.any() ? whose : tr("%1, none for this clip").arg(whose);
            if (!labels.any())
                m_note->setText(missing);
        } catch (const Error &error) {
            m_shown.labels = {};
            m_shown.labelSource = tr("unreadable");
            m_note->setText(error.message());
        }
    }
    plots::drawContributions(m_plot, m_shown, captioned(tr("Contributions: %1").arg(m_clip->name), *m_clip));
}

void ContributionsView::showMessage(const QString &message)
{
    m_clip.reset();
    m_note->clear();
    plots::showPlotMessage(m_plot, tr("Contributions"), message);
}

SaliencyView::SaliencyView(QWidget *parent)
    : QWidget(parent), m_plot(makeExplanationPlot(this, QStringLiteral("saliencyPlot"))), m_words(new QTextBrowser(this))
{
    m_words->setObjectName(QStringLiteral("saliencyWords"));
    m_words->setMaximumHeight(70);
    m_words->setToolTip(tr("Words of the transcript: green pushed the prediction up, red down; the stronger, the more."));
    QVBoxLayout *layout = bareLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_words);
    showMessage(tr("Select a clip to see when its evidence appeared."));
}

void SaliencyView::showClip(const plots::ClipPlots &clip)
{
    // Completeness (attributions adding up to f(x) - f(baseline)) is the check integrated
    // gradients offer; a clip that misses it after refinement is flagged, not silently drawn.
    const QString completeness = clip.saliency.reliable
        ? tr("completeness error %1%, %2 steps").arg(100.0 * clip.saliency.relativeError, 0, 'f', 1).arg(clip.saliency.steps)
        : tr("UNRELIABLE: attributions miss f(x) - f(baseline) by %1% after %2 steps").arg(100.0 * clip.saliency.relativeError, 0, 'f', 0).arg(clip.saliency.steps);
    plots::drawSaliency(m_plot, clip.saliency, captioned(tr("Saliency over time: %1 (%2)").arg(clip.name, completeness), clip));
    m_words->setHtml(plots::weightedWordsHtml(clip.saliency.words, clip.saliency.wordWeights));
}

void SaliencyView::showMessage(const QString &message)
{
    plots::showPlotMessage(m_plot, tr("Saliency over time"), message);
    m_words->clear();
}

void SaliencyView::setPosition(qint64 ms) { plots::setSaliencyPlayhead(m_plot, double(ms) / 1000.0); }

KanView::KanView(QWidget *parent)
    : QWidget(parent), m_offer(new QWidget(this)), m_offerText(new QLabel(m_offer)), m_models(new QComboBox(m_offer)),
      m_network(makeExplanationPlot(this, QStringLiteral("kanNetwork"))), m_grid(makeExplanationPlot(this, QStringLiteral("kanGrid"))),
      m_edgePlot(makeExplanationPlot(this, QStringLiteral("kanEdge")))
{
    m_offer->setObjectName(QStringLiteral("kanModelOffer"));
    m_models->setObjectName(QStringLiteral("kanModels"));
    m_offerText->setWordWrap(true);
    auto *activate = new QPushButton(tr("Make active"), m_offer);
    activate->setObjectName(QStringLiteral("kanMakeActive"));
    activate->setToolTip(tr("Make this model the project's active model, so every view explains it"));
    connect(activate, &QPushButton::clicked, this, [this] {
        if (m_models->currentIndex() >= 0)
            emit kanModelChosen(m_models->currentData().toLongLong());
    });
    auto *offerLayout = new QHBoxLayout(m_offer);
    offerLayout->setContentsMargins(0, 0, 0, 0);
    offerLayout->addWidget(m_offerText, 1);
    offerLayout->addWidget(m_models);
    offerLayout->addWidget(activate);
    m_offer->hide();

    // Above: the network and the enlarged edge side by side; below, the small multiples, as
    // large as they need to be read, in a scroll area (the dock never grows for them).
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_network);
    top->addWidget(m_edgePlot);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(top);
    splitter->addWidget(scrolled(m_grid, QStringLiteral("kanGridScroll"), true));
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    QVBoxLayout *layout = bareLayout(this);
    layout->addWidget(m_offer);
    layout->addWidget(splitter, 1);
    m_network->setToolTip(tr("Each line is an edge: the more important, the thicker and more opaque"));
    m_grid->setToolTip(tr("Click an edge to enlarge it"));
    connect(m_grid, &QCustomPlot::mousePress, this, [this](QMouseEvent *event) {
        if (event->button() != Qt::LeftButton)
            return;
        const int index = int(m_rects.indexOf(m_grid->axisRectAt(event->position())));
        if (index >= 0)
            enlargeEdge(index);
    });
    showMessage(tr("Select a clip to see where it sits on the KAN's functions."));
}

void KanView::showClip(const plots::ClipPlots &clip)
{
    m_data = clip.kan;
    m_shown = true;
    plots::drawKanNetwork(m_network, m_data, captioned(tr("KAN network (edges by importance): %1").arg(clip.name), clip));
    m_rects = plots::drawKanEdges(m_grid, m_data, captioned(tr("KAN edges (shaded by importance): %1").arg(clip.name), clip));
    m_grid->setMinimumSize(m_data.edges.isEmpty() ? QSize(220, 160) : plots::kanGridMinimumSize(m_data));
    updateOffer();
    if (m_data.edges.isEmpty()) {
        m_edge = -1;
        plots::showPlotMessage(m_edgePlot, tr("KAN edge"), m_data.reason.isEmpty() ? tr("This model has no KAN.") : m_data.reason);
        return;
    }
    // Keep the enlarged edge across clips; start with the most important one.
    if (m_edge < 0 || m_edge >= m_data.edges.size()) {
        m_edge = 0;
        for (int e = 1; e < m_data.edges.size(); ++e)
            if (m_data.edges[e].importance > m_data.edges[m_edge].importance)
                m_edge = e;
    }
    enlargeEdge(m_edge);
}

void KanView::showMessage(const QString &message)
{
    m_data = {};
    m_rects.clear();
    m_shown = false;
    plots::showPlotMessage(m_network, tr("KAN network"), message);
    plots::showPlotMessage(m_grid, tr("KAN edges"), QString());
    m_grid->setMinimumSize(220, 160);
    plots::showPlotMessage(m_edgePlot, tr("KAN edge"), QString());
    updateOffer();
}

void KanView::setKanModels(const QList<QPair<qint64, QString>> &models)
{
    const qint64 before = m_models->currentData().toLongLong();
    m_models->clear();
    for (const auto &[id, caption] : models)
        m_models->addItem(caption, id);
    m_models->setCurrentIndex(std::max(0, m_models->findData(before)));
    updateOffer();
}

// Offered when a clip was explained by a model without a KAN and the project has KAN models.
void KanView::updateOffer()
{
    const bool offer = m_shown && !m_data.available && m_models->count() > 0;
    m_offerText->setText(tr("The active model has no KAN. This project's models with one:"));
    m_offer->setVisible(offer);
}

void KanView::enlargeEdge(int index)
{
    if (index < 0 || index >= m_data.edges.size())
        return;
    m_edge = index;
    plots::drawKanEdge(m_edgePlot, m_data.edges[index], tr("Edge %1").arg(index + 1));
}

MaskView::MaskView(QWidget *parent)
    : QWidget(parent), m_order(new QComboBox(this)), m_heatmap(makeExplanationPlot(this, QStringLiteral("maskHeatmap"))),
      m_clipPlot(makeExplanationPlot(this, QStringLiteral("clipMask")))
{
    m_order->setObjectName(QStringLiteral("maskOrder"));
    m_order->addItem(tr("Project order"), int(plots::MaskOrder::Project));
    m_order->addItem(tr("Sorted by label"), int(plots::MaskOrder::Label));
    m_order->addItem(tr("Sorted by prediction"), int(plots::MaskOrder::Prediction));
    connect(m_order, &QComboBox::currentIndexChanged, this, &MaskView::drawHeatmap);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Clips:"), this));
    top->addWidget(m_order);
    top->addStretch();
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(scrolled(m_heatmap, QStringLiteral("maskHeatmapScroll")));
    splitter->addWidget(m_clipPlot);
    splitter->setStretchFactor(0, 3);  // the heat map scrolls through many clips: the larger part
    splitter->setStretchFactor(1, 2);
    QVBoxLayout *layout = bareLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    drawHeatmap();
    showMessage(tr("Select a clip to see the fused dimensions its causal mask kept."));
}

void MaskView::showClip(const plots::ClipPlots &clip)
{
    plots::drawClipMask(m_clipPlot, clip.mask, captioned(tr("Causal mask: %1").arg(clip.name), clip));
}

void MaskView::showMessage(const QString &message) { plots::showPlotMessage(m_clipPlot, tr("Causal mask"), message); }

void MaskView::setRows(const QList<plots::MaskRow> &rows)
{
    m_rows = rows;
    drawHeatmap();
}

void MaskView::setOrder(plots::MaskOrder order) { m_order->setCurrentIndex(m_order->findData(int(order))); }

void MaskView::drawHeatmap()
{
    const auto order = plots::MaskOrder(m_order->currentData().toInt());
    plots::drawMaskHeatmap(m_heatmap, plots::sortedMaskRows(m_rows, order), tr("Causal masks of the dataset"));
    // Tall enough for every clip's row to be seen and named; the scroll area shows a part.
    m_heatmap->setMinimumHeight(m_rows.isEmpty() ? 160 : plots::maskHeatmapHeight(int(m_rows.size())));
}

}  // namespace sl::ui
