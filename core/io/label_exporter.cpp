#include "core/io/label_exporter.h"

#include "core/io/label_csv.h"
#include "core/store/label_source.h"
#include "core/store/project.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace sl::io {

namespace {

using TargetValues = store::TargetLabels;

QString annotationFor(double value)
{
    if (value > 0)
        return QStringLiteral("Positive");
    if (value < 0)
        return QStringLiteral("Negative");
    return QStringLiteral("Neutral");
}

QHash<qint64, TargetValues> valuesOf(const store::Project &project, const ExportOptions &options)
{
    store::LabelSource source;
    source.annotator = options.annotator;
    if (options.source == ExportOptions::Source::Mean)
        source.aggregate = store::LabelAggregate::Mean;
    else if (options.source == ExportOptions::Source::Latest)
        source.aggregate = store::LabelAggregate::Latest;
    else if (options.source == ExportOptions::Source::AdjudicatedElseMean)
        source.aggregate = store::LabelAggregate::AdjudicatedElseMean;
    return store::labelValues(project, source);
}

QStringList exportHeader(const store::Project &project)
{
    const auto stored = project.settings().value(QString::fromLatin1(store::SettingKey::LabelCsvHeader));
    if (!stored)
        return mmsaLabelCsvHeader();
    QStringList header;
    for (const QJsonValue &value : QJsonDocument::fromJson(stored->toUtf8()).array())
        header << value.toString();
    return header.isEmpty() ? mmsaLabelCsvHeader() : header;
}

std::optional<double> optionalValue(const TargetValues &values, Target target)
{
    const auto it = values.constFind(target);
    return it == values.cend() ? std::nullopt : std::optional<double>(*it);
}

}  // namespace

ExportReport exportLabelCsv(const store::Project &project, const QString &outPath, const ExportOptions &options)
{
    const QHash<qint64, TargetValues> values = valuesOf(project, options);
    // The imported M of each clip, to know whether the imported annotation still describes it.
    ExportOptions imported;
    const QHash<qint64, TargetValues> importedValues =
        project.annotators().find(project.settings().value(QString::fromLatin1(store::SettingKey::ImportAnnotator),
                                                           QStringLiteral("dataset")))
            ? valuesOf(project, imported)
            : QHash<qint64, TargetValues>();

    const QStringList header = exportHeader(project);
    QStringList extraColumns;
    for (const QString &column : header)
        if (!mmsaLabelCsvHeader().contains(column))
            extraColumns << column;

    ExportReport report;
    report.path = outPath;
    QList<LabelCsvRow> rows;
    for (const store::Clip &clip : project.clips().list(options.split)) {
        const TargetValues clipValues = values.value(clip.id);
        const auto m = optionalValue(clipValues, Target::M);
        if (!m) {
            ++report.clipsWithoutLabel;
            continue;
        }
        LabelCsvRow row;
        row.videoId = clip.videoId;
        row.clipId = clip.clipId;
        row.text = clip.transcript;
        row.label = *m;
        row.labelT = optionalValue(clipValues, Target::T);
        row.labelA = optionalValue(clipValues, Target::A);
        row.labelV = optionalValue(clipValues, Target::V);
        const auto importedM = optionalValue(importedValues.value(clip.id), Target::M);
        row.annotation = (importedM && *importedM == *m) ? clip.annotation : annotationFor(*m);
        row.mode = clip.split;
        for (const QString &column : extraColumns)
            row.extraValues << clip.extra.value(column).toString();
        rows << row;
    }
    writeLabelCsv(outPath, header, rows);
    report.rows = rows.size();
    return report;
}

}  // namespace sl::io
