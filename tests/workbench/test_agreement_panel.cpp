// The Agreement dock (issue 19): two annotators' M labels on twelve clips, the dock's interval
// alpha against Krippendorff's formula worked out here for two raters with complete data, the
// adjudication queue ordered by the labels' range, a click that announces the clip, and an
// adjudicated label stored under the annotator "adjudicated" with its history row.
#include "ui/workbench/agreement_panel.h"

#include "core/store/project.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace sl;

namespace {

constexpr int kClips = 12;

double first(int n) { return double((n * 5) % 13 - 6) / 2.0; }
double second(int n) { return std::clamp(first(n) + double((n * 7) % 5 - 2) * 0.4, -3.0, 3.0); }

// alpha = 1 - D_o / D_e for two raters and no missing value: with N = 2n values,
// D_o = (2 / N) sum_u (a_u - b_u)^2 and D_e = sum_{i != j} (v_i - v_j)^2 / (N (N - 1)).
double alphaByHand()
{
    std::vector<double> values;
    double within = 0;
    for (int n = 0; n < kClips; ++n) {
        values.push_back(first(n));
        values.push_back(second(n));
        within += (first(n) - second(n)) * (first(n) - second(n));
    }
    const double count = double(values.size());
    double between = 0;
    for (double a : values)
        for (double b : values)
            between += (a - b) * (a - b);
    const double observed = 2.0 * within / count;
    const double expected = between / (count * (count - 1));
    return 1.0 - observed / expected;
}

}  // namespace

class TestAgreementPanel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto project = store::Project::create(m_dir.path(), QStringLiteral("team"), LabelScale());
        const qint64 ana = project->annotators().ensure(QStringLiteral("ana")).id;
        const qint64 bo = project->annotators().ensure(QStringLiteral("bo")).id;
        // A name given in the window before any label: not a rater (it would leave ICC undefined).
        project->annotators().ensure(QStringLiteral("carl"));
        for (int n = 0; n < kClips; ++n) {
            store::Clip clip;
            clip.videoId = QStringLiteral("v%1").arg(n);
            clip.clipId = QStringLiteral("1");
            clip.mediaPath = QStringLiteral("");  // no media (the column is NOT NULL)
            clip.split = QStringLiteral("train");
            const qint64 id = project->clips().add(clip);
            project->labels().set(id, ana, Target::M, first(n));
            project->labels().set(id, bo, Target::M, second(n));
        }
    }

    void showsAlphaAndTheQueue()
    {
        auto project = store::Project::open(m_dir.path());
        ui::AgreementPanel panel;
        panel.setService(agreement::AgreementService(*project));
        QCOMPARE(panel.targetTable()->rowCount(), 1);  // only M has labels
        const double alpha = panel.targetTable()->item(0, 3)->data(Qt::UserRole).toDouble();
        QVERIFY2(std::fabs(alpha - alphaByHand()) < 1e-9, qPrintable(QStringLiteral("%1 vs %2").arg(alpha).arg(alphaByHand())));
        QVERIFY(panel.status().contains(QLatin1String("ana")) && panel.status().contains(QLatin1String("bo")));
        QVERIFY(!panel.status().contains(QLatin1String("carl")));
        QVERIFY(panel.targetTable()->item(0, 5)->data(Qt::UserRole).isValid());  // ICC(2,1) over complete clips

        // The queue: clips whose labels differ, largest range first, both labels side by side.
        QTableWidget *queue = panel.queueTable();
        int differing = 0;
        double largest = 0;
        for (int n = 0; n < kClips; ++n) {
            differing += first(n) != second(n);
            largest = std::max(largest, std::fabs(first(n) - second(n)));
        }
        QCOMPARE(queue->rowCount(), differing);
        QCOMPARE(queue->columnCount(), 5);  // clip, range, mean, ana, bo
        QVERIFY(std::fabs(queue->item(0, 1)->data(Qt::UserRole).toDouble() - largest) < 1e-9);
        for (int row = 1; row < queue->rowCount(); ++row)
            QVERIFY(queue->item(row, 1)->data(Qt::UserRole).toDouble() <= queue->item(row - 1, 1)->data(Qt::UserRole).toDouble());
        const double a = queue->item(0, 3)->data(Qt::UserRole).toDouble(), b = queue->item(0, 4)->data(Qt::UserRole).toDouble();
        QVERIFY(std::fabs(std::fabs(a - b) - largest) < 1e-9);
    }

    void adjudicatesTheSelectedClip()
    {
        auto project = store::Project::open(m_dir.path());
        ui::AgreementPanel panel;
        panel.setReviewer(QStringLiteral("lead"));
        panel.setService(agreement::AgreementService(*project));
        QSignalSpy activated(&panel, &ui::AgreementPanel::clipActivated);
        QSignalSpy changed(&panel, &ui::AgreementPanel::labelsChanged);
        QVERIFY(!panel.adjudicateButton()->isEnabled());
        panel.queueTable()->selectRow(0);
        QCOMPARE(activated.size(), 1);
        const qint64 clipId = activated.first().first().toLongLong();
        QVERIFY(panel.adjudicateButton()->isEnabled());
        // The value starts at the annotators' mean.
        const double mean = panel.queueTable()->item(0, 2)->data(Qt::UserRole).toDouble();
        QVERIFY(std::fabs(panel.valueBox()->value() - mean) < 0.005 + 1e-9);
        panel.valueBox()->setValue(1.5);
        panel.adjudicateButton()->click();
        QCOMPARE(changed.size(), 1);

        auto reread = store::Project::open(m_dir.path());
        const std::optional<store::Annotator> adjudicated = reread->annotators().find(QStringLiteral("adjudicated"));
        QVERIFY(adjudicated);
        QCOMPARE(reread->labels().value(clipId, adjudicated->id, Target::M), std::optional<double>(1.5));
        int rows = 0;
        for (const store::LabelChange &change : reread->labels().history(clipId))
            if (change.annotatorId == adjudicated->id) {
                ++rows;
                QVERIFY2(change.note.contains(QLatin1String("lead")), qPrintable(change.note));
            }
        QCOMPARE(rows, 1);
        // The adjudicated label settles the disagreement; it does not take part in the statistics.
        panel.refresh();
        QVERIFY(!panel.status().contains(QLatin1String("adjudicated")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestAgreementPanel)
#include "test_agreement_panel.moc"
