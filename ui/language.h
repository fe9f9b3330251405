#pragma once
// The interface language: the system locale by default, or the one chosen in View > Language
// (kept in the settings). Translations are compiled into the application (resource prefix /i18n).
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace sl::ui {

// "" means: follow the system locale.
QString chosenLanguage();
void chooseLanguage(const QString &language);
// Language codes with a translation ("en" is the source language).
QStringList availableLanguages();

// Installs SentiLens's translation (and Qt's own, where installed) for `language` ("" = the chosen
// or system one). Returns the language actually used ("en" when none matched).
QString installTranslations(QCoreApplication &app, const QString &language = {});

}  // namespace sl::ui
