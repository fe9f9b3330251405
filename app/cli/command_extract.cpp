// sentilens-cli extract PROJECT: acoustic, visual and text features of every clip, cached in the
// project (transcripts resolved first: dataset text, sidecar file, or speech recognition).
#include "app/cli/cli_support.h"
#include "core/common/error.h"
#include "core/jobs/extraction_job.h"
#include "core/jobs/extraction_plan.h"
#include "core/jobs/text_encoder_setting.h"
#include "core/jobs/token_id_encoding.h"
#include "core/language/asr_model_setting.h"
#include "core/store/project.h"

#include <QFileInfo>

#include <QJsonArray>
#include <QJsonObject>
#include <cmath>
#include <functional>
#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace sl::cli {

namespace {

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDERR_FILENO) == 1;
#else
    return true;
#endif
}

// On a terminal one line, redrawn in place: [#####.....] 12/90  3.1 clips/s  ETA 25 s. Into a
// file or pipe (CI logs, scripts) carriage returns would pile up into one enormous line, so there
// a plain line is written at every tenth of the work instead.
void drawProgress(const jobs::ExtractionProgress &p)
{
    static const bool terminal = stderrIsTerminal();
    if (!terminal) {
        static int lastTenth = -1;
        const int tenth = p.total > 0 ? int(10 * p.done / p.total) : 10;
        if (tenth == lastTenth && p.done != p.total)
            return;
        lastTenth = p.done == p.total ? -1 : tenth;
        err() << p.done << "/" << p.total << " units, " << QString::number(p.unitsPerSecond, 'f', 1) << "/s";
        if (p.failed > 0)
            err() << ", " << p.failed << " failed";
        err() << '\n';
        err().flush();
        return;
    }
    constexpr int width = 30;
    const int filled = p.total > 0 ? int(std::lround(double(width) * p.done / p.total)) : width;
    QString bar = QString(filled, QLatin1Char('#')) + QString(width - filled, QLatin1Char('.'));
    err() << "\r[" << bar << "] " << p.done << "/" << p.total << "  " << QString::number(p.unitsPerSecond, 'f', 1) << "/s";
    if (p.etaSeconds >= 0)
        err() << "  ETA " << QString::number(p.etaSeconds, 'f', 0) << " s";
    if (p.failed > 0)
        err() << "  " << p.failed << " failed";
    err() << "   ";
    if (p.done == p.total)
        err() << '\n';
    err().flush();
}

// A project setting that a pair of options changes before the run: --NAME sets it, --no-NAME
// forgets it. Neither: nothing to do; both: a usage error. Otherwise the project is opened and
// `change` (told whether to forget) changes it and says how; its errors are input problems.
int applySettingOptions(Command &command, const QString &name,
                        const std::function<QString(store::Project &project, bool forget)> &change)
{
    const bool set = command.parser().isSet(name);
    const bool forget = command.parser().isSet(QStringLiteral("no-") + name);
    if (set && forget)
        return command.fail(UsageError, QStringLiteral("--%1 and --no-%1 exclude each other").arg(name));
    if (!set && !forget)
        return Success;
    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    try {
        command.say(change(*project, forget));
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);
    }
    return Success;
}

// --text-encoder / --vocab / --no-text-encoder change the project's stored choice before the run.
int applyTextEncoderOptions(Command &command)
{
    const QCommandLineParser &parser = command.parser();
    const bool set = parser.isSet(QStringLiteral("text-encoder"));
    if (set != parser.isSet(QStringLiteral("vocab")) && !(set && parser.isSet(QStringLiteral("no-text-encoder"))))
        return command.fail(UsageError, QStringLiteral("--text-encoder and --vocab go together"));
    return applySettingOptions(command, QStringLiteral("text-encoder"), [&parser](store::Project &project, bool forget) {
        if (forget) {
            jobs::clearTextEncoder(project);
            return QStringLiteral("Text encoder: none (built-in text features)");
        }
        jobs::TextEncoderSetting setting;
        setting.modelFile = parser.value(QStringLiteral("text-encoder"));
        setting.vocabFile = parser.value(QStringLiteral("vocab"));
        setting.cased = parser.isSet(QStringLiteral("cased"));
        jobs::setTextEncoder(project, setting);
        return QStringLiteral("Text encoder: %1").arg(QFileInfo(setting.modelFile).fileName());
    });
}

// --asr-model / --no-asr-model change the project's speech recogniser before the run.
int applyAsrModelOptions(Command &command)
{
    const QString file = command.parser().value(QStringLiteral("asr-model"));
    return applySettingOptions(command, QStringLiteral("asr-model"), [&file](store::Project &project, bool forget) {
        if (forget) {
            language::clearAsrModel(project);
            return QStringLiteral("Speech recogniser: PocketSphinx (English)");
        }
        language::setAsrModel(project, file);
        return QStringLiteral("Speech recogniser: Whisper with %1").arg(file);
    });
}

