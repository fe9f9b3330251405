// sentilens-cli explain: per-modality Shapley values, saliency over time, KAN curves and causal
// masks of a model for clips of a project, the dataset summary, and the check against the demo
// generator's ground truth. LibTorch headers (through project_explanations.h) come before Qt's.
#include "core/training/project_explanations.h"
#include "core/training/prediction_envelope.h"

#include "app/cli/cli_support.h"
#include "core/ml/evaluation.h"
#include "core/ml/scale_clipping.h"
#include "core/common/error.h"
#include "core/demo/label_rule.h"
#include "core/store/project.h"
#include "ui/plots/explanation_plot_data.h"
#include "ui/plots/plot_files.h"

#include <QApplication>
#include <QJsonArray>
#include <cmath>

namespace sl::cli {

namespace {

const char *kCodes[] = {"T", "A", "V"};

QString fixed(double value, int decimals = 3)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QStringLiteral("-");
}

// The weight of each modality in the demo's label rule M = wT*T + wA*A + wV*V, read off the rule
// itself (at 2.0, where its rounding to one decimal is exact for weights that are multiples of 0.05).
std::array<double, ml::kModalityCount> demoLabelWeights()
{
    return {demo::multimodalLabel(2, 0, 0) / 2, demo::multimodalLabel(0, 2, 0) / 2, demo::multimodalLabel(0, 0, 2) / 2};
}

// The prediction as reported: f(all) clipped to the project's label scale (as MMSA clips it).
double reportedPrediction(const training::ExplanationSet &set, double raw)
{
    return ml::clipToScale(ml::metricScale(set.labelScale.toStdString()), raw);
}

// "outside the training data (A, V)" where the clip lies outside; "" inside or without envelope.
QString clipFlag(const training::ClipExplanation &clip)
{
    return clip.envelope && clip.envelope->anyOutside()
        ? training::outsideFlag(QString::fromStdString(clip.envelope->outsideCodes()))
        : QString();
}

void printClips(Command &command, const training::ExplanationSet &set)
{
    command.say(QStringLiteral("Model %1 (%2), baseline %3, %4 integrated-gradient steps; %5 clips computed, %6 reused")
                    .arg(set.modelId).arg(set.architecture, QString::fromStdString(ml::explain::baselineName(set.baseline)))
                    .arg(set.steps).arg(set.computed).arg(set.reused));
    if (!set.hasEnvelope)
        command.say(QStringLiteral("The model has no input envelope (trained before SentiLens stored one, or imported): "
                                   "clips outside its training data are not detected."));
    command.say(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11")
                    .arg(QStringLiteral("clip"), -16).arg(QStringLiteral("split"), -6).arg(QStringLiteral("M"), 6)
                    .arg(QStringLiteral("pred"), 6).arg(QStringLiteral("f(all)"), 7).arg(QStringLiteral("f(none)"), 7).arg(QStringLiteral("phi T"), 7)
                    .arg(QStringLiteral("phi A"), 7).arg(QStringLiteral("phi V"), 7).arg(QStringLiteral("eff.err"), 8)
                    .arg(QStringLiteral("IG err (rel.)")));
    for (const training::ClipExplanation &clip : set.clips)
        command.say(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 %9 %10 %11%12")
                        .arg(clip.name, -16).arg(clip.split, -6)
                        .arg(clip.labels[0] ? fixed(*clip.labels[0], 1) : QStringLiteral("-"), 6)
                        .arg(fixed(reportedPrediction(set, clip.shapley.fAll), 2), 6).arg(fixed(clip.shapley.fAll), 7).arg(fixed(clip.shapley.fNone), 7)
                        .arg(fixed(clip.shapley.phi[0]), 7).arg(fixed(clip.shapley.phi[1]), 7).arg(fixed(clip.shapley.phi[2]), 7)
                        .arg(QString::number(clip.shapley.efficiencyError, 'e', 1), 8)
                        .arg(QStringLiteral("%1%%2").arg(100.0 * clip.saliency.relativeError, 0, 'f', 1)
                                 .arg(clip.saliency.reliable ? QString() : QStringLiteral(" unreliable")))
                        .arg(clipFlag(clip).isEmpty() ? QString() : QStringLiteral("  ") + clipFlag(clip)));
    if (set.kan.available) {
        QStringList parts;
        for (size_t m = 0; m < 3; ++m)
            parts << QStringLiteral("%1 %2").arg(QLatin1String(kCodes[m]), fixed(set.kan.modalityScores[m]));
        command.say(QStringLiteral("KAN: %1 edges; input scores per modality on the dataset: %2").arg(set.kan.edges.size()).arg(parts.join(QStringLiteral(", "))));
    }
    if (set.masks.available) {
        double mean = 0;
        for (double v : set.masks.meanMask)
            mean += v / double(set.masks.meanMask.size());
        command.say(QStringLiteral("Causal mask: %1 fused dims, mean mask %2, mean |prediction shift| with swapped shortcut parts %3")
                        .arg(set.masks.fusedDims).arg(fixed(mean)).arg(fixed(set.masks.backdoorMeanShift)));
    }
}

void printSummary(Command &command, const training::ExplanationSummary &summary)
{
    command.say(QString());
    command.say(QStringLiteral("Contributions (mean ± std of phi) per split and label class:"));
    command.say(QStringLiteral("%1 %2 %3 %4 %5 %6").arg(QStringLiteral("split"), -6).arg(QStringLiteral("class"), -11)
                    .arg(QStringLiteral("clips"), 5).arg(QStringLiteral("T"), 15).arg(QStringLiteral("A"), 15).arg(QStringLiteral("V"), 15));
    for (const training::ContributionGroup &g : summary.groups) {
        QStringList cells;
        for (const training::ContributionStats &s : g.phi)
            cells << QStringLiteral("%1 ± %2").arg(fixed(s.mean), fixed(s.stddev)).rightJustified(15);
        command.say(QStringLiteral("%1 %2 %3 %4").arg(g.split.isEmpty() ? QStringLiteral("all") : g.split, -6)
                        .arg(g.labelClass.isEmpty() ? QStringLiteral("all") : g.labelClass, -11)
                        .arg(g.phi[0].count, 5).arg(cells.join(QLatin1Char(' '))));
    }
    command.say(QStringLiteral("Clips where the modalities disagree most:"));
    for (const training::Disagreement &d : summary.disagreements)
        command.say(QStringLiteral("  %1  T %2  A %3  V %4  spread %5%6").arg(d.name, -16).arg(fixed(d.phi[0]), 7)
                        .arg(fixed(d.phi[1]), 7).arg(fixed(d.phi[2]), 7).arg(fixed(d.spread))
                        .arg(d.signsDiffer ? QStringLiteral("  (signs differ)") : QString()));
}

void printCheck(Command &command, const training::DominanceCheck &check)
{
    command.say(QString());
    command.say(QStringLiteral("Ground truth: %1 of %2 clips with a dominant modality have their largest |phi| on it (%3%)")
                    .arg(check.matches).arg(check.clips).arg(100.0 * check.accuracy(), 0, 'f', 1));
    command.say(QStringLiteral("dominant \\ largest |phi|      T     A     V"));
    for (size_t d = 0; d < 3; ++d)
        command.say(QStringLiteral("%1 %2 %3 %4").arg(QLatin1String(kCodes[d]), -24).arg(check.confusion[d][0], 5)
                        .arg(check.confusion[d][1], 5).arg(check.confusion[d][2], 5));
}

// The same plots as the GUI's views, drawn off-screen (main.cpp made a QApplication for --plots).
QJsonArray writePlots(Command &command, const store::Project &project, const training::ExplanationSet &set,
                      const QString &dir, const plots::PlotFileOptions &options, bool dataset)
{
    QStringList files;
    for (const training::ClipExplanation &clip : set.clips)
        files << plots::writeClipPlots(plots::clipPlots(clip, set), dir, options);
    if (dataset) {
        const LabelScale scale = project.labelScale();
        const plots::DatasetPlots data = plots::datasetPlots(set, scale.minimum(), scale.maximum(), scale.kind() == LabelScale::Kind::Sims);
        files << plots::writeDatasetPlots(data, plots::maskRows(set), dir, options);
    }
    command.say(QStringLiteral("Wrote %1 plot files to %2").arg(files.size()).arg(dir));
    return QJsonArray::fromStringList(files);
}

}  // namespace

