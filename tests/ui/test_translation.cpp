// The Simplified Chinese translation: complete, compiled into the application, and used by the window.
#include "ui/language.h"
#include "ui/main_window.h"

#include <QApplication>
#include <QFile>
#include <QMenuBar>
#include <QStandardPaths>
#include <QXmlStreamReader>
#include <QtTest>

class TestTranslation : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void everyMessageIsTranslated()
    {
        QFile ts(QStringLiteral(SENTILENS_TS_FILE));
        QVERIFY2(ts.open(QIODevice::ReadOnly), SENTILENS_TS_FILE);
        QXmlStreamReader xml(&ts);
        int messages = 0;
        QStringList unfinished;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const bool open = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (open || text.trimmed().isEmpty())
                    unfinished << source;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(messages > 100);
        QVERIFY2(unfinished.isEmpty(), qPrintable(QStringLiteral("untranslated: ") + unfinished.join(QStringLiteral(" | "))));
    }

    void theWindowSpeaksChinese()
    {
        QCOMPARE(sl::ui::installTranslations(*qApp, QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
        QVERIFY(sl::ui::availableLanguages().contains(QStringLiteral("zh_CN")));
        sl::ui::MainWindow window;
        const QList<QAction *> menus = window.menuBar()->actions();
        QVERIFY(!menus.isEmpty());
        QVERIFY2(menus.first()->text() != QStringLiteral("&File"), qPrintable(menus.first()->text()));
        QVERIFY(menus.first()->text().contains(QStringLiteral("(&F)")));
        QVERIFY(window.windowTitle().contains(QStringLiteral("SentiLens")));
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SentiLensTest"));
    QApplication::setApplicationName(QStringLiteral("test_translation"));
    TestTranslation test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_translation.moc"
