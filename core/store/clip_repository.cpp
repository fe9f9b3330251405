#include "core/store/clip_repository.h"

#include "core/common/error.h"
#include "core/store/savepoint.h"
#include "core/store/sql.h"

#include <QDateTime>
#include <QJsonDocument>

namespace sl::store {

namespace {

const QString kClipColumns = QStringLiteral(
    "id, video_id, clip_id, media_path, audio_path, duration_s, split, transcript, "
    "transcript_source, annotation, extra_json, language, transcript_confidence, transcript_low_confidence");

Clip clipFromRow(const QSqlQuery &query)
{
    Clip clip;
    clip.id = query.value(0).toLongLong();
    clip.videoId = query.value(1).toString();
    clip.clipId = query.value(2).toString();
    clip.mediaPath = query.value(3).toString();
    clip.audioPath = query.value(4).toString();
    if (!query.value(5).isNull())
        clip.durationSeconds = query.value(5).toDouble();
    clip.split = query.value(6).toString();
    clip.transcript = query.value(7).toString();
    clip.transcriptSource = query.value(8).toString();
    clip.annotation = query.value(9).toString();
    clip.extra = QJsonDocument::fromJson(query.value(10).toString().toUtf8()).object();
    clip.language = query.value(11).toString();
    if (!query.value(12).isNull())
        clip.transcriptConfidence = query.value(12).toDouble();
    clip.lowConfidence = query.value(13).toInt() != 0;
    return clip;
}

QList<Clip> collect(QSqlQuery &query)
{
    QList<Clip> clips;
    while (query.next())
        clips << clipFromRow(query);
    return clips;
}

}  // namespace

QStringList splitNames() { return {QStringLiteral("train"), QStringLiteral("valid"), QStringLiteral("test")}; }

bool isValidSplit(const QString &split) { return splitNames().contains(split); }

qint64 ClipRepository::add(const Clip &clip)
{
    if (!isValidSplit(clip.split))
        throw Error(QStringLiteral("clip %1: unknown split '%2' (expected train, valid or test)")
                        .arg(clip.key(), clip.split));
    if (findByKey(clip.videoId, clip.clipId))
        throw Error(QStringLiteral("clip %1 is already in the project").arg(clip.key()));
    QSqlQuery query = run(
        m_db,
        QStringLiteral("INSERT INTO clips(video_id, clip_id, media_path, audio_path, duration_s, split, "
                       "transcript, transcript_source, annotation, extra_json, added_at, language, "
                       "transcript_confidence, transcript_low_confidence) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {clip.videoId, clip.clipId, clip.mediaPath,
         clip.audioPath.isEmpty() ? QVariant() : QVariant(clip.audioPath), nullable(clip.durationSeconds),
         clip.split, text(clip.transcript),
         clip.transcriptSource.isEmpty() ? QStringLiteral("none") : clip.transcriptSource, text(clip.annotation),
         QString::fromUtf8(QJsonDocument(clip.extra).toJson(QJsonDocument::Compact)),
         QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), text(clip.language),
         nullable(clip.transcriptConfidence), clip.lowConfidence ? 1 : 0});
    return insertedId(m_db, query);
}

std::optional<Clip> ClipRepository::find(qint64 id) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM clips WHERE id = ?").arg(kClipColumns), {id});
    if (!query.next())
        return std::nullopt;
    return clipFromRow(query);
}

std::optional<Clip> ClipRepository::findByKey(const QString &videoId, const QString &clipId) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM clips WHERE video_id = ? AND clip_id = ?")
                                    .arg(kClipColumns),
                          {videoId, clipId});
    if (!query.next())
        return std::nullopt;
    return clipFromRow(query);
}

QList<Clip> ClipRepository::list(const QString &split) const
{
    if (split.isEmpty()) {
        QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM clips ORDER BY video_id, clip_id").arg(kClipColumns));
        return collect(query);
    }
    QSqlQuery query = run(m_db, QStringLiteral("SELECT %1 FROM clips WHERE split = ? ORDER BY video_id, clip_id")
                                    .arg(kClipColumns),
                          {split});
    return collect(query);
}

int ClipRepository::count(const QString &split) const
{
    QSqlQuery query = split.isEmpty()
        ? run(m_db, QStringLiteral("SELECT count(*) FROM clips"))
        : run(m_db, QStringLiteral("SELECT count(*) FROM clips WHERE split = ?"), {split});
    return query.next() ? query.value(0).toInt() : 0;
}

void ClipRepository::setTranscript(qint64 id, const QString &text, const QString &source)
{
    run(m_db, QStringLiteral("UPDATE clips SET transcript = ?, transcript_source = ?, transcript_confidence = NULL, "
                             "transcript_low_confidence = 0 WHERE id = ?"),
        {store::text(text), source, id});
}

void ClipRepository::setTranscriptConfidence(qint64 id, std::optional<double> confidence, bool low)
{
    run(m_db, QStringLiteral("UPDATE clips SET transcript_confidence = ?, transcript_low_confidence = ? WHERE id = ?"),
        {nullable(confidence), low ? 1 : 0, id});
}

void ClipRepository::setLanguage(qint64 id, const QString &language)
{
    run(m_db, QStringLiteral("UPDATE clips SET language = ? WHERE id = ?"), {store::text(language), id});
}

void ClipRepository::setDuration(qint64 id, double seconds)
{
    run(m_db, QStringLiteral("UPDATE clips SET duration_s = ? WHERE id = ?"), {seconds, id});
}

void ClipRepository::setCues(qint64 id, const QList<TranscriptCueRecord> &cues)
{
    Savepoint savepoint(m_db);
    run(m_db, QStringLiteral("DELETE FROM transcript_cues WHERE clip_id = ?"), {id});
    QSqlQuery insert = prepare(m_db, QStringLiteral(
        "INSERT INTO transcript_cues(clip_id, position, start_s, end_s, text) VALUES (?, ?, ?, ?, ?)"));
    for (int i = 0; i < cues.size(); ++i)
        exec(m_db, insert, {id, i, cues[i].startSeconds, cues[i].endSeconds, store::text(cues[i].text)});
    savepoint.commit();
}

QList<TranscriptCueRecord> ClipRepository::cues(qint64 id) const
{
    QSqlQuery query = run(m_db, QStringLiteral("SELECT start_s, end_s, text FROM transcript_cues "
                                               "WHERE clip_id = ? ORDER BY position"),
                          {id});
    QList<TranscriptCueRecord> cues;
    while (query.next())
        cues << TranscriptCueRecord{query.value(0).toDouble(), query.value(1).toDouble(), query.value(2).toString()};
    return cues;
}

}  // namespace sl::store
