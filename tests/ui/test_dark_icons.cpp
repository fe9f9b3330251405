// The dark theme reaches the transport buttons and the toolbar (issue 17): every icon there stands
// out from the button behind it in the dark and in the light theme, switching while the window is
// open. Fusion's media and skip icons are dark grey glyphs: on the dark theme's #2d2d30-ish
// buttons they vanished (most of their pixels within 90 lightness levels of the background).
#include "tests/support_gui/test_window.h"
#include "ui/main_window.h"
#include "ui/player/player_controls.h"
#include "ui/shortcut_registry.h"
#include "ui/theme.h"

#include <QToolBar>
#include <QToolButton>
#include <QtTest>

using namespace sl;

namespace {

// The share of an icon's visible pixels (alpha over a half) whose lightness lies at least 90
// levels from the background's. A picture (a twentieth of its pixels clearly coloured: the
// folder, the question mark) carries its own contrast and counts as standing out.
double standingOut(const QIcon &icon, const QColor &background)
{
    const QImage image = icon.pixmap(QSize(16, 16)).toImage().convertToFormat(QImage::Format_ARGB32);
    int visible = 0, distinct = 0, coloured = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (pixel.alpha() < 128)
                continue;
            ++visible;
            if (std::abs(pixel.lightness() - background.lightness()) >= 90)
                ++distinct;
            if (pixel.hsvSaturation() > 80)
                ++coloured;
        }
    if (visible > 0 && coloured * 20 >= visible)
        return 1.0;
    return visible == 0 ? 0.0 : double(distinct) / visible;
}

struct Shown {
    QString name;
    QIcon icon;
    QColor background;
};

QList<Shown> icons(ui::MainWindow &window)
{
    QList<Shown> shown;
    auto *controls = window.findChild<ui::PlayerControls *>();
    for (QToolButton *button : controls->findChildren<QToolButton *>())
        if (!button->icon().isNull())
            shown.append({button->toolTip(), button->icon(), button->palette().color(QPalette::Button)});
    auto *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolbar"));
    for (QAction *action : toolbar->actions())
        if (!action->icon().isNull())
            shown.append({action->text(), action->icon(), toolbar->palette().color(QPalette::Window)});
    return shown;
}

}  // namespace

class TestDarkIcons : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { test::isolateSettings(); }

    void iconsStandOutInBothThemes()
    {
        ui::MainWindow window;
        window.resize(1366, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const ui::Theme theme : {ui::Theme::Dark, ui::Theme::Light, ui::Theme::Dark}) {
            window.setTheme(theme);
            QTest::qWait(50);  // the palette reaches the widgets, and the icons follow, from the event loop
            const QList<Shown> shown = icons(window);
            QVERIFY(shown.size() >= 8);  // five transport buttons and more, the toolbar's icons
            for (const Shown &one : shown)  // the theme reached the buttons themselves
                QVERIFY2((one.background.lightness() < 128) == (theme == ui::Theme::Dark),
                         qPrintable(one.name + QLatin1Char(' ') + one.background.name()));
            // A picture keeps its colours: the help icon's blue is not painted over in one ink.
            const QImage help = window.shortcuts()->action(QStringLiteral("help.keys"))->icon().pixmap(QSize(16, 16)).toImage();
            int solid = 0, coloured = 0;
            for (int y = 0; y < help.height(); ++y)
                for (int x = 0; x < help.width(); ++x)
                    if (help.pixelColor(x, y).alpha() >= 128) {
                        ++solid;
                        coloured += help.pixelColor(x, y).hsvSaturation() > 80 ? 1 : 0;
                    }
            QVERIFY2(coloured * 20 >= solid, qPrintable(QStringLiteral("%1 theme: help icon %2 of %3 pixels coloured")
                                                             .arg(ui::themeName(theme)).arg(coloured).arg(solid)));
            for (const Shown &one : shown) {
                const double share = standingOut(one.icon, one.background);
                QVERIFY2(share >= 0.5, qPrintable(QStringLiteral("%1 theme, %2: %3% of its pixels stand out from %4")
                                                      .arg(ui::themeName(theme), one.name)
                                                      .arg(100 * share, 0, 'f', 0)
                                                      .arg(one.background.name())));
            }
        }
    }
};

int main(int argc, char *argv[]) { return sl::test::runWindowTest<TestDarkIcons>(argc, argv, "test_dark_icons"); }

#include "test_dark_icons.moc"
