// sentilens-cli export PROJECT --out FILE: the labels as an MMSA label.csv.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/io/label_exporter.h"
#include "core/store/project.h"

#include <QJsonObject>

namespace sl::cli {

// --features writes an MMSA feature pickle instead (command_export_features.cpp).
bool isFeatureExport(const QStringList &args);
int runExportFeatures(const QStringList &args);

int runExport(const QStringList &args)
{
    if (isFeatureExport(args))
        return runExportFeatures(args);
    Command command(QStringLiteral("export"), QStringLiteral("Write the labels of PROJECT as an MMSA label.csv."), args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("out"), QStringLiteral("The label.csv to write."), QStringLiteral("FILE")});
    command.parser().addOption({QStringLiteral("annotator"),
                                QStringLiteral("Export this annotator's labels (default: those of the first import)."),
                                QStringLiteral("NAME")});
    command.parser().addOption({QStringLiteral("aggregate"),
                                QStringLiteral("Combine all annotators instead: mean, latest (the newest value wins), or "
                                               "adjudicated-else-mean (the adjudicated label where set)."),
                                QStringLiteral("RULE")});
    command.parser().addOption({QStringLiteral("split"), QStringLiteral("Only clips of this split."), QStringLiteral("SPLIT")});
    if (!command.parse(1))
        return command.exitCode();
    const QString outPath = command.parser().value(QStringLiteral("out"));
    if (outPath.isEmpty())
        return command.fail(UsageError, QStringLiteral("export needs --out FILE"));
    io::ExportOptions options;
    options.annotator = command.parser().value(QStringLiteral("annotator"));
    options.split = command.parser().value(QStringLiteral("split"));
    if (!options.split.isEmpty() && !store::isValidSplit(options.split))
        return command.fail(UsageError, QStringLiteral("unknown split '%1' (expected train, valid or test)").arg(options.split));
    const QString rule = command.parser().value(QStringLiteral("aggregate"));
    if (!rule.isEmpty()) {
        if (!options.annotator.isEmpty())
            return command.fail(UsageError, QStringLiteral("use either --annotator or --aggregate, not both"));
        if (rule == QLatin1String("mean"))
            options.source = io::ExportOptions::Source::Mean;
        else if (rule == QLatin1String("latest"))
            options.source = io::ExportOptions::Source::Latest;
        else if (rule == QLatin1String("adjudicated-else-mean"))
            options.source = io::ExportOptions::Source::AdjudicatedElseMean;
        else
            return command.fail(UsageError, QStringLiteral("unknown aggregate '%1' (use mean, latest or "
                                                           "adjudicated-else-mean)").arg(rule));
    }
    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    try {
        const io::ExportReport report = io::exportLabelCsv(*project, outPath, options);
        command.say(QStringLiteral("Wrote %1 row(s) to %2").arg(report.rows).arg(report.path));
        if (report.clipsWithoutLabel > 0)
            command.say(QStringLiteral("%1 clip(s) without an M label from this source were left out").arg(report.clipsWithoutLabel));
        command.emitJson({{QStringLiteral("out"), report.path},
                          {QStringLiteral("rows"), report.rows},
                          {QStringLiteral("clips_without_label"), report.clipsWithoutLabel}});
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);
    }
}

}  // namespace sl::cli