int runExplain(const QStringList &args)
{
    Command command(QStringLiteral("explain"),
                    QStringLiteral("Explain a model's predictions for clips of PROJECT: exact Shapley values of T, A and V "
                                   "(with f(all), f(none) and the efficiency error), the model's unimodal predictions, "
                                   "integrated-gradient saliency per time step aligned to clip time (with the completeness "
                                   "error), the KAN's edge functions (KAN-MCP) and the causal masks (CaMIB). Results are "
                                   "stored in the project and reused until the model or the clip's features change. "
                                   "Without --clip, a dataset summary follows: contributions per split and label class, "
                                   "and the clips whose modalities disagree most."),
                    args);
    QCommandLineParser &parser = command.parser();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    parser.addOption({QStringLiteral("model"), QStringLiteral("Model id (default: the active model)."), QStringLiteral("ID"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("clip"), QStringLiteral("One clip: its id or VIDEO_ID/CLIP_ID."), QStringLiteral("CLIP")});
    parser.addOption({QStringLiteral("split"), QStringLiteral("Only the clips of this split (train, valid, test)."), QStringLiteral("SPLIT")});
    parser.addOption({QStringLiteral("baseline"), QStringLiteral("What replaces an absent modality: mean (the train split's, default) or zeros."),
                      QStringLiteral("KIND"), QStringLiteral("mean")});
    parser.addOption({QStringLiteral("steps"), QStringLiteral("Integrated-gradient steps (default 32)."), QStringLiteral("N"), QStringLiteral("32")});
    parser.addOption({QStringLiteral("summary"), QStringLiteral("Print the dataset summary also for a single clip.")});
    parser.addOption({QStringLiteral("check-demo"), QStringLiteral("Compare with the demo generator's label rule: among clips where one "
                                                                   "modality's term dominates M, how often the largest |phi| is on it.")});
    parser.addOption({QStringLiteral("recompute"), QStringLiteral("Ignore stored explanations and compute them again.")});
    parser.addOption({QStringLiteral("plots"), QStringLiteral("Also write the plots (contributions, saliency, KAN, mask per clip; "
                                                              "the dataset views without --clip) into DIR."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("plot-formats"), QStringLiteral("Comma-separated formats of --plots: png, pdf, svg (default png)."),
                      QStringLiteral("LIST"), QStringLiteral("png")});
    parser.addOption({QStringLiteral("plot-size"), QStringLiteral("Size of --plots as WxH (PNG pixels, PDF/SVG points; default 900x520)."),
                      QStringLiteral("WxH"), QStringLiteral("900x520")});
    if (!command.parse(1))
        return command.exitCode();
    training::ExplainRequest request;
    bool ok = false, okModel = false;
    request.steps = parser.value(QStringLiteral("steps")).toInt(&ok);
    request.modelId = parser.value(QStringLiteral("model")).toLongLong(&okModel);
    if (!ok || request.steps < 1 || !okModel || request.modelId < 0)
        return command.fail(UsageError, QStringLiteral("--steps takes a positive whole number and --model a model id"));
    const auto baseline = ml::explain::baselineFromName(parser.value(QStringLiteral("baseline")).toStdString());
    if (!baseline)
        return command.fail(UsageError, QStringLiteral("unknown baseline '%1' (expected zeros or mean)").arg(parser.value(QStringLiteral("baseline"))));
    request.baseline = *baseline;
    request.split = parser.value(QStringLiteral("split"));
    if (!request.split.isEmpty() && !store::isValidSplit(request.split))
        return command.fail(UsageError, QStringLiteral("unknown split '%1' (expected train, valid or test)").arg(request.split));
    if (parser.isSet(QStringLiteral("clip")) && parser.isSet(QStringLiteral("split")))
        return command.fail(UsageError, QStringLiteral("give --clip or --split, not both"));
    request.reuseStored = !parser.isSet(QStringLiteral("recompute"));
    plots::PlotFileOptions plotOptions;
    const QString plotDir = parser.value(QStringLiteral("plots"));
    if (!plotDir.isEmpty()) {
        plotOptions.formats = parser.value(QStringLiteral("plot-formats")).toLower().split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &format : plotOptions.formats)
            if (format != QLatin1String("png") && format != QLatin1String("pdf") && format != QLatin1String("svg"))
                return command.fail(UsageError, QStringLiteral("unknown plot format '%1' (expected png, pdf or svg)").arg(format));
        const QStringList size = parser.value(QStringLiteral("plot-size")).split(QLatin1Char('x'));
        bool okW = false, okH = false;
        if (size.size() == 2)
            plotOptions.size = QSize(size[0].toInt(&okW), size[1].toInt(&okH));
        if (!okW || !okH || plotOptions.size.width() < 100 || plotOptions.size.height() < 100)
            return command.fail(UsageError, QStringLiteral("--plot-size takes WxH, each at least 100, e.g. 900x520"));
        if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
            return command.fail(UsageError, QStringLiteral("--plots needs the application started with --plots"));
    }

    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    const QString clipArg = parser.value(QStringLiteral("clip"));
    if (!clipArg.isEmpty()) {
        bool numeric = false;
        const qint64 id = clipArg.toLongLong(&numeric);
        std::optional<store::Clip> clip = numeric ? project->clips().find(id) : std::nullopt;
        if (!clip && clipArg.contains(QLatin1Char('/')))
            clip = project->clips().findByKey(clipArg.section(QLatin1Char('/'), 0, -2), clipArg.section(QLatin1Char('/'), -1));
        if (!clip)
            return command.fail(InputProblems, QStringLiteral("%1: no clip '%2'").arg(project->databasePath(), clipArg));
        request.clipIds = {clip->id};
    }
    try {
        const training::ExplanationSet set = training::explainClips(*project, request);
        QJsonArray clips;
        for (const training::ClipExplanation &clip : set.clips) {
            QJsonObject object = training::toJson(clip);
            object.insert(QStringLiteral("reused"), clip.reused);
            object.insert(QStringLiteral("envelope"), training::envelopeJson(clip.envelope));
            object.insert(QStringLiteral("prediction"), QJsonObject{{QStringLiteral("value"), reportedPrediction(set, clip.shapley.fAll)},
                                                                    {QStringLiteral("raw"), clip.shapley.fAll}});
            clips.append(object);
        }
        QJsonObject result{{QStringLiteral("model_id"), set.modelId},
                           {QStringLiteral("architecture"), set.architecture},
                           {QStringLiteral("baseline"), QString::fromStdString(ml::explain::baselineName(set.baseline))},
                           {QStringLiteral("steps"), set.steps},
                           {QStringLiteral("computed"), set.computed},
                           {QStringLiteral("reused"), set.reused},
                           {QStringLiteral("clips"), clips},
                           {QStringLiteral("envelope"), set.hasEnvelope},
                           {QStringLiteral("label_scale"), set.labelScale},
                           {QStringLiteral("kan"), training::toJson(set.kan)},
                           {QStringLiteral("masks"), training::toJson(set.masks)}};
        printClips(command, set);
        if (clipArg.isEmpty() || parser.isSet(QStringLiteral("summary"))) {
            const training::ExplanationSummary summary = training::summarize(set);
            result.insert(QStringLiteral("summary"), training::toJson(summary));
            printSummary(command, summary);
        }
        if (parser.isSet(QStringLiteral("check-demo"))) {
            const training::DominanceCheck check = training::checkDominance(set, demoLabelWeights());
            result.insert(QStringLiteral("demo_check"), training::toJson(check));
            printCheck(command, check);
        }
        if (!plotDir.isEmpty())
            result.insert(QStringLiteral("plots"), writePlots(command, *project, set, plotDir, plotOptions, clipArg.isEmpty()));
        command.emitJson(result);
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);
    }
}

}  // namespace sl::cli
