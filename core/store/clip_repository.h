#pragma once
// Clips of a project: identity (video id + clip id as in MMSA), media location, split, transcript.
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace sl::store {

struct Clip {
    qint64 id = 0;
    QString videoId;
    QString clipId;
    QString mediaPath;  // relative to the project folder
    QString audioPath;  // relative to the project folder; empty when the clip's own audio is used
    std::optional<double> durationSeconds;
    QString split;      // train, valid or test
    QString transcript;
    QString transcriptSource;  // dataset, txt, srt, vtt, asr, edited or none
    QString annotation;        // MMSA's Negative / Neutral / Positive as imported
    QJsonObject extra;         // imported label.csv columns SentiLens does not interpret
    QString language;          // ISO 639-1 code (en, zh, ...); empty while unknown
    // Mean word confidence (0..1) of a recognised transcript; none for text that no recogniser wrote.
    std::optional<double> transcriptConfidence;
    bool lowConfidence = false;  // the recogniser was unsure of this transcript (or of its language)

    QString key() const { return videoId + QLatin1Char('/') + clipId; }
};

struct TranscriptCueRecord {
    double startSeconds = 0;
    double endSeconds = 0;
    QString text;
};

QStringList splitNames();  // train, valid, test
bool isValidSplit(const QString &split);

class ClipRepository {
public:
    explicit ClipRepository(QSqlDatabase db) : m_db(std::move(db)) {}

    // Adds a clip and returns its id. Throws sl::Error for a duplicate key or an unknown split.
    qint64 add(const Clip &clip);
    std::optional<Clip> find(qint64 id) const;
    std::optional<Clip> findByKey(const QString &videoId, const QString &clipId) const;
    // All clips ordered by video id then clip id; only one split when `split` is not empty.
    QList<Clip> list(const QString &split = {}) const;
    int count(const QString &split = {}) const;

    // Also forgets any recognition confidence: the new text is not the recogniser's.
    void setTranscript(qint64 id, const QString &text, const QString &source);
    // Call after setTranscript for a recognised transcript.
    void setTranscriptConfidence(qint64 id, std::optional<double> confidence, bool low);
    // `language` is an ISO 639 code or empty (unknown).
    void setLanguage(qint64 id, const QString &language);
    void setDuration(qint64 id, double seconds);
    void setCues(qint64 id, const QList<TranscriptCueRecord> &cues);
    QList<TranscriptCueRecord> cues(qint64 id) const;

private:
    QSqlDatabase m_db;
};

}  // namespace sl::store
