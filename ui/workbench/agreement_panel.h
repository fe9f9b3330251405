#pragma once
// The Agreement dock: how much the project's annotators agree, per target (Krippendorff's alpha,
// ICC, Fleiss' kappa), per pair of annotators (quadratic-weighted kappa), and, in its Adjudicate
// tab, the clips they disagree on most, with every annotator's label side by side and the
// adjudicated label to set. The numbers come from core/agreement; this widget only shows them.
// Other annotators' labels are shown here only: labelling itself stays blind (the project's
// "Label blind" setting).
#include "core/agreement/agreement_service.h"

#include <QHash>
#include <QWidget>
#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace sl::ui {

class AgreementPanel : public QWidget {
    Q_OBJECT
public:
    explicit AgreementPanel(QWidget *parent = nullptr);

    // The open project's agreement service (core's, over the session's project; nothing empties
    // the dock); `reviewer` is who sets adjudicated labels (recorded in the history).
    void setService(std::optional<agreement::AgreementService> service);
    void setReviewer(const QString &reviewer) { m_reviewer = reviewer; }
    // Computes every statistic again from the stored labels.
    void refresh();

    QTableWidget *targetTable() const { return m_targets; }
    QTableWidget *pairTable() const { return m_pairs; }
    QTableWidget *queueTable() const { return m_queue; }
    QComboBox *targetChoice() const { return m_target; }
    QDoubleSpinBox *valueBox() const { return m_value; }
    QPushButton *adjudicateButton() const { return m_adjudicate; }
    QTabWidget *tabs() const { return m_tabs; }
    QString status() const;

signals:
    void clipActivated(qint64 clipId);
    // An adjudicated label was stored (the window refreshes its clip list).
    void labelsChanged();

private:
    void showTargets();
    void showPairsAndQueue();
    void adjudicateSelected();

    // Per target with labels, as last computed by refresh().
    QHash<Target, agreement::TargetResult> m_results;
    std::optional<agreement::AgreementService> m_service;
    QString m_reviewer;
    QLabel *m_status;
    QComboBox *m_target;
    QTabWidget *m_tabs;
    QTableWidget *m_targets;
    QTableWidget *m_pairs;
    QTableWidget *m_queue;
    QDoubleSpinBox *m_value;
    QPushButton *m_adjudicate;
};

}  // namespace sl::ui
