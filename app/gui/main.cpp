// sentilens: the desktop application. `sentilens [PROJECT]` opens a project folder.
#include "core/common/error.h"
#include "ui/clip_browser.h"
#include "ui/dock_layout.h"
#include "ui/explain/explanation_controller.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/present/presentation_view.h"
#include "ui/workbench/scratch_project.h"
#include "app/version/version_report.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDockWidget>
#include <QIcon>
#include <QScreen>
#include <QSettings>
#include <QPointer>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>

namespace {

bool parseSize(const QString &text, QSize &size)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool okW = false, okH = false;
    if (parts.size() == 2)
        size = QSize(parts[0].toInt(&okW), parts[1].toInt(&okH));
    return okW && okH && size.width() > 200 && size.height() > 200;
}

std::optional<sl::ui::ReviewMode> parseMode(const QString &name)
{
    using sl::ui::ReviewMode;
    if (name == QLatin1String("all")) return ReviewMode::All;
    if (name == QLatin1String("text")) return ReviewMode::TextOnly;
    if (name == QLatin1String("audio")) return ReviewMode::AudioOnly;
    if (name == QLatin1String("video")) return ReviewMode::VideoOnly;
    return std::nullopt;
}

// --version is answered before the QApplication exists: it then works without a display too.
bool asksForVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0)
            return true;
    return false;
}

}  // namespace

