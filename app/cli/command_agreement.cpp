// sentilens-cli agreement PROJECT: how much the annotators agree, per target, and the clips they
// disagree on most.
#include "app/cli/cli_support.h"
#include "core/agreement/project_ratings.h"
#include "core/agreement/target_agreement.h"
#include "core/common/error.h"
#include "core/store/project.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <cmath>

namespace sl::cli {

namespace {

// Undefined statistics (too few ratings, no variation) are NaN inside and null in JSON.
QJsonValue number(double value) { return std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null); }
QString text(double value) { return std::isfinite(value) ? QString::number(value, 'f', 3) : QStringLiteral("n/a"); }

QJsonObject targetJson(Target target, const agreement::ProjectRatings &ratings, const agreement::TargetAgreement &a,
                       int classes, int top)
{
    QJsonArray pairs;
    for (const agreement::PairKappa &p : a.pairs)
        pairs.append(QJsonObject{{QStringLiteral("a"), ratings.annotators[qsizetype(p.raterA)]},
                                 {QStringLiteral("b"), ratings.annotators[qsizetype(p.raterB)]},
                                 {QStringLiteral("kappa_quadratic"), number(p.result.kappa)},
                                 {QStringLiteral("clips"), qint64(p.result.units)}});
    QJsonArray disagreements;
    for (const agreement::UnitSpread &s : a.spreads) {
        if (disagreements.size() >= top)
            break;
        QJsonObject labels;
        for (std::size_t r = 0; r < ratings.matrix.raters(); ++r)
            if (ratings.matrix.has(s.unit, r))
                labels.insert(ratings.annotators[qsizetype(r)], ratings.matrix.at(s.unit, r));
        disagreements.append(QJsonObject{{QStringLiteral("clip"), ratings.clipKeys[qsizetype(s.unit)]},
                                         {QStringLiteral("clip_id"), ratings.clipIds[qsizetype(s.unit)]},
                                         {QStringLiteral("labels"), labels},
                                         {QStringLiteral("mean"), s.mean},
                                         {QStringLiteral("range"), s.range},
                                         {QStringLiteral("sd"), s.sd}});
    }
    return {{QStringLiteral("target"), targetName(target)},
            {QStringLiteral("clips"), qint64(a.units)},
            {QStringLiteral("labels"), qint64(a.ratings)},
            {QStringLiteral("clips_with_two_or_more"), qint64(a.alphaInterval.units)},
            {QStringLiteral("alpha_interval"), number(a.alphaInterval.alpha)},
            {QStringLiteral("alpha_ordinal"), number(a.alphaOrdinal.alpha)},
            {QStringLiteral("ordinal_classes"), classes},
            {QStringLiteral("icc2_1"), number(a.icc.single)},
            {QStringLiteral("icc2_k"), number(a.icc.average)},
            {QStringLiteral("icc_complete_clips"), qint64(a.icc.units)},
            {QStringLiteral("icc_clips_left_out"), qint64(a.icc.unitsDropped)},
            {QStringLiteral("fleiss_kappa_polarity"), number(a.fleiss.kappa)},
            {QStringLiteral("fleiss_clips"), qint64(a.fleiss.units)},
            {QStringLiteral("pairs"), pairs},
            {QStringLiteral("most_disagreement"), disagreements}};
}

}  // namespace