// --token-ids: the dataset's own BERT token ids through the researcher's TorchScript BERT, in
// place of tokenising transcripts (issue 14). Nothing else is extracted in the same run.
int encodeDatasetTokenIds(Command &command)
{
    const QCommandLineParser &parser = command.parser();
    if (!parser.isSet(QStringLiteral("text-encoder")) || parser.isSet(QStringLiteral("vocab")) ||
        parser.isSet(QStringLiteral("no-text-encoder")))
        return command.fail(UsageError, QStringLiteral("--token-ids takes --text-encoder MODEL.pt and no --vocab "
                                                       "(the ids are the dataset's own)"));
    std::unique_ptr<store::Project> project = command.openProject();
    if (!project)
        return command.exitCode();
    jobs::TokenIdEncodingReport report;
    try {
        report = jobs::encodeTokenIds(*project, parser.value(QStringLiteral("text-encoder")), [&command](int done, int total) {
            if (command.json() || (done != total && done % 500 != 0))
                return;
            err() << "token ids: " << done << "/" << total << '\n';
            err().flush();
        });
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);
    }
    command.say(QStringLiteral("Encoded the token ids of %1 clip(s) from '%2': feature set '%3' (%4 dims), now the project's text features")
                    .arg(report.clips)
                    .arg(report.tokenIdSet, report.featureSet)
                    .arg(report.dims));
    command.emitJson({{QStringLiteral("clips"), report.clips},
                      {QStringLiteral("dims"), report.dims},
                      {QStringLiteral("feature_set"), report.featureSet},
                      {QStringLiteral("token_ids"), report.tokenIdSet}});
    return Success;
}

}  // namespace

