#include "ui/language.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace sl::ui {

namespace {
const QString kLanguageKey = QStringLiteral("ui/language");
}

QString chosenLanguage() { return QSettings().value(kLanguageKey).toString(); }

void chooseLanguage(const QString &language) { QSettings().setValue(kLanguageKey, language); }

QStringList availableLanguages()
{
    QStringList languages{QStringLiteral("en")};
    for (const QString &file : QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("sentilens_*.qm")}))
        languages << file.mid(10, file.size() - 13);  // "sentilens_" ... ".qm"
    return languages;
}

QString installTranslations(QCoreApplication &app, const QString &language)
{
    const QString wanted = language.isEmpty() ? chosenLanguage() : language;
    const QLocale locale = wanted.isEmpty() ? QLocale::system() : QLocale(wanted);
    auto *own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("sentilens"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return QStringLiteral("en");
    }
    app.installTranslator(own);
    // Qt's own strings (standard buttons, dialogs), when the qt6-translations package is there.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    return own->language();
}

}  // namespace sl::ui
