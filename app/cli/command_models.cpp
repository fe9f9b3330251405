// sentilens-cli train / evaluate / predict: models on the project's features and labels.
// LibTorch headers (through project_training.h) come before any Qt header.
#include "core/ml/model_factory.h"
#include "core/training/prediction_envelope.h"
#include "core/training/project_training.h"
#include "core/training/training_recipe.h"

#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/store/atomic_file.h"
#include "core/store/project.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace sl::cli {

namespace {

QJsonObject metricsObject(const ml::MetricList &metrics)
{
    QJsonObject object;
    for (const auto &[name, value] : metrics)
        object.insert(QString::fromStdString(name), value);
    return object;
}

QJsonObject evaluationObject(const ml::Evaluation &evaluation)
{
    QJsonObject object{{QStringLiteral("M"), metricsObject(evaluation.multimodal)}};
    const char *names[] = {"T", "A", "V"};
    for (size_t i = 0; i < evaluation.unimodal.size(); ++i)
        if (!evaluation.unimodal[i].empty())
            object.insert(QString::fromLatin1(names[i]), metricsObject(evaluation.unimodal[i]));
    return object;
}

QString architectureList()
{
    QStringList lines;
    for (const ml::ArchitectureInfo &info : ml::architectures())
        lines << QStringLiteral("  %1  %2").arg(QString::fromStdString(info.name), -12).arg(QString::fromStdString(info.summary));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

int runTrain(const QStringList &args)
{
    Command command(QStringLiteral("train"),
                    QStringLiteral("Train a model on the labelled clips of PROJECT (train split; early stopping on valid), "
                                   "save it in PROJECT/models, make it the active model and store its predictions.\n\n"
                                   "Architectures:\n") + architectureList(),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("arch"), QStringLiteral("Architecture (see above)."), QStringLiteral("NAME"), QStringLiteral("late-fusion")});
    // Without an option, each setting takes the architecture's recommended value, the same the
    // train dialog starts from, so a model trained from the CLI matches one trained in the window.
    command.parser().addOption({QStringLiteral("recipe"), QStringLiteral("sentilens (the app's defaults) or paper (the paper's optimiser, "
                                                                         "learning rates per group, batch, epochs and selection rule; "
                                                                         "E/L/C-MIB and KAN-MCP)."), QStringLiteral("RECIPE"), QStringLiteral("sentilens")});
    command.parser().addOption({QStringLiteral("epochs"), QStringLiteral("Most epochs (default: the architecture's recommended value)."), QStringLiteral("N")});
    command.parser().addOption({QStringLiteral("batch"), QStringLiteral("Batch size (default: recommended)."), QStringLiteral("N")});
    command.parser().addOption({QStringLiteral("lr"), QStringLiteral("Learning rate (default: recommended)."), QStringLiteral("RATE")});
    command.parser().addOption({QStringLiteral("patience"), QStringLiteral("Epochs without improvement before stopping, 0 never (default: recommended)."), QStringLiteral("N")});
    command.parser().addOption({QStringLiteral("seed"), QStringLiteral("Seed (default: recommended)."), QStringLiteral("SEED")});
    command.parser().addOption({QStringLiteral("annotator"), QStringLiteral("Whose labels (default: the dataset's)."), QStringLiteral("NAME")});
    command.parser().addOption({QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N."), QStringLiteral("DEVICE"), QStringLiteral("auto")});
    command.parser().addOption({QStringLiteral("name"), QStringLiteral("Name of the model in the project."), QStringLiteral("NAME")});
    if (!command.parse(1))
        return command.exitCode();
    training::TrainRequest request;
    request.architecture = command.parser().value(QStringLiteral("arch"));
    request.annotator = command.parser().value(QStringLiteral("annotator"));
    request.name = command.parser().value(QStringLiteral("name"));
    // Options given on the command line override the recommendation (see below).
    const auto applyOptions = [&command](training::TrainingSettings &settings) {
        bool valid = true;
        const auto override = [&](const QString &option, auto &target, auto parse, auto lowest) {
            if (!command.parser().isSet(option))
                return;
            bool ok = false;
            const auto value = parse(command.parser().value(option), &ok);
            valid = valid && ok && value >= lowest;
            target = value;
        };
        const auto toInt = [](const QString &text, bool *ok) { return text.toInt(ok); };
        override(QStringLiteral("epochs"), settings.epochs, toInt, 1);
        override(QStringLiteral("batch"), settings.batchSize, toInt, 1);
        override(QStringLiteral("patience"), settings.patience, toInt, 0);
        override(QStringLiteral("lr"), settings.learningRate, [](const QString &text, bool *ok) { return text.toDouble(ok); }, 1e-12);
        override(QStringLiteral("seed"), settings.seed, [](const QString &text, bool *ok) { return text.toULongLong(ok); }, 0ULL);
        return valid;
    };
    const QString recipe = command.parser().value(QStringLiteral("recipe"));
    training::TrainingSettings settings;
    try {
        settings = training::recipeSettings(recipe, request.architecture, 0, QStringLiteral("mosi"));
    } catch (const std::invalid_argument &error) {
        return command.fail(UsageError, QString::fromUtf8(error.what()));
    }
    if (!applyOptions(settings))
        return command.fail(UsageError, QStringLiteral("--epochs and --batch take positive whole numbers, --patience and --seed "
                                                       "whole numbers from 0, --lr a positive number"));

    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    // The recommendation depends on the size of the train split (the batch shrinks for small ones).
    settings = training::recipeSettings(recipe, request.architecture, int(project->clips().list(QStringLiteral("train")).size()),
                                        project->labelScale().name());
    applyOptions(settings);
    settings.name = request.name;
    settings.labels.annotator = request.annotator;
    settings.device = command.parser().value(QStringLiteral("device"));
    request = training::trainRequestFor(settings);
    const auto progress = [&command](const ml::TrainingProgress &p) {
        if (command.json() || p.kind != ml::TrainingProgress::Kind::Epoch)
            return;
        err() << "epoch " << p.epoch << ": loss " << QString::number(p.loss, 'f', 4) << ", valid loss "
              << QString::number(p.validationLoss, 'f', 4) << (p.improved ? "  (best so far)" : "") << '\n';
        err().flush();
    };
    training::TrainOutcome outcome;
    try {
        outcome = training::trainOnProject(*project, request, progress);
    } catch (const std::invalid_argument &error) {
        return command.fail(UsageError, QString::fromUtf8(error.what()));
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);
    }
    QJsonObject splits;
    for (const auto &[split, evaluation] : outcome.evaluations) {
        QJsonObject splitObject = evaluationObject(evaluation);
        const double baseline = outcome.meanPredictorMae[split];
        splitObject.insert(QStringLiteral("mean_predictor_mae"), baseline);
        splits.insert(split, splitObject);
        command.say(QStringLiteral("%1: %2 (MAE of predicting the training mean: %3)")
                        .arg(split, training::describeEvaluation(evaluation))
                        .arg(baseline, 0, 'f', 4));
    }
    command.say(QStringLiteral("Model %1 saved to %2 (best epoch %3 of %4, %5 s on %6) and made active")
                    .arg(outcome.modelId)
                    .arg(outcome.modelFile)
                    .arg(outcome.result.record.bestEpoch)
                    .arg(outcome.result.record.epochsRun)
                    .arg(outcome.result.record.seconds, 0, 'f', 1)
                    .arg(QString::fromStdString(outcome.result.record.device)));
    if (outcome.clipsWithoutFeatures > 0)
        command.say(QStringLiteral("%1 clip(s) without all their features were left out; run 'sentilens-cli extract' to include them")
                        .arg(outcome.clipsWithoutFeatures));
    command.emitJson({{QStringLiteral("model_id"), outcome.modelId},
                      {QStringLiteral("clips_without_features"), outcome.clipsWithoutFeatures},
                      {QStringLiteral("file"), outcome.modelFile},
                      {QStringLiteral("architecture"), request.architecture},
                      {QStringLiteral("best_epoch"), outcome.result.record.bestEpoch},
                      {QStringLiteral("seconds"), outcome.result.record.seconds},
                      {QStringLiteral("metrics"), splits}});
    return Success;
}

int runEvaluate(const QStringList &args)
{
    Command command(QStringLiteral("evaluate"),
                    QStringLiteral("Evaluate a model of PROJECT on a split with MMSA's metrics for the project's label scale."), args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("model"), QStringLiteral("Model id (default: the active model)."), QStringLiteral("ID"), QStringLiteral("0")});
    command.parser().addOption({QStringLiteral("split"), QStringLiteral("train, valid or test (default test)."), QStringLiteral("SPLIT"), QStringLiteral("test")});
    command.parser().addOption({QStringLiteral("annotator"), QStringLiteral("Whose labels (default: the dataset's)."), QStringLiteral("NAME")});
    if (!command.parse(1))
        return command.exitCode();
    const QString split = command.parser().value(QStringLiteral("split"));
    if (!store::isValidSplit(split))
        return command.fail(UsageError, QStringLiteral("unknown split '%1' (expected train, valid or test)").arg(split));
    // A project that cannot be opened (missing, locked, read-only) is exit code 3, not 1.
    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    try {
        int samples = 0;
        const ml::Evaluation evaluation = training::evaluateOnProject(
            *project, command.parser().value(QStringLiteral("model")).toLongLong(), split,
            command.parser().value(QStringLiteral("annotator")), &samples);
        command.say(QStringLiteral("%1 (%2 clips): %3").arg(split).arg(samples).arg(training::describeEvaluation(evaluation)));
        command.emitJson({{QStringLiteral("split"), split}, {QStringLiteral("clips"), samples},
                          {QStringLiteral("metrics"), evaluationObject(evaluation)}});
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);
    }
}

