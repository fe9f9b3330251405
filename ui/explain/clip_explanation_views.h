#pragma once
// The per-clip explanation views (issue #7), each a dock's widget drawing plain plot data
// (ui/plots) for the selected clip: contributions, saliency over time with weighted words, KAN
// function shapes and the causal mask. Every plot has "Export…" in its context menu.
#include "core/session/reference_labels.h"
#include "ui/plots/mask_plot.h"
#include "ui/plots/plot_data.h"

#include <QWidget>
#include <functional>
#include <optional>

class QCPAxisRect;
class QComboBox;
class QCustomPlot;
class QLabel;
class QTextBrowser;

namespace sl::ui {

// A plot with the export menu, sized for a dock.
QCustomPlot *makeExplanationPlot(QWidget *parent, const QString &objectName);

// The human label beside the bars is the one chosen in the dock (issue 17): yours, the dataset's
// or the adjudicated one, named in the legend ("Human label (yours: alice)"); when the chosen one
// is missing the dock says so. The choice is kept in the user's settings.
class ContributionsView : public QWidget {
    Q_OBJECT
public:
    // Reads one clip's labels by a reference (the window's labelling session). Throws sl::Error
    // when they cannot be read.
    using ReferenceSource = std::function<session::ReferenceLabels(qint64 clipId, session::LabelReference)>;

    explicit ContributionsView(QWidget *parent = nullptr);
    void showClip(const plots::ClipPlots &clip);
    void showMessage(const QString &message);
    QCustomPlot *plot() const { return m_plot; }
    // Without a source (sentilens-cli's plots) the labels the core explained against are drawn.
    void setReferenceSource(ReferenceSource source);
    session::LabelReference reference() const;
    void setReference(session::LabelReference reference);
    // What the plot shows now, with the reference's labels put in.
    const plots::ContributionData &shownData() const { return m_shown; }
    QLabel *referenceNote() const { return m_note; }
    // A label of `clipId` changed: redrawn when it is the clip shown.
    void labelsChanged(qint64 clipId);

private:
    void draw();

    QComboBox *m_reference;
    QLabel *m_note;
    QCustomPlot *m_plot;
    ReferenceSource m_source;
    std::optional<plots::ClipPlots> m_clip;
    plots::ContributionData m_shown;
};

class SaliencyView : public QWidget {
    Q_OBJECT
public:
    explicit SaliencyView(QWidget *parent = nullptr);
    void showClip(const plots::ClipPlots &clip);
    void showMessage(const QString &message);
    void setPosition(qint64 ms);  // the player's playhead
    QCustomPlot *plot() const { return m_plot; }
    QTextBrowser *words() const { return m_words; }

private:
    QCustomPlot *m_plot;
    QTextBrowser *m_words;
};

// The KAN dock: the network graph (edges weighted by importance, inputs grouped by modality), one
// edge enlarged, and every edge's function as a small multiple of readable size in a scroll area.
// When the active model has no KAN, the project's KAN models are offered instead.
class KanView : public QWidget {
    Q_OBJECT
public:
    explicit KanView(QWidget *parent = nullptr);
    void showClip(const plots::ClipPlots &clip);
    void showMessage(const QString &message);
    void enlargeEdge(int index);  // an index into the clip's KanData::edges
    int enlargedEdge() const { return m_edge; }
    // The project's models with a KAN (id, caption), offered while the active model has none.
    void setKanModels(const QList<QPair<qint64, QString>> &models);
    QCustomPlot *grid() const { return m_grid; }
    QCustomPlot *network() const { return m_network; }
    QCustomPlot *edgePlot() const { return m_edgePlot; }
    QWidget *modelOffer() const { return m_offer; }
    QComboBox *kanModels() const { return m_models; }
    const plots::KanData &data() const { return m_data; }

signals:
    void kanModelChosen(qint64 modelId);  // "Make active" on an offered model

private:
    void updateOffer();

    QWidget *m_offer;
    QLabel *m_offerText;
    QComboBox *m_models;
    QCustomPlot *m_network, *m_grid, *m_edgePlot;
    plots::KanData m_data;
    QList<QCPAxisRect *> m_rects;
    int m_edge = -1;
    bool m_shown = false;  // a clip (or message) has been shown: the offer depends on its KAN
};

class MaskView : public QWidget {
    Q_OBJECT
public:
    explicit MaskView(QWidget *parent = nullptr);
    void showClip(const plots::ClipPlots &clip);
    void showMessage(const QString &message);
    void setRows(const QList<plots::MaskRow> &rows);  // the dataset's masks for the heat map
    void setOrder(plots::MaskOrder order);
    QCustomPlot *heatmap() const { return m_heatmap; }
    QCustomPlot *clipPlot() const { return m_clipPlot; }

private:
    void drawHeatmap();
    QComboBox *m_order;
    QCustomPlot *m_heatmap, *m_clipPlot;
    QList<plots::MaskRow> m_rows;
};

}  // namespace sl::ui
