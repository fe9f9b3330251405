#include "core/store/clip_overview.h"

#include "core/store/project.h"
#include "core/store/sql.h"

#include <QHash>

namespace sl::store {

namespace {

// Fills one TargetValues member of every row from a (clip_id, target, value) query.
void fill(QSqlQuery &query, const QHash<qint64, int> &rowOf, QList<ClipOverview> &rows,
          TargetValues ClipOverview::*member)
{
    while (query.next()) {
        const auto row = rowOf.constFind(query.value(0).toLongLong());
        const auto target = targetFromName(query.value(1).toString());
        if (row == rowOf.cend() || !target)
            continue;
        (rows[*row].*member)[targetIndex(*target)] = query.value(2).toDouble();
    }
}

}  // namespace

QList<ClipOverview> loadClipOverview(const Project &project, qint64 annotatorId, qint64 referenceAnnotatorId,
                                     qint64 modelId)
{
    const QSqlDatabase db = project.db();
    QList<ClipOverview> rows;
    QHash<qint64, int> rowOf;
    QSqlQuery clips = run(db, QStringLiteral("SELECT id, video_id, clip_id, split, duration_s, media_path, transcript, "
                                             "transcript_source FROM clips ORDER BY video_id, clip_id"));
    while (clips.next()) {
        ClipOverview row;
        row.id = clips.value(0).toLongLong();
        row.videoId = clips.value(1).toString();
        row.clipId = clips.value(2).toString();
        row.split = clips.value(3).toString();
        if (!clips.value(4).isNull())
            row.durationSeconds = clips.value(4).toDouble();
        row.mediaPath = clips.value(5).toString();
        row.transcript = clips.value(6).toString();
        row.transcriptSource = clips.value(7).toString();
        rowOf.insert(row.id, static_cast<int>(rows.size()));
        rows << row;
    }
    QSqlQuery who = run(db, QStringLiteral("SELECT clip_id, annotator_id, target FROM labels"));
    while (who.next()) {
        const auto row = rowOf.constFind(who.value(0).toLongLong());
        const auto target = targetFromName(who.value(2).toString());
        if (row != rowOf.cend() && target)
            rows[*row].labelledBy[who.value(1).toLongLong()] |= quint8(1u << targetIndex(*target));
    }
    const QString labelSql = QStringLiteral("SELECT clip_id, target, value FROM labels WHERE annotator_id = ?");
    if (annotatorId != 0) {
        QSqlQuery own = run(db, labelSql, {annotatorId});
        fill(own, rowOf, rows, &ClipOverview::own);
    }
    if (referenceAnnotatorId != 0) {
        QSqlQuery reference = run(db, labelSql, {referenceAnnotatorId});
        fill(reference, rowOf, rows, &ClipOverview::reference);
    }
    if (modelId != 0) {
        QSqlQuery predictions = run(db, QStringLiteral("SELECT clip_id, target, value FROM predictions WHERE model_id = ?"),
                                    {modelId});
        fill(predictions, rowOf, rows, &ClipOverview::prediction);
        QSqlQuery envelope = run(db, QStringLiteral("SELECT clip_id, raw_value, outside FROM predictions "
                                                    "WHERE model_id = ? AND target = 'M'"),
                                 {modelId});
        while (envelope.next()) {
            const auto row = rowOf.constFind(envelope.value(0).toLongLong());
            if (row == rowOf.cend())
                continue;
            if (!envelope.value(1).isNull())
                rows[*row].rawPrediction = envelope.value(1).toDouble();
            if (!envelope.value(2).isNull())
                rows[*row].outside = envelope.value(2).toString();
        }
    }
    return rows;
}

}  // namespace sl::store
