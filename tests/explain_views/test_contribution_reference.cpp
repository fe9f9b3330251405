// Issue 17, Contributions: "the human label is the dataset's, even after the annotator set their
// own: say whose label, let the user choose (mine, dataset, adjudicated)". A real SQLite project
// and labelling session; the annotator's label differs from the dataset's; switching the dock's
// choice changes the value the plot draws (read from the plot's data, not its pixels), the legend
// names whose it is, a missing reference is said, and the choice is kept in the settings.
#include "core/session/labeling_session.h"
#include "core/store/label_source.h"
#include "core/store/project.h"
#include "ui/explain/clip_explanation_views.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace sl;
using session::LabelReference;

namespace {

// The human label's bar series (T, A, V; M is the dotted level line) and the M line's text.
QCPBars *humanBars(QCustomPlot *plot)
{
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto *bars = qobject_cast<QCPBars *>(plot->plottable(i)); bars && bars->name().startsWith(QStringLiteral("Human label")))
            return bars;
    return nullptr;
}

// The drawn value of the human bar for modality `m` (0 T, 1 A, 2 V): its bar in the slot of key m + 1.
std::optional<double> drawnLabel(QCustomPlot *plot, int m)
{
    QCPBars *bars = humanBars(plot);
    if (!bars)
        return std::nullopt;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        if (std::abs(it->key - (m + 1)) < 0.5)  // beside the modality's other bars, wherever the layout puts it
            return it->value;
    return std::nullopt;
}

}  // namespace

class TestContributionReference : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QSettings().remove(QStringLiteral("explain/contributionsReference"));
        QVERIFY(m_dir.isValid());
        auto project = store::Project::create(m_dir.path(), QStringLiteral("p"), LabelScale());
        store::Clip clip;
        clip.videoId = QStringLiteral("v");
        clip.clipId = QStringLiteral("1");
        clip.mediaPath = QStringLiteral("a.mp4");
        clip.split = QStringLiteral("test");
        m_clipId = project->clips().add(clip);
        project->settings().setValue(QString::fromLatin1(store::SettingKey::ImportAnnotator), QStringLiteral("mosi"));
        const qint64 dataset = project->annotators().ensure(QStringLiteral("mosi"), QStringLiteral("dataset")).id;
        project->labels().set(m_clipId, dataset, Target::M, 1.0);
        project->labels().set(m_clipId, dataset, Target::T, 1.0);
    }

    void theChosenReferenceIsDrawnAndNamed()
    {
        session::LabelingSession session(store::Project::open(m_dir.path()), QStringLiteral("alice"));
        QVERIFY(session.history().setLabel(m_clipId, Target::T, -2.0));  // own label unlike the dataset's

        ui::ContributionsView view;
        view.resize(800, 500);
        view.show();
        view.setReferenceSource([&session](qint64 clipId, LabelReference which) { return session.referenceLabels(clipId, which); });
        plots::ClipPlots clip;
        clip.clipId = m_clipId;
        clip.name = QStringLiteral("v/1");
        clip.contributions.fNone = 0.1;
        clip.contributions.fAll = 0.4;
        clip.contributions.labels = {0.0, 0.0, 0.0, 0.0};  // the core's labels: replaced by the choice
        view.showClip(clip);
        auto *box = view.findChild<QComboBox *>(QStringLiteral("labelReference"));
        QVERIFY(box);

        QCOMPARE(view.reference(), LabelReference::Dataset);  // the default: what the core explains against
        QCOMPARE(drawnLabel(view.plot(), 0), std::optional<double>(1.0));
        QVERIFY2(humanBars(view.plot())->name().contains(QStringLiteral("dataset: mosi")), qPrintable(humanBars(view.plot())->name()));

        box->setCurrentIndex(box->findData(int(LabelReference::Mine)));
        QCOMPARE(view.shownData().labels[1], std::optional<double>(-2.0));
        QCOMPARE(drawnLabel(view.plot(), 0), std::optional<double>(-2.0));
        QVERIFY2(humanBars(view.plot())->name().contains(QStringLiteral("yours: alice")), qPrintable(humanBars(view.plot())->name()));
        QVERIFY(view.referenceNote()->text().isEmpty());
        QCOMPARE(QSettings().value(QStringLiteral("explain/contributionsReference")).toString(), QStringLiteral("mine"));

        // A new own label redraws the comparison while it is shown.
        QObject::connect(&session, &session::LabelingSession::labelChanged, &view, &ui::ContributionsView::labelsChanged);
        QVERIFY(session.history().setLabel(m_clipId, Target::T, 3.0));
        QCOMPARE(drawnLabel(view.plot(), 0), std::optional<double>(3.0));
        session.history().undo();
        QCOMPARE(drawnLabel(view.plot(), 0), std::optional<double>(-2.0));

        // No adjudicated label: no bars, and the dock and the legend say so.
        box->setCurrentIndex(box->findData(int(LabelReference::Adjudicated)));
        QCOMPARE(drawnLabel(view.plot(), 0), std::optional<double>());
        QVERIFY2(view.referenceNote()->text().contains(QStringLiteral("adjudicated")), qPrintable(view.referenceNote()->text()));
        QVERIFY2(humanBars(view.plot())->name().contains(QStringLiteral("none for this clip")), qPrintable(humanBars(view.plot())->name()));

        // The adjudicated label once a reviewer set one.
        {
            auto other = store::Project::open(m_dir.path());
            const qint64 judge = other->annotators().ensure(QString::fromLatin1(store::kAdjudicatedAnnotator), QStringLiteral("adjudicated")).id;
            other->labels().set(m_clipId, judge, Target::T, 0.5);
        }
        view.setReference(LabelReference::Adjudicated);
        view.showClip(clip);
        QCOMPARE(drawnLabel(view.plot(), 0), std::optional<double>(0.5));
        QVERIFY(view.referenceNote()->text().isEmpty());
    }

    void theChoiceIsRemembered()
    {
        QSettings().setValue(QStringLiteral("explain/contributionsReference"), QStringLiteral("mine"));
        ui::ContributionsView view;
        QCOMPARE(view.reference(), LabelReference::Mine);
    }

private:
    QTemporaryDir m_dir;
    qint64 m_clipId = 0;
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SentiLensTest"));
    QApplication::setApplicationName(QStringLiteral("test_contribution_reference"));
    TestContributionReference test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_contribution_reference.moc"
