// Presentation mode at the two screens it was tried at (issue 17): every text that can run long
// (headline, captions, the bar sum, the model's name, the key hints, a take's status) fits the
// rectangle the layout gives it, measured with QFontMetrics in the font it is drawn in, at
// 1366x768 and 1920x1080, in English and in Chinese (whose captions have no spaces); a text that
// fits at full size keeps it. And Esc comes back to a window that fits the screen: one left
// larger than the screen is shrunk into it, a maximised one is maximised again.
#include "tests/support_gui/test_window.h"
#include "ui/language.h"
#include "ui/main_window.h"
#include "ui/present/fitted_label.h"
#include "ui/present/presentation_view.h"
#include "ui/shortcut_registry.h"

#include <QScreen>
#include <QtTest>

using namespace sl;
using present::FittedLabel;
using present::PresentationView;

namespace {

FittedLabel *fitted(PresentationView &view, const char *name)
{
    return static_cast<FittedLabel *>(view.findChild<QLabel *>(QString::fromLatin1(name)));
}

// The text as drawn: laid out in the label's font and width, as QLabel does.
QRect needed(const FittedLabel &label)
{
    const QRect box = label.contentsRect();
    const int flags = int(label.alignment()) | (label.wordWrap() ? Qt::TextWordWrap : Qt::TextSingleLine);
    return QFontMetrics(label.font()).boundingRect(QRect(0, 0, box.width(), 1 << 20), flags, label.text());
}

QString fitReport(const FittedLabel &label)
{
    return QStringLiteral("%1: needs %2x%3 in %4x%5 at %6 px: %7")
        .arg(label.objectName())
        .arg(needed(label).width())
        .arg(needed(label).height())
        .arg(label.contentsRect().width())
        .arg(label.contentsRect().height())
        .arg(label.font().pixelSize())
        .arg(label.text());
}

bool fits(const FittedLabel &label)
{
    const QRect text = needed(label);
    return text.width() <= label.contentsRect().width() && text.height() <= label.contentsRect().height();
}

QString repeated(const QString &text, int times)
{
    QStringList parts;
    for (int i = 0; i < times; ++i)
        parts << text;
    return parts.join(QLatin1Char(' '));
}

}  // namespace

class TestPresentationFit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        test::isolateSettings();
        QVERIFY(m_dir.isValid());
        m_project = test::buildSmallDemo(m_dir, 4);
    }

    void cleanupTestCase() { ui::installTranslations(*qApp, QStringLiteral("en")); }

    void textsFitTheirPlace_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QString>("language");
        for (const QSize size : {QSize(1366, 768), QSize(1920, 1080)})
            for (const char *language : {"en", "zh_CN"})
                QTest::addRow("%dx%d %s", size.width(), size.height(), language) << size << QString::fromLatin1(language);
    }

    void textsFitTheirPlace()
    {
        QFETCH(QSize, size);
        QFETCH(QString, language);
        ui::installTranslations(*qApp, language);
        PresentationView view;
        view.resize(size);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.size(), size);

        // The longest headline the view chooses, and a live take's.
        const QString headline = PresentationView::tr("Live take: %1").arg(PresentationView::tr("Words say one thing, voice or face another"));
        const bool chinese = language.startsWith(QLatin1String("zh"));
        // A caption line as caption_track makes it (a few words) and a transcript that came as
        // one line: Chinese has no spaces, so a whole sentence is one "word".
        const QString shortCaption = chinese ? QStringLiteral("这部电影真的让我很失望") : QStringLiteral("The jerky camera movements were also annoying.");
        const QString longCaption = chinese ? QString(shortCaption + QStringLiteral("，")).repeated(40)
                                            : repeated(shortCaption, 12);
        const QString sum = PresentationView::tr("Starts at f(none), the model with no evidence: %1")
                                .arg(QStringLiteral("f(none) 0.01 + T −0.01 + A −0.04 + V 0.02 = −0.02"));
        const QString model = PresentationView::tr("Model: %1").arg(QStringLiteral("kan-mcp 20261206-105429 (a very long model name given by a user)"));
        const QString hints = PresentationView::tr("Space pause · → next · ← back · E model's view · R live take · Esc leave");

        const struct {
            const char *label;
            QString text;
            bool mayShorten;  // too long for any screen: elided, but still fitting
        } cases[] = {{"presentationHeadline", headline, false},     {"presentationCaptions", shortCaption, false},
                     {"presentationCaptions", longCaption, true},   {"presentationSum", sum, false},
                     {"presentationModel", model, false},            {"presentationHints", hints, false},
                     {"presentationTakeStatus", PresentationView::tr("K keeps the take in the project · X discards it"), false}};
        for (const auto &one : cases) {
            FittedLabel *label = fitted(view, one.label);
            QVERIFY2(label, one.label);
            label->show();  // a take's status shows only during a take
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            label->setText(one.text);
            QCOMPARE(label->fullText(), one.text);
            QVERIFY2(fits(*label), qPrintable(fitReport(*label)));
            if (!one.mayShorten)
                QVERIFY2(label->text() == one.text, qPrintable(fitReport(*label)));
            else
                QVERIFY2(label->text().endsWith(QStringLiteral("…")) && label->text().size() > 20, qPrintable(fitReport(*label)));
            QCOMPARE(view.size(), size);  // no text pushes the window past the screen
        }
        // A short text keeps the full size: fitting only ever shrinks what does not fit.
        FittedLabel *headlineLabel = fitted(view, "presentationHeadline");
        headlineLabel->setText(QStringLiteral("OK"));
        QCOMPARE(headlineLabel->font().pixelSize(), headlineLabel->maximumPixelSize());
        QVERIFY(headlineLabel->maximumPixelSize() >= size.height() / 25);
    }

    void escapeRestoresAWindowThatFitsTheScreen()
    {
        std::unique_ptr<ui::MainWindow> window;
        test::openTestWindow(window, m_project, QStringLiteral("presenter"));
        const QRect available = window->screen()->availableGeometry();
        // Left larger than the screen (a dock grew it, or a layout saved on a larger screen).
        window->resize(available.size() + QSize(300, 200));
        QTRY_VERIFY(!available.contains(window->frameGeometry()));
        window->shortcuts()->action(QStringLiteral("view.present"))->trigger();
        QVERIFY(window->isPresenting());
        QVERIFY(QTest::qWaitForWindowActive(window->presentationView()));
        QTest::keyClick(window->presentationView(), Qt::Key_Escape);
        QTRY_VERIFY(!window->isPresenting());
        QTRY_VERIFY2(available.contains(window->frameGeometry()),
                     qPrintable(QStringLiteral("frame %1,%2 %3x%4 on %5x%6")
                                    .arg(window->frameGeometry().x())
                                    .arg(window->frameGeometry().y())
                                    .arg(window->frameGeometry().width())
                                    .arg(window->frameGeometry().height())
                                    .arg(available.width())
                                    .arg(available.height())));

        // Maximised before: maximised after.
        window->showMaximized();
        QTRY_VERIFY(window->isMaximized());
        QVERIFY(window->enterPresentation());
        QVERIFY(QTest::qWaitForWindowActive(window->presentationView()));
        QTest::keyClick(window->presentationView(), Qt::Key_Escape);
        QTRY_VERIFY(!window->isPresenting());
        QTRY_VERIFY(window->isMaximized());
        QVERIFY(available.contains(window->frameGeometry()));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

int main(int argc, char *argv[]) { return sl::test::runWindowTest<TestPresentationFit>(argc, argv, "test_presentation_fit"); }

#include "test_presentation_fit.moc"
