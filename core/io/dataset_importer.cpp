#include "core/io/dataset_importer.h"

#include "core/io/label_csv.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace sl::io {

namespace {

struct PendingClip {
    LabelCsvRow row;
    QString mediaFile;       // absolute; empty for a clip already in the project
    qint64 existingClip = 0; // a clip already in the project: only the labels are added to it
};

// True when `annotator` already labelled the clip: importing the same file twice is refused.
bool hasLabelsBy(const store::Project &project, qint64 clipId, const std::optional<store::Annotator> &annotator)
{
    if (!annotator)
        return false;
    for (const store::Label &label : project.labels().forClip(clipId))
        if (label.annotatorId == annotator->id)
            return true;
    return false;
}

// Finds Raw/<video_id>/<clip_id>.<ext>; ids were already checked to be plain names by the parser,
// and the canonical path is checked again so that a symbolic link cannot lead outside either.
QString findClipFile(const QDir &datasetDir, const LabelCsvRow &row)
{
    for (const QString &ext : videoExtensions()) {
        const QString candidate =
            datasetDir.filePath(QStringLiteral("Raw/%1/%2.%3").arg(row.videoId, row.clipId, ext));
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

bool isInside(const QString &file, const QDir &folder)
{
    const QString canonicalFolder = folder.canonicalPath();
    const QString canonicalFile = QFileInfo(file).canonicalFilePath();
    return !canonicalFile.isEmpty() && canonicalFile.startsWith(canonicalFolder + QLatin1Char('/'));
}

void checkScale(const LabelScale &scale, const QString &column, std::optional<double> value,
                QStringList &messages)
{
    if (!value)
        return;
    const QString problem = scale.checkValue(*value);
    if (!problem.isEmpty())
        messages << QStringLiteral("%1: %2").arg(column, problem);
}

QJsonObject extraColumns(const LabelCsvFile &file, const LabelCsvRow &row)
{
    QJsonObject extra;
    for (int i = 0; i < file.extraColumns.size() && i < row.extraValues.size(); ++i)
        extra.insert(file.extraColumns[i], row.extraValues[i]);
    return extra;
}

}  // namespace

QStringList videoExtensions()
{
    return {QStringLiteral("mp4"), QStringLiteral("avi"), QStringLiteral("mkv"), QStringLiteral("webm"),
            QStringLiteral("mov")};
}

ImportReport importMmsaDataset(store::Project &project, const QString &source, const ImportOptions &options)
{
    const QFileInfo sourceInfo(source);
    const QString csvPath = sourceInfo.isDir() ? QDir(source).filePath(QStringLiteral("label.csv"))
                                               : sourceInfo.absoluteFilePath();
    const QDir datasetDir(QFileInfo(csvPath).absolutePath());

    const LabelCsvFile file = readLabelCsv(csvPath);
    ImportReport report;
    report.source = csvPath;
    report.problems = file.problems;
    for (const Problem &problem : file.problems)
        report.skipped << QStringLiteral("line %1").arg(problem.line);

    const LabelScale scale = project.labelScale();
    store::ClipRepository clips = project.clips();
    const std::optional<store::Annotator> annotator = project.annotators().find(options.annotator);
    QList<PendingClip> pending;
    for (const LabelCsvRow &row : file.rows) {
        QStringList messages;
        checkScale(scale, QStringLiteral("label"), row.label, messages);
        checkScale(scale, QStringLiteral("label_T"), row.labelT, messages);
        checkScale(scale, QStringLiteral("label_A"), row.labelA, messages);
        checkScale(scale, QStringLiteral("label_V"), row.labelV, messages);
        // A clip the project already holds takes this annotator's labels (another person's label
        // file for the same data); its media, split and transcript stay as they are.
        const std::optional<store::Clip> existing = clips.findByKey(row.videoId, row.clipId);
        QString media;
        if (existing) {
            if (hasLabelsBy(project, existing->id, annotator))
                messages << QStringLiteral("clip %1/%2 is already in the project with labels by annotator '%3' "
                                           "(import another person's labels with --annotator NAME)")
                                .arg(row.videoId, row.clipId, annotator->name);
        } else {
            media = findClipFile(datasetDir, row);
            if (media.isEmpty())
                messages << QStringLiteral("clip file Raw/%1/%2.{%3} not found")
                                .arg(row.videoId, row.clipId, videoExtensions().join(QLatin1Char(',')));
            else if (!isInside(media, datasetDir))
                messages << QStringLiteral("clip file %1 lies outside the dataset folder").arg(media);
        }
        if (!messages.isEmpty()) {
            for (const QString &message : messages)
                report.problems << Problem{csvPath, row.line, message};
            report.skipped << QStringLiteral("%1/%2").arg(row.videoId, row.clipId);
            continue;
        }
        pending << PendingClip{row, media, existing ? existing->id : 0};
    }
    report.skipped.removeDuplicates();
    std::sort(report.problems.begin(), report.problems.end(),
              [](const Problem &a, const Problem &b) { return a.line < b.line; });
    if (!report.problems.isEmpty() && !options.skipBad)
        return report;  // nothing written: the default is all or nothing

    store::Savepoint savepoint(project.db());
    const qint64 owner = project.annotators().ensure(options.annotator, QStringLiteral("dataset")).id;
    store::LabelRepository labels = project.labels();
    const QString note = QStringLiteral("imported from %1").arg(csvPath);
    for (const PendingClip &item : pending) {
        const std::pair<Target, std::optional<double>> values[] = {
            {Target::M, item.row.label}, {Target::T, item.row.labelT},
            {Target::A, item.row.labelA}, {Target::V, item.row.labelV}};
        if (item.existingClip) {
            for (const auto &[target, value] : values)
                if (value && labels.set(item.existingClip, owner, target, value, note))
                    ++report.labelsImported;
            continue;
        }
        store::Clip clip;
        clip.videoId = item.row.videoId;
        clip.clipId = item.row.clipId;
        clip.mediaPath = project.storedPath(item.mediaFile);
        clip.split = item.row.mode;
        clip.transcript = item.row.text;
        clip.transcriptSource = item.row.text.isEmpty() ? QStringLiteral("none") : QStringLiteral("dataset");
        clip.annotation = item.row.annotation;
        clip.extra = extraColumns(file, item.row);
        const qint64 clipId = clips.add(clip);
        for (const auto &[target, value] : values) {
            if (value && labels.set(clipId, owner, target, value, note))
                ++report.labelsImported;
        }
        ++report.clipsImported;
    }
    store::SettingsRepository settings = project.settings();
    // The export's columns: the first import's header, extended by the unknown columns of every
    // later import (appended in their file order), so that export writes back the values each
    // import kept in its clips' extra columns.
    const QString headerKey = QString::fromLatin1(store::SettingKey::LabelCsvHeader);
    QStringList header;
    if (const auto stored = settings.value(headerKey))
        for (const QJsonValue &column : QJsonDocument::fromJson(stored->toUtf8()).array())
            header << column.toString();
    const QStringList before = header;
    if (header.isEmpty())
        header = file.header;
    for (const QString &column : file.extraColumns)
        if (!header.contains(column))
            header << column;
    if (header != before)
        settings.setValue(headerKey, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(header)).toJson(QJsonDocument::Compact)));
    if (!settings.value(QString::fromLatin1(store::SettingKey::ImportAnnotator)))
        settings.setValue(QString::fromLatin1(store::SettingKey::ImportAnnotator), options.annotator);
    savepoint.commit();
    report.committed = true;
    return report;
}

}  // namespace sl::io