int runPredict(const QStringList &args)
{
    Command command(QStringLiteral("predict"),
                    QStringLiteral("Predict M (and T, A, V where the model has heads) for every clip of PROJECT, store the "
                                   "predictions, and print them as CSV (or JSON, or into --out)."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("model"), QStringLiteral("Model id (default: the active model)."), QStringLiteral("ID"), QStringLiteral("0")});
    command.parser().addOption({QStringLiteral("out"), QStringLiteral("Write the CSV to FILE instead of stdout."), QStringLiteral("FILE")});
    command.parser().addOption({QStringLiteral("shard"),
                                QStringLiteral("Only shard K of N of the clips (K from 0; a clip's shard depends only on its ids), e.g. "
                                               "one task of a Slurm array; the other clips' stored predictions stay."),
                                QStringLiteral("K/N")});
    if (!command.parse(1))
        return command.exitCode();
    store::ClipShard shard;
    if (command.parser().isSet(QStringLiteral("shard"))) {
        try {
            shard = store::ClipShard::parse(command.parser().value(QStringLiteral("shard")));
        } catch (const std::exception &error) {
            return command.fail(UsageError, QString::fromUtf8(error.what()));
        }
    }
    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    try {
        const QList<store::PredictionRecord> predictions =
            training::predictOnProject(*project, command.parser().value(QStringLiteral("model")).toLongLong(), shard);
        QMap<qint64, QMap<Target, store::PredictionRecord>> byClip;
        for (const store::PredictionRecord &p : predictions)
            byClip[p.clipId][p.target] = p;
        // Values on the label scale (clipped as MMSA clips them); the raw M and the modalities in
        // which the clip lies outside the model's training data follow.
        QString csv = QStringLiteral("video_id,clip_id,split,M,T,A,V,M_raw,outside\n");
        QJsonArray rows;
        int outsideClips = 0, assessedClips = 0;
        for (const store::Clip &clip : project->clips().list()) {
            if (!shard.contains(clip))
                continue;
            const QMap<Target, store::PredictionRecord> values = byClip.value(clip.id);
            QStringList cells{clip.videoId, clip.clipId, clip.split};
            QJsonObject row{{QStringLiteral("video_id"), clip.videoId}, {QStringLiteral("clip_id"), clip.clipId}};
            QJsonObject raw;
            for (Target t : kAllTargets) {
                cells << (values.contains(t) ? QString::number(values.value(t).value, 'f', 4) : QString());
                if (values.contains(t)) {
                    row.insert(targetName(t), values.value(t).value);
                    if (values.value(t).rawValue)
                        raw.insert(targetName(t), *values.value(t).rawValue);
                }
            }
            const store::PredictionRecord m = values.value(Target::M);
            cells << (m.rawValue ? QString::number(*m.rawValue, 'f', 4) : QString());
            cells << (!values.contains(Target::M) ? QString()
                      : !m.outside                ? QStringLiteral("no envelope")
                                                  : QStringLiteral("\"%1\"").arg(*m.outside));
            row.insert(QStringLiteral("raw"), raw);
            if (values.contains(Target::M)) {
                row.insert(QStringLiteral("outside"), m.outside ? QJsonValue(QJsonArray::fromStringList(
                                                                       m.outside->split(QStringLiteral(", "), Qt::SkipEmptyParts)))
                                                                : QJsonValue(QJsonValue::Null));
                if (m.outside) {
                    ++assessedClips;
                    outsideClips += m.outside->isEmpty() ? 0 : 1;
                }
            }
            csv += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
            rows.append(row);
        }
        const QString envelopeLine = assessedClips == 0
            ? QStringLiteral("The model has no input envelope (trained before SentiLens stored one, or imported): "
                             "clips outside its training data are not detected.")
            : QStringLiteral("%1 of %2 clips lie outside the model's training data (column 'outside'); "
                             "values are clipped to the label scale, M_raw is the model's own.")
                  .arg(outsideClips).arg(assessedClips);
        const QString out = command.parser().value(QStringLiteral("out"));
        if (!out.isEmpty()) {
            store::writeFileAtomically(out, csv.toUtf8());  // complete or not there, never cut short
            command.say(QStringLiteral("Wrote %1 predictions to %2").arg(rows.size()).arg(out));
            command.say(envelopeLine);
        } else if (!command.json()) {
            cli::out() << csv;
            cli::out().flush();
            cli::err() << envelopeLine << '\n';  // stdout stays plain CSV
            cli::err().flush();
        }
        command.emitJson({{QStringLiteral("predictions"), rows},
                          {QStringLiteral("label_scale"), project->labelScale().name()},
                          {QStringLiteral("envelope"), assessedClips > 0},
                          {QStringLiteral("outside_clips"), outsideClips}});
        return Success;
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);
    }
}

}  // namespace sl::cli
