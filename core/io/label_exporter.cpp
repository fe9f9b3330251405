#include "core/io/label_exporter.h"

#include "core/io/label_csv.h"
#include "core/store/project.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace sl::io {

namespace {

using TargetValues = QHash<Target, double>;

QString annotationFor(double value)
{
    if (value > 0)
        return QStringLiteral("Positive");
    if (value < 0)
        return QStringLiteral("Negative");
    return QStringLiteral("Neutral");
}

// Means of values on a stepped scale are put back on the nearest step, so the file stays valid.
double snapToScale(double value, const LabelScale &scale)
{
    if (scale.step() <= 0)
        return value;
    const double steps = std::nearbyint((value - scale.minimum()) / scale.step());
    return std::round((scale.minimum() + steps * scale.step()) * 10.0) / 10.0;
}

QHash<qint64, TargetValues> valuesOf(const store::Project &project, const ExportOptions &options)
{
    QHash<qint64, TargetValues> result;
    const QList<store::Label> all = project.labels().all();
    if (options.source == ExportOptions::Source::Annotator) {
        const QString name = options.annotator.isEmpty()
            ? project.settings().value(QString::fromLatin1(store::SettingKey::ImportAnnotator), QStringLiteral("dataset"))
            : options.annotator;
        const auto annotator = project.annotators().find(name);
        if (!annotator)
            throw Error(QStringLiteral("%1: no annotator named '%2' in this project").arg(project.databasePath(), name));
        for (const store::Label &label : all)
            if (label.annotatorId == annotator->id)
                result[label.clipId][label.target] = label.value;
        return result;
    }
    if (options.source == ExportOptions::Source::Latest) {
        QHash<qint64, QHash<Target, QDateTime>> newest;
        for (const store::Label &label : all) {
            QDateTime &seen = newest[label.clipId][label.target];
            if (!seen.isValid() || label.updatedAt >= seen) {
                seen = label.updatedAt;
                result[label.clipId][label.target] = label.value;
            }
        }
        return result;
    }
    QHash<qint64, QHash<Target, std::pair<double, int>>> sums;
    for (const store::Label &label : all) {
        auto &sum = sums[label.clipId][label.target];
        sum.first += label.value;
        sum.second += 1;
    }
    for (auto clip = sums.cbegin(); clip != sums.cend(); ++clip)
        for (auto target = clip->cbegin(); target != clip->cend(); ++target)
            result[clip.key()][target.key()] = snapToScale(target->first / target->second, project.labelScale());
    return result;
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
