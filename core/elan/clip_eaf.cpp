#include "core/elan/clip_eaf.h"

#include "core/common/error.h"
#include "core/elan/eaf_reader.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QUrl>
#include <algorithm>
#include <cmath>

namespace sl::elan {

namespace {

QString mimeTypeOf(const QString &file)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == QLatin1String("mp4"))
        return QStringLiteral("video/mp4");
    if (suffix == QLatin1String("wav"))
        return QStringLiteral("audio/x-wav");
    return QStringLiteral("video/*");  // ELAN's own value for other video formats
}

qint64 toMs(double seconds) { return qint64(std::llround(seconds * 1000.0)); }

store::Clip findClip(const store::Project &project, qint64 clipId)
{
    const auto clip = project.clips().find(clipId);
    if (!clip)
        throw Error(QStringLiteral("%1: no clip with id %2").arg(project.databasePath()).arg(clipId));
    return *clip;
}

}  // namespace

EafDocument clipDocument(const store::Project &project, qint64 clipId, const QStringList &annotators,
                         const QString &eafFolder)
{
    const store::Clip clip = findClip(project, clipId);
    EafDocument document;
    const QString media = project.absolutePath(clip.mediaPath);
    document.mediaUrl = QUrl::fromLocalFile(media).toString();
    document.relativeMediaUrl = QStringLiteral("./") + QDir(eafFolder).relativeFilePath(media);
    document.mimeType = mimeTypeOf(media);

    const QList<store::TranscriptCueRecord> cues = project.clips().cues(clipId);
    qint64 endMs = clip.durationSeconds ? toMs(*clip.durationSeconds) : 0;
    for (const store::TranscriptCueRecord &cue : cues)
        endMs = std::max(endMs, toMs(cue.endSeconds));

    EafTier transcript{QString::fromLatin1(kTranscriptTier), QString::fromLatin1(kTranscriptTier), QString(), {}};
    for (const store::TranscriptCueRecord &cue : cues)
        if (toMs(cue.endSeconds) > toMs(cue.startSeconds))
            transcript.annotations << EafAnnotation{toMs(cue.startSeconds), toMs(cue.endSeconds), cue.text};
    if (cues.isEmpty() && !clip.transcript.isEmpty() && endMs > 0)
        transcript.annotations << EafAnnotation{0, endMs, clip.transcript};
    document.tiers << transcript;

    QHash<qint64, QString> names;
    for (const store::Annotator &a : project.annotators().list())
        names.insert(a.id, a.name);
    QStringList wanted = annotators;
    for (const QString &name : annotators)
        if (!project.annotators().find(name))
            throw Error(QStringLiteral("%1: no annotator named '%2' in this project").arg(project.databasePath(), name));
    const QList<store::Label> labels = project.labels().forClip(clipId);
    if (wanted.isEmpty())
        for (const store::Label &label : labels)
            if (!wanted.contains(names.value(label.annotatorId)))
                wanted << names.value(label.annotatorId);
    for (Target target : kAllTargets)
        for (const QString &annotator : wanted)
            for (const store::Label &label : labels) {
                if (label.target != target || names.value(label.annotatorId) != annotator)
                    continue;
                if (endMs <= 0)
                    throw Error(QStringLiteral("%1: clip %2 has labels but neither a duration nor transcript cues to "
                                               "time them (run `sentilens-cli probe` first)")
                                    .arg(project.databasePath(), clip.key()));
                document.tiers << EafTier{QStringLiteral("%1 (%2)").arg(targetName(target), annotator),
                                          QString::fromLatin1(kSentimentType), annotator,
                                          {EafAnnotation{0, endMs, QString::number(label.value)}}};
            }
    return document;
}

TranscriptImport importTranscript(store::Project &project, qint64 clipId, const QString &eafPath, const QString &tier)
{
    findClip(project, clipId);
    const EafFile file = readEaf(eafPath);
    const EafReadTier *chosen = nullptr;
    if (!tier.isEmpty()) {
        for (const EafReadTier &t : file.tiers)
            if (t.id == tier)
                chosen = &t;
        if (!chosen)
            throw Error(QStringLiteral("%1: no tier named '%2'").arg(eafPath, tier));
    } else {
        QList<const EafReadTier *> candidates;
        for (const EafReadTier &t : file.tiers) {
            if (t.id == QLatin1String(kTranscriptTier)) {
                candidates = {&t};
                break;
            }
            if (t.parent.isEmpty() && !t.symbolic && t.linguisticType != QLatin1String(kSentimentType))
                candidates << &t;
        }
        if (candidates.size() != 1) {
            QStringList ids;
            for (const EafReadTier &t : file.tiers)
                ids << t.id;
            throw Error(QStringLiteral("%1: %2; choose one with --tier (tiers: %3)")
                            .arg(eafPath,
                                 candidates.isEmpty() ? QStringLiteral("no tier holds a transcript")
                                                      : QStringLiteral("several tiers could hold the transcript"),
                                 ids.join(QStringLiteral(", "))));
        }
        chosen = candidates.first();
    }
    if (chosen->symbolic)
        throw Error(QStringLiteral("%1: tier '%2' holds symbolic annotations without times of their own").arg(eafPath, chosen->id));

    QList<EafAnnotation> annotations = chosen->annotations;
    std::sort(annotations.begin(), annotations.end(),
              [](const EafAnnotation &a, const EafAnnotation &b) { return a.startMs < b.startMs; });
    TranscriptImport result;
    result.tier = chosen->id;
    QList<store::TranscriptCueRecord> cues;
    QStringList words;
    for (int i = 0; i < annotations.size(); ++i) {
        const EafAnnotation &a = annotations[i];
        if (i > 0 && a.startMs < annotations[i - 1].endMs)
            throw Error(QStringLiteral("%1: tier '%2': annotations '%3' and '%4' overlap")
                            .arg(eafPath, chosen->id, annotations[i - 1].value, a.value));
        const QString text = a.value.trimmed();
        if (text.isEmpty())
            continue;
        cues << store::TranscriptCueRecord{double(a.startMs) / 1000.0, double(a.endMs) / 1000.0, text};
        words << text;
    }
    result.cues = int(cues.size());
    result.transcript = words.join(QLatin1Char(' '));
    store::Savepoint savepoint(project.db());
    project.clips().setCues(clipId, cues);
    project.clips().setTranscript(clipId, result.transcript, QStringLiteral("elan"));
    savepoint.commit();
    return result;
}

}  // namespace sl::elan
