// sentilens-cli export PROJECT --features OUT.pkl: the project's features, lengths, labels and ids
// as an MMSA feature pickle (unaligned layout), for MMSA and the papers' PyTorch code.
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/io/feature_exporter.h"
#include "core/store/project.h"

#include <QJsonArray>
#include <QJsonObject>
#include <algorithm>

namespace sl::cli {

bool isFeatureExport(const QStringList &args)
{
    return std::any_of(args.begin(), args.end(), [](const QString &arg) {
        return arg == QLatin1String("--features") || arg.startsWith(QLatin1String("--features="));
    });
}

int runExportFeatures(const QStringList &args)
{
    Command command(QStringLiteral("export"),
                    QStringLiteral("Write the features, lengths, labels and ids of PROJECT as an MMSA feature pickle "
                                   "(unaligned layout, pickle protocol 4) that MMSA's data loader reads."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("features"), QStringLiteral("The .pkl file to write."), QStringLiteral("OUT.pkl")});
    command.parser().addOption({QStringLiteral("annotator"),
                                QStringLiteral("Export this annotator's labels (default: those of the first import)."),
                                QStringLiteral("NAME")});
    command.parser().addOption({QStringLiteral("aggregate"),
                                QStringLiteral("Combine all annotators instead: mean, or latest (the newest value wins)."),
                                QStringLiteral("RULE")});
    command.parser().addOption({QStringLiteral("split"), QStringLiteral("Only this split (train, valid or test)."),
                                QStringLiteral("SPLIT")});
    if (!command.parse(1))
        return command.exitCode();
    const QString outPath = command.parser().value(QStringLiteral("features"));
    if (outPath.isEmpty())
        return command.fail(UsageError, QStringLiteral("--features needs the .pkl file to write"));
    io::FeatureExportOptions options;
    options.split = command.parser().value(QStringLiteral("split"));
    if (!options.split.isEmpty() && !store::isValidSplit(options.split))
        return command.fail(UsageError, QStringLiteral("unknown split '%1' (expected train, valid or test)").arg(options.split));
    options.labels.annotator = command.parser().value(QStringLiteral("annotator"));
    if (const QString rule = command.parser().value(QStringLiteral("aggregate")); !rule.isEmpty()) {
        if (!options.labels.annotator.isEmpty())
            return command.fail(UsageError, QStringLiteral("use either --annotator or --aggregate, not both"));
        if (rule != QLatin1String("mean") && rule != QLatin1String("latest"))
            return command.fail(UsageError, QStringLiteral("unknown aggregate '%1' (use mean or latest)").arg(rule));
        options.labels.aggregate = rule == QLatin1String("mean") ? store::LabelAggregate::Mean : store::LabelAggregate::Latest;
    }
    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    try {
        const io::FeatureExportReport report = io::exportMmsaFeatures(*project, outPath, options);
        command.say(QStringLiteral("Wrote %1 clip(s) to %2: %3; labels %4 (%5)")
                        .arg(report.clips)
                        .arg(report.path, report.modalities.join(QStringLiteral(", ")),
                             QStringList(QStringList{QStringLiteral("M")} + report.unimodalLabels).join(QLatin1Char('/')),
                             options.labels.describe(*project)));
        if (report.clipsWithoutLabel > 0)
            command.say(QStringLiteral("%1 clip(s) without an M label from this source were left out").arg(report.clipsWithoutLabel));
        command.emitJson({{QStringLiteral("out"), report.path},
                          {QStringLiteral("clips"), report.clips},
                          {QStringLiteral("clips_without_label"), report.clipsWithoutLabel},
                          {QStringLiteral("modalities"), QJsonArray::fromStringList(report.modalities)},
                          {QStringLiteral("unimodal_labels"), QJsonArray::fromStringList(report.unimodalLabels)}});
        return Success;
    } catch (const Error &error) {
        return command.fail(InputProblems, error.message());
    }
}

}  // namespace sl::cli
