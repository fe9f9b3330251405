#include "core/store/project_stats.h"

#include "core/store/clip_repository.h"
#include "core/store/project.h"
#include "core/store/sql.h"

namespace sl::store {

ProjectStats computeStats(const Project &project)
{
    const QSqlDatabase db = project.db();
    ProjectStats stats;
    stats.name = project.name();
    stats.labelScale = project.labelScale().name();
    for (const QString &split : splitNames())
        stats.clipsPerSplit[split] = 0;

    QSqlQuery splits = run(db, QStringLiteral("SELECT split, count(*) FROM clips GROUP BY split"));
    while (splits.next()) {
        stats.clipsPerSplit[splits.value(0).toString()] = splits.value(1).toInt();
        stats.clipCount += splits.value(1).toInt();
    }
    stats.clipsWithTranscript = scalar(db, QStringLiteral("SELECT count(*) FROM clips WHERE transcript <> ''")).toInt();
    stats.clipsWithLowConfidenceTranscript =
        scalar(db, QStringLiteral("SELECT count(*) FROM clips WHERE transcript_low_confidence = 1")).toInt();
    QSqlQuery languages = run(db, QStringLiteral("SELECT language, count(*) FROM clips GROUP BY language"));
    while (languages.next())
        stats.clipsPerLanguage[languages.value(0).toString()] = languages.value(1).toInt();
    QSqlQuery duration = run(db, QStringLiteral("SELECT count(duration_s), coalesce(sum(duration_s), 0.0) FROM clips"));
    if (duration.next()) {
        stats.clipsWithDuration = duration.value(0).toInt();
        stats.totalDurationSeconds = duration.value(1).toDouble();
    }
    stats.clipsWithoutMultimodalLabel = scalar(db, QStringLiteral(
        "SELECT count(*) FROM clips c WHERE NOT EXISTS "
        "(SELECT 1 FROM labels l WHERE l.clip_id = c.id AND l.target = 'M')")).toInt();
    stats.historyEntries = scalar(db, QStringLiteral("SELECT count(*) FROM label_history")).toInt();

    QSqlQuery labels = run(db, QStringLiteral(
        "SELECT a.name, l.target, count(*), avg(l.value), min(l.value), max(l.value), "
        "sum(CASE WHEN l.value < 0 THEN 1 ELSE 0 END), sum(CASE WHEN l.value = 0 THEN 1 ELSE 0 END), "
        "sum(CASE WHEN l.value > 0 THEN 1 ELSE 0 END) "
        "FROM labels l JOIN annotators a ON a.id = l.annotator_id "
        "GROUP BY a.name, l.target ORDER BY a.name, ") + targetOrder(QStringLiteral("l.target")));
    while (labels.next()) {
        LabelSummary summary;
        summary.annotator = labels.value(0).toString();
        summary.target = targetFromName(labels.value(1).toString()).value_or(Target::M);
        summary.count = labels.value(2).toInt();
        summary.mean = labels.value(3).toDouble();
        summary.minimum = labels.value(4).toDouble();
        summary.maximum = labels.value(5).toDouble();
        summary.negative = labels.value(6).toInt();
        summary.neutral = labels.value(7).toInt();
        summary.positive = labels.value(8).toInt();
        stats.labels << summary;
    }
    return stats;
}

}  // namespace sl::store
