// The clip list's item model and filters, without a window.
#include "ui/clip_filter_model.h"
#include "ui/clip_table_model.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace sl;
using namespace sl::ui;

namespace {
QList<store::ClipOverview> sampleClips(int count)
{
    QList<store::ClipOverview> clips;
    for (int i = 0; i < count; ++i) {
        store::ClipOverview clip;
        clip.id = i + 1;
        clip.videoId = QStringLiteral("video_%1").arg(i / 10, 3, 10, QLatin1Char('0'));
        clip.clipId = QStringLiteral("%1").arg(i % 10 + 1, 4, 10, QLatin1Char('0'));
        clip.split = i % 5 == 0 ? QStringLiteral("test") : (i % 5 == 1 ? QStringLiteral("valid") : QStringLiteral("train"));
        clip.durationSeconds = 2.0 + (i % 7) * 0.5;
        clip.transcript = i % 3 == 0 ? QStringLiteral("what a wonderful day") : QStringLiteral("it was fine I guess");
        clip.reference[store::targetIndex(Target::M)] = (i % 7) - 3.0;
        clip.labelledBy[7] = 1u << store::targetIndex(Target::M);  // annotator 7 gave every M
        if (i % 4 == 0) {
            clip.own[store::targetIndex(Target::M)] = 1.0;
            clip.labelledBy[9] = 1u << store::targetIndex(Target::M);  // annotator 9 (me) some
        }
        if (i % 5 == 0)
            clip.labelledBy[9] |= 1u << store::targetIndex(Target::T);
        if (i % 2 == 0)
            clip.prediction[store::targetIndex(Target::M)] = (i % 7) - 3.0 + (i % 8 == 0 ? 2.0 : 0.1);
        clips << clip;
    }
    return clips;
}
}  // namespace

class TestClipModels : public QObject {
    Q_OBJECT
private slots:
    void modelPassesQtsModelTester()
    {
        ClipTableModel model;
        ClipFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClips(sampleClips(50), QStringLiteral("dataset"));
        QCOMPARE(model.rowCount(), 50);
        model.updateOwnLabel(3, Target::T, -2.0);
        model.updateTranscript(3, QStringLiteral("changed"));
        ClipFilter f;
        f.split = QStringLiteral("test");
        filter.setFilter(f);
        filter.sort(ClipTableModel::DurationColumn, Qt::DescendingOrder);
        model.setClips(sampleClips(20), QStringLiteral("dataset"));
    }

    void showsOwnLabelElseReferenceGreyed()
    {
        ClipTableModel model;
        model.setClips(sampleClips(8), QStringLiteral("dataset"));
        const QModelIndex own = model.index(0, ClipTableModel::MColumn);     // clip 1 has its own M = 1
        const QModelIndex reference = model.index(1, ClipTableModel::MColumn);  // clip 2 only the reference
        QCOMPARE(own.data().toString(), QStringLiteral("1.0"));
        QVERIFY(own.data(ClipTableModel::HasOwnLabelRole).toBool());
        QVERIFY(!own.data(Qt::FontRole).isValid());
        QCOMPARE(reference.data().toString(), QStringLiteral("-2.0"));
        QVERIFY(!reference.data(ClipTableModel::HasOwnLabelRole).toBool());
        QVERIFY(reference.data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(reference.data(Qt::ToolTipRole).toString().contains(QStringLiteral("dataset")));
        model.updateOwnLabel(2, Target::M, 0.5);
        QCOMPARE(reference.data().toString(), QStringLiteral("0.5"));
    }

    void filtersReturnTheRightClips()
    {
        ClipTableModel model;
        model.setClips(sampleClips(50), QStringLiteral("dataset"));
        ClipFilterModel filter;
        filter.setSourceModel(&model);

        ClipFilter bySplit;
        bySplit.split = QStringLiteral("test");
        filter.setFilter(bySplit);
        QCOMPARE(filter.rowCount(), 10);

        ClipFilter unlabelled;
        unlabelled.target = Target::M;
        unlabelled.status = ClipFilter::LabelStatus::UnlabelledByMe;
        filter.setFilter(unlabelled);
        QCOMPARE(filter.rowCount(), 37);  // 13 of 50 (i % 4 == 0) carry their own M
        model.updateOwnLabel(2, Target::M, 2.0);
        filter.setFilter(ClipFilter());
        filter.setFilter(unlabelled);
        QCOMPARE(filter.rowCount(), 36);

        ClipFilter labelledByMe = unlabelled;
        labelledByMe.status = ClipFilter::LabelStatus::LabelledByMe;
        filter.setFilter(labelledByMe);
        QCOMPARE(filter.rowCount(), 14);

        ClipFilter text;
        text.text = QStringLiteral("WONDERFUL");
        filter.setFilter(text);
        QCOMPARE(filter.rowCount(), 17);  // i % 3 == 0 for i in 0..49
        text.text = QStringLiteral("video_002");
        filter.setFilter(text);
        QCOMPARE(filter.rowCount(), 10);

        ClipFilter byAnnotator;
        byAnnotator.labelledByAnnotator = 9;
        filter.setFilter(byAnnotator);
        QCOMPARE(filter.rowCount(), 13 + 10 - 3);  // M for i % 4 == 0, T for i % 5 == 0, both for i % 20 == 0
        byAnnotator.target = Target::T;
        filter.setFilter(byAnnotator);
        QCOMPARE(filter.rowCount(), 10);
        byAnnotator.labelledByAnnotator = 7;
        filter.setFilter(byAnnotator);
        QCOMPARE(filter.rowCount(), 0);
        byAnnotator.target.reset();
        filter.setFilter(byAnnotator);
        QCOMPARE(filter.rowCount(), 50);

        ClipFilter disagreement;
        disagreement.disagreementOnly = true;
        filter.setFilter(disagreement);
        for (int row = 0; row < filter.rowCount(); ++row) {
            const QModelIndex source = filter.mapToSource(filter.index(row, 0));
            const double prediction = source.data(ClipTableModel::PredictionRole).toDouble();
            const double label = model.index(source.row(), ClipTableModel::MColumn).data(ClipTableModel::EffectiveLabelRole).toDouble();
            QVERIFY(std::fabs(prediction - label) >= 1.0);
        }
        QVERIFY(filter.rowCount() > 0);
        QVERIFY(filter.rowCount() < 25);
    }

    void sortsNumerically()
    {
        ClipTableModel model;
        model.setClips(sampleClips(30), QStringLiteral("dataset"));
        ClipFilterModel filter;
        filter.setSourceModel(&model);
        filter.sort(ClipTableModel::MColumn, Qt::AscendingOrder);
        double previous = -10;
        for (int row = 0; row < filter.rowCount(); ++row) {
            const QVariant value = filter.index(row, ClipTableModel::MColumn).data(ClipTableModel::SortRole);
            QVERIFY(value.toDouble() >= previous);
            previous = value.toDouble();
        }
    }
};

QTEST_MAIN(TestClipModels)
#include "test_clip_models.moc"
