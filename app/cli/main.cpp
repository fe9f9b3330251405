// sentilens-cli: the headless entry point. Every command works on a project folder.
#include "app/cli/cli_support.h"
#include "app/version/version_report.h"

#include <QApplication>
#include <cstring>
#include <functional>
#include <map>
#include <memory>

namespace {

const char *kUsage = R"(Usage: sentilens-cli COMMAND PROJECT [ARGS] [--json]

Commands:
  init PROJECT            create an empty project (--scale mosi|sims, --name NAME)
  init --server URL       create a shared project in an empty PostgreSQL database (--media-root FOLDER)
  media-root URL [FOLDER] show or set where this machine mounts a shared project's media
  import PROJECT SOURCE   import an MMSA dataset folder (label.csv + Raw/) or a folder of videos
                          or an MMSA feature pickle (aligned_50.pkl, unaligned_50.pkl, MMSA-FET .pkl)
  list PROJECT            list the clips with their labels
  language PROJECT        show or set the project's and the clips' language (--default, --set CODE --clip ID)
  stats PROJECT           summary of clips, splits and labels
  export PROJECT --out F  write the labels as an MMSA label.csv
  export PROJECT --features F.pkl  write features, lengths, labels and ids as an MMSA feature pickle
  demo PROJECT            generate the demo project (reproducible, under a minute)
  probe PROJECT           duration, streams, frame rate, sample rate and codecs of every clip
  extract PROJECT         extract and cache acoustic, visual and text features (--jobs N)
  train PROJECT --arch A  train a model on the labelled clips (late-fusion, e-mib, l-mib, c-mib, kan-mcp, camib)
  evaluate PROJECT        MMSA metrics of a model on a split (--model ID, --split test)
  predict PROJECT         predictions of a model for every clip (--out FILE.csv)
  explain PROJECT         Shapley values, saliency, KAN curves and masks (--clip ID | --split S, --plots DIR)
  agreement PROJECT       inter-annotator agreement per target (--target T, --annotators A,B)
  adjudicate PROJECT      settle a clip's label (--clip ID --target T --value X | --from-annotator NAME)
  assign PROJECT          batches per annotator with a shared overlap, or their progress (--annotators A,B)
  elan-export PROJECT     clips as ELAN .eaf files: transcript and label tiers (--clip ID, --out PATH)
  elan-import PROJECT F   an ELAN tier as a clip's transcript (--clip ID, --tier NAME)
  device                  show the compute device that models would run on

PROJECT is a project folder, its project.sqlite, or a shared project's
postgresql://user@host[:port]/database URL.
Each command has --help. Exit codes: 0 success, 1 input problems (nothing changed),
2 usage error, 3 project cannot be opened or written, 4 external tool or media failure.
)";

// `explain --plots` draws with QCustomPlot widgets, which need a QApplication: then one is made,
// off-screen unless a platform is chosen, so the CLI still runs without a display.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--plots") == 0 || std::strncmp(argv[i], "--plots=", 8) == 0) {
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            return std::make_unique<QApplication>(argc, argv);
        }
    return std::make_unique<QCoreApplication>(argc, argv);
}

}  // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = makeApplication(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sentilens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SENTILENS_VERSION));

    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("init"), sl::cli::runInit},     {QStringLiteral("import"), sl::cli::runImport},
        {QStringLiteral("list"), sl::cli::runList},     {QStringLiteral("stats"), sl::cli::runStats},
        {QStringLiteral("export"), sl::cli::runExport}, {QStringLiteral("demo"), sl::cli::runDemo},
        {QStringLiteral("device"), sl::cli::runDevice},   {QStringLiteral("extract"), sl::cli::runExtract},
        {QStringLiteral("train"), sl::cli::runTrain},     {QStringLiteral("evaluate"), sl::cli::runEvaluate},
        {QStringLiteral("predict"), sl::cli::runPredict}, {QStringLiteral("probe"), sl::cli::runProbe},
        {QStringLiteral("explain"), sl::cli::runExplain},
        {QStringLiteral("agreement"), sl::cli::runAgreement}, {QStringLiteral("adjudicate"), sl::cli::runAdjudicate},
        {QStringLiteral("assign"), sl::cli::runAssign},
        {QStringLiteral("elan-export"), sl::cli::runElanExport}, {QStringLiteral("elan-import"), sl::cli::runElanImport},
        {QStringLiteral("language"), sl::cli::runLanguage},
        {QStringLiteral("media-root"), sl::cli::runMediaRoot},
    };
    QStringList args = app->arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")) {
        sl::cli::out() << kUsage;
        return args.isEmpty() ? sl::cli::UsageError : sl::cli::Success;
    }
    if (args.first() == QLatin1String("--version")) {
        sl::cli::out() << sl::app::versionReport(QStringLiteral("sentilens-cli"));
        return sl::cli::Success;
    }
    const QString name = args.takeFirst();
    const auto command = commands.find(name);
    if (command == commands.end()) {
        sl::cli::err() << "sentilens-cli: unknown command '" << name << "'\n" << kUsage;
        return sl::cli::UsageError;
    }
    // The last net: each command reports its own errors, but whatever still escapes (a LibTorch
    // error from a model, a bad_alloc) must become a message and an exit code, never SIGABRT.
    try {
        return command->second(args);
    } catch (const std::exception &error) {
        sl::cli::err() << "sentilens-cli: " << name << ": " << sl::cli::describeException(error) << '\n';
        sl::cli::err().flush();
        return sl::cli::exitCodeOf(error, sl::cli::InputProblems);
    }
}