int main(int argc, char *argv[])
{
    if (asksForVersion(argc, argv)) {
        std::fputs(sl::app::versionReport(QStringLiteral("SentiLens")).toLocal8Bit().constData(), stdout);
        return 0;
    }
    // Qt 6.4 defaults to GStreamer, which cannot play MP4 here without extra plugins.
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SentiLens"));
    QApplication::setApplicationName(QStringLiteral("SentiLens"));
    QApplication::setApplicationVersion(QStringLiteral(SENTILENS_VERSION));
    // Ties the windows to the installed desktop entry and icon (Wayland uses it for both).
    QGuiApplication::setDesktopFileName(QStringLiteral("org.sentilens.sentilens"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.sentilens.sentilens")));

    sl::ui::installTranslations(app, qEnvironmentVariable("SENTILENS_LANGUAGE"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SentiLens: multimodal sentiment annotation and model inspection."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PROJECT"), QStringLiteral("Project folder to open."), QStringLiteral("[PROJECT]"));
    parser.addOption({QStringLiteral("annotator"), QStringLiteral("Label as NAME (otherwise asked once and remembered)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("review-mode"), QStringLiteral("Start in a review mode: all, text, audio, video."), QStringLiteral("MODE")});
    parser.addOption({QStringLiteral("theme"), QStringLiteral("Theme: system, light, dark."), QStringLiteral("THEME")});
    parser.addOption({QStringLiteral("size"), QStringLiteral("Window size, e.g. 1600x1000."), QStringLiteral("WxH")});
    parser.addOption({QStringLiteral("select"), QStringLiteral("Select the N-th clip of the list (from 1)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("present"), QStringLiteral("Start in presentation mode (full screen; Esc leaves it).")});
    parser.addOption({QStringLiteral("show"),
                      QStringLiteral("Show a workbench part: train, training, models, compare, review, agreement, adjudicate, jobs (the screenshot is of it)."),
                      QStringLiteral("PART")});
    parser.addOption({QStringLiteral("explain"),
                      QStringLiteral("Show an explanation view, floating: contributions, saliency, kan, mask, dataset (the screenshot is of it)."),
                      QStringLiteral("VIEW")});
    parser.addOption({QStringLiteral("screenshot"), QStringLiteral("Save a PNG of the window after loading, then quit."), QStringLiteral("FILE")});
    parser.process(app);

    QTemporaryDir scratch;  // a screenshot's stand-in project (below); outlives the window using it
    sl::ui::MainWindow window;
    if (parser.isSet(QStringLiteral("theme")))
        window.setTheme(sl::ui::themeFromName(parser.value(QStringLiteral("theme"))));
    QSize size;
    const QSize available = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->availableSize() : QSize(1600, 1000);
    if (parser.isSet(QStringLiteral("size")) && parseSize(parser.value(QStringLiteral("size")), size)) {
        window.resize(size);
        window.show();
    } else if (QSettings().value(QStringLiteral("window/geometry")).isNull()) {
        // First start: a comfortable size, or all of a screen too small for it (later starts restore
        // the last geometry).
        window.resize(sl::ui::firstStartSize(available));
        if (sl::ui::firstStartMaximised(available))
            window.showMaximized();
        else
            window.show();
    } else {
        window.show();
        sl::ui::fitWindowToScreen(&window);  // saved on a larger screen: fitted to this one
    }

    QPointer<QWidget> workbenchPart;  // what --show opened: the screenshot is of it
    QStringList positional = parser.positionalArguments();
    // A screenshot never changes the project: the window opens a scratch stand-in (the database
    // copied, media and models linked), since opening alone records the annotator and caches
    // explanations.
    if (!positional.isEmpty() && parser.isSet(QStringLiteral("screenshot"))) {
        try {
            if (!scratch.isValid())
                throw sl::Error(QStringLiteral("%1: cannot make a scratch folder: %2").arg(scratch.path(), scratch.errorString()));
            positional.first() = sl::ui::scratchStandIn(positional.first(), scratch.path());
        } catch (const sl::Error &error) {
            std::fprintf(stderr, "sentilens: --screenshot works on a scratch copy of the project: %s\n", error.what());
            return 2;
        }
    }
    if (!positional.isEmpty() && window.openProject(positional.first(), parser.value(QStringLiteral("annotator")))) {
        if (const auto mode = parseMode(parser.value(QStringLiteral("review-mode"))))
            window.setReviewMode(*mode);
        // The first clip is selected on opening; move down to the N-th.
        const int select = parser.value(QStringLiteral("select")).toInt();
        for (int i = 1; i < select; ++i)
            window.clipBrowser()->selectNext(1);
        // With --size the presentation takes that size instead of the screen (for screenshots).
        if (parser.isSet(QStringLiteral("present")))
            window.enterPresentation(parser.isSet(QStringLiteral("size")) ? size : QSize());
        if (parser.isSet(QStringLiteral("show")))
            workbenchPart = window.showWorkbench(parser.value(QStringLiteral("show")));
        if (parser.isSet(QStringLiteral("explain"))) {
            if (auto *dock = qobject_cast<QDockWidget *>(window.showExplanationView(parser.value(QStringLiteral("explain"))))) {
                dock->setFloating(true);
                // With --size, as much room as a bottom dock area has on that screen (the
                // window's width, half its height), so a screenshot shows the view at that size.
                dock->resize(size.isValid() ? QSize(size.width(), size.height() / 2) : QSize(1100, 620));
                workbenchPart = dock;
            }
        }
    }
    if (parser.isSet(QStringLiteral("screenshot"))) {
        const QString file = parser.value(QStringLiteral("screenshot"));
        // Give the player time to open the clip and show its first frame, and the explanation
        // views time to be computed (they run in the background).
        auto *poll = new QTimer(&window);
        poll->setInterval(500);
        QObject::connect(poll, &QTimer::timeout, &window, [&window, &workbenchPart, file] {
            if (window.explanations()->isBusy() || (window.isPresenting() && window.presentationView()->isLoadingShapley()))
                return;
            QWidget *shown = window.isPresenting() ? static_cast<QWidget *>(window.presentationView())
                             : workbenchPart         ? workbenchPart.data()
                                                     : &window;
            const bool saved = shown->grab().save(file);
            QApplication::exit(saved ? 0 : 4);
        });
        QTimer::singleShot(2000, poll, qOverload<>(&QTimer::start));
    }
    return app.exec();
}