int runAgreement(const QStringList &args)
{
    Command command(QStringLiteral("agreement"),
                    QStringLiteral("Inter-annotator agreement in PROJECT, per target: Krippendorff's alpha (interval, and "
                                   "ordinal on MMSA's 7 or CH-SIMS's 5 classes; all labels), ICC(2,1) and ICC(2,k) "
                                   "(clips every annotator labelled), quadratic-weighted Cohen's kappa per pair (clips "
                                   "both labelled), Fleiss' kappa on negative/neutral/positive (clips with two or more "
                                   "labels), and the clips whose labels lie furthest apart."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("target"), QStringLiteral("Only this target: M, T, A or V (default: all)."),
                                QStringLiteral("T")});
    command.parser().addOption({QStringLiteral("annotators"),
                                QStringLiteral("Compare these annotators, comma-separated (default: all but models and "
                                               "'adjudicated')."),
                                QStringLiteral("A,B")});
    command.parser().addOption({QStringLiteral("top"), QStringLiteral("How many of the most disagreed clips to list per target."),
                                QStringLiteral("N"), QStringLiteral("10")});
    if (!command.parse(1))
        return command.exitCode();

    QList<Target> targets(std::begin(kAllTargets), std::end(kAllTargets));
    if (command.parser().isSet(QStringLiteral("target"))) {
        const auto target = targetFromName(command.parser().value(QStringLiteral("target")));
        if (!target)
            return command.fail(UsageError, QStringLiteral("unknown target '%1' (use M, T, A or V)")
                                                .arg(command.parser().value(QStringLiteral("target"))));
        targets = {*target};
    }
    bool topOk = false;
    const int top = command.parser().value(QStringLiteral("top")).toInt(&topOk);
    if (!topOk || top < 0)
        return command.fail(UsageError, QStringLiteral("--top needs a whole number of 0 or more, not '%1'")
                                            .arg(command.parser().value(QStringLiteral("top"))));

    const std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    QStringList annotators;
    if (command.parser().isSet(QStringLiteral("annotators"))) {
        for (const QString &name : command.parser().value(QStringLiteral("annotators")).split(QLatin1Char(',')))
            if (!name.trimmed().isEmpty())
                annotators << name.trimmed();
    } else {
        annotators = agreement::defaultRaters(*project);
    }

    const agreement::ScaleKind scale = agreement::scaleKind(project->labelScale());
    const int classes = agreement::ordinalClassCount(scale);
    QJsonArray results;
    try {
        for (Target target : targets) {
            const agreement::ProjectRatings ratings = agreement::loadRatings(*project, target, annotators);
            const agreement::TargetAgreement a = agreement::computeAgreement(ratings.matrix, scale);
            results.append(targetJson(target, ratings, a, classes, top));

            command.say(QStringLiteral("%1: %2 clip(s), %3 label(s), %4 clip(s) with two or more labels")
                            .arg(targetName(target))
                            .arg(a.units)
                            .arg(a.ratings)
                            .arg(a.alphaInterval.units));
            command.say(QStringLiteral("  Krippendorff's alpha: interval %1, ordinal (%2 classes) %3")
                            .arg(text(a.alphaInterval.alpha))
                            .arg(classes)
                            .arg(text(a.alphaOrdinal.alpha)));
            command.say(QStringLiteral("  ICC(2,1) %1, ICC(2,k) %2 over %3 complete clip(s), %4 left out")
                            .arg(text(a.icc.single), text(a.icc.average))
                            .arg(a.icc.units)
                            .arg(a.icc.unitsDropped));
            command.say(QStringLiteral("  Fleiss' kappa (negative/neutral/positive) %1 over %2 clip(s)")
                            .arg(text(a.fleiss.kappa))
                            .arg(a.fleiss.units));
            for (const agreement::PairKappa &p : a.pairs)
                command.say(QStringLiteral("  kappa (quadratic) %1 / %2: %3 over %4 clip(s)")
                                .arg(ratings.annotators[qsizetype(p.raterA)], ratings.annotators[qsizetype(p.raterB)],
                                     text(p.result.kappa))
                                .arg(p.result.units));
            for (std::size_t i = 0; i < a.spreads.size() && i < std::size_t(top); ++i) {
                const agreement::UnitSpread &s = a.spreads[i];
                QStringList labels;
                for (std::size_t r = 0; r < ratings.matrix.raters(); ++r)
                    if (ratings.matrix.has(s.unit, r))
                        labels << QStringLiteral("%1 %2").arg(ratings.annotators[qsizetype(r)]).arg(ratings.matrix.at(s.unit, r));
                command.say(QStringLiteral("  range %1  %2: %3")
                                .arg(s.range, 0, 'f', 2)
                                .arg(ratings.clipKeys[qsizetype(s.unit)], labels.join(QStringLiteral(", "))));
            }
        }
    } catch (const Error &error) {
        return command.fail(UsageError, error.message());
    }
    command.emitJson({{QStringLiteral("project"), project->folder()},
                      {QStringLiteral("label_scale"), project->labelScale().name()},
                      {QStringLiteral("annotators"), QJsonArray::fromStringList(annotators)},
                      {QStringLiteral("targets"), results}});
    return Success;
}

}  // namespace sl::cli