int runExtract(const QStringList &args)
{
    Command command(QStringLiteral("extract"),
                    QStringLiteral("Extract acoustic, visual and text features of every clip of PROJECT and cache them in the "
                                   "project. Only missing or stale features are computed; clips that cannot be read are "
                                   "reported and the others go on."),
                    args);
    command.parser().addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder."));
    command.parser().addOption({QStringLiteral("jobs"), QStringLiteral("Worker threads (default 2)."), QStringLiteral("N"), QStringLiteral("2")});
    command.parser().addOption({QStringLiteral("only"), QStringLiteral("Comma-separated modalities: acoustic, visual, text."),
                                QStringLiteral("LIST"), QStringLiteral("acoustic,visual,text")});
    command.parser().addOption({QStringLiteral("no-asr"), QStringLiteral("Do not run speech recognition for clips without a transcript.")});
    command.parser().addOption({QStringLiteral("asr-model"),
                                QStringLiteral("Whisper model for speech recognition (a whisper.cpp ggml file such as ggml-base.bin): "
                                               "English, Mandarin and the other languages it knows, instead of PocketSphinx's "
                                               "English; stored in the project for later runs and the window."),
                                QStringLiteral("FILE")});
    command.parser().addOption({QStringLiteral("no-asr-model"), QStringLiteral("Forget the project's Whisper model: PocketSphinx, English only.")});
    command.parser().addOption({QStringLiteral("acoustic-preset"), QStringLiteral("Acoustic features: default or ch-sims-33."),
                                QStringLiteral("NAME"), QStringLiteral("default")});
    command.parser().addOption({QStringLiteral("fps"), QStringLiteral("Video analysis rate (default 15, never above the clip's)."),
                                QStringLiteral("RATE"), QStringLiteral("15")});
    command.parser().addOption({QStringLiteral("text-encoder"),
                                QStringLiteral("TorchScript text encoder (e.g. BERT traced from PyTorch) whose token embeddings join "
                                               "the text features; stored in the project for later runs and the window. Needs --vocab."),
                                QStringLiteral("MODEL.pt")});
    command.parser().addOption({QStringLiteral("vocab"), QStringLiteral("The encoder's WordPiece vocab.txt."), QStringLiteral("FILE")});
    command.parser().addOption({QStringLiteral("cased"), QStringLiteral("The encoder's vocabulary is cased: keep the text's case.")});
    command.parser().addOption({QStringLiteral("no-text-encoder"), QStringLiteral("Forget the project's text encoder: built-in text features only.")});
    command.parser().addOption({QStringLiteral("shard"),
                                QStringLiteral("Only shard K of N of the clips (K from 0; a clip's shard depends only on its ids), e.g. "
                                               "one task of a Slurm array writing into a shared project; a re-run does only what "
                                               "is missing."),
                                QStringLiteral("K/N")});
    command.parser().addOption({QStringLiteral("token-ids"),
                                QStringLiteral("Run --text-encoder on the dataset's own BERT token ids (an imported MMSA pickle's "
                                               "text_bert) instead of tokenising transcripts; needs no --vocab. The hidden states "
                                               "become the project's text features.")});
    if (!command.parse(1))
        return command.exitCode();
    if (command.parser().isSet(QStringLiteral("token-ids")))
        return encodeDatasetTokenIds(command);
    // Usage errors come before the project is opened.
    jobs::ExtractionPlan plan;
    if (command.parser().isSet(QStringLiteral("shard"))) {
        try {
            plan.shard = store::ClipShard::parse(command.parser().value(QStringLiteral("shard")));
        } catch (const std::exception &error) {
            return command.fail(UsageError, QString::fromUtf8(error.what()));
        }
    }
    // A project that cannot be opened is exit code 3 before anything else is tried; later
    // failures to prepare (a bad text encoder or vocabulary) are input problems (1).
    if (!command.openProject())
        return command.exitCode();
    if (const int code = applyTextEncoderOptions(command); code != Success)
        return code;
    if (const int code = applyAsrModelOptions(command); code != Success)
        return code;
    bool ok = false;
    const int workers = command.parser().value(QStringLiteral("jobs")).toInt(&ok);
    if (!ok || workers < 1)
        return command.fail(UsageError, QStringLiteral("--jobs takes a whole number of at least 1"));
    const double fps = command.parser().value(QStringLiteral("fps")).toDouble(&ok);
    if (!ok || fps <= 0)
        return command.fail(UsageError, QStringLiteral("--fps takes a positive number"));

    plan.acoustic = plan.visual = plan.text = false;
    plan.acousticPreset = command.parser().value(QStringLiteral("acoustic-preset"));
    plan.videoFps = fps;
    plan.recognizeSpeech = !command.parser().isSet(QStringLiteral("no-asr"));
    for (const QString &part : command.parser().value(QStringLiteral("only")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = part.trimmed();
        if (name == QLatin1String("acoustic"))
            plan.acoustic = true;
        else if (name == QLatin1String("visual"))
            plan.visual = true;
        else if (name == QLatin1String("text"))
            plan.text = true;
        else
            return command.fail(UsageError, QStringLiteral("unknown modality '%1' in --only (use acoustic, visual, text)").arg(name));
    }
    if (!plan.acoustic && !plan.visual && !plan.text)
        return command.fail(UsageError, QStringLiteral("--only names no modality"));

    jobs::PreparedExtraction prepared;
    try {
        prepared = jobs::prepareExtraction(command.positional(0), plan, [&command](int done, int total) {
            if (command.json() || total <= 0)
                return;
            if (stderrIsTerminal())
                err() << "\rtranscripts: " << done << "/" << total << (done == total ? "\n" : "");
            else if (done == total)
                err() << "transcripts: " << done << "/" << total << '\n';
            err().flush();
        });
    } catch (const std::invalid_argument &) {
        return command.fail(UsageError, QStringLiteral("unknown acoustic preset '%1' (use default or ch-sims-33)").arg(plan.acousticPreset));
    } catch (const std::exception &error) {
        return command.fail(error, InputProblems);
    }
    const language::TranscriptResolveReport &transcripts = prepared.transcripts;
    if (plan.text)
        command.say(QStringLiteral("Transcripts: %1 from the dataset, %2 from sidecar files, %3 recognised, %4 failed")
                        .arg(transcripts.alreadySet)
                        .arg(transcripts.fromSidecar)
                        .arg(transcripts.recognized)
                        .arg(transcripts.failed));

    jobs::ExtractionReport report;
    try {
        jobs::ExtractionJob job(command.positional(0), prepared.extractors, workers, plan.shard);
        report = job.run(command.json() ? std::function<void(const jobs::ExtractionProgress &)>() : drawProgress);
    } catch (const std::exception &error) {
        return command.fail(error, ProjectError);
    }
    QJsonArray problems;
    for (const store::ClipProblem &problem : transcripts.problems + report.problems) {
        problems.append(QJsonObject{{QStringLiteral("clip"), problem.clipId}, {QStringLiteral("stage"), problem.stage},
                                    {QStringLiteral("message"), problem.message}});
        if (!command.json())
            err() << problem.stage << ": " << problem.message << '\n';
    }
    err().flush();
    command.say(QStringLiteral("Extracted %1, already cached %2, failed %3, in %4 s")
                    .arg(report.extracted)
                    .arg(report.alreadyCached)
                    .arg(report.failed)
                    .arg(report.seconds, 0, 'f', 1));
    command.emitJson({{QStringLiteral("extracted"), report.extracted},
                      {QStringLiteral("already_cached"), report.alreadyCached},
                      {QStringLiteral("failed"), report.failed},
                      {QStringLiteral("seconds"), report.seconds},
                      {QStringLiteral("problems"), problems}});
    // Clips that could not be read are a failure of the media pipeline (4); the others were
    // extracted and committed all the same, so 1 ("nothing was changed") would be untrue.
    return report.failed + transcripts.failed > 0 ? ToolError : Success;
}

}  // namespace sl::cli
