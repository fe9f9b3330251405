#include "ui/language.h"

#include "ui/retranslation.h"

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
    // One translator for the whole run, whose contents change with the language: it remembers
    // which source each shown text came from, so that open windows can switch (retranslation.h).
    RecordingTranslator *recorder = RecordingTranslator::installed();
    if (!recorder)
        recorder = new RecordingTranslator(&app);
    std::vector<std::unique_ptr<QTranslator>> translators;
    auto own = std::make_unique<QTranslator>();
    QString used = QStringLiteral("en");
    if (own->load(locale, QStringLiteral("sentilens"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        used = own->language();
        translators.push_back(std::move(own));
        // Qt's own strings (standard buttons, dialogs), when the qt6-translations package is there.
        auto qt = std::make_unique<QTranslator>();
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            translators.push_back(std::move(qt));
    }
    // Removing and installing again makes Qt send every window a LanguageChange event.
    app.removeTranslator(recorder);
    recorder->setTranslators(std::move(translators));
    app.installTranslator(recorder);
    return used;
}

}  // namespace sl::ui
