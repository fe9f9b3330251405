#pragma once
// Where the language data that the build prepares (word vectors, Chinese dictionaries) is found at
// run time: the environment's choice, else the installed copy beside the program (a package puts
// it in <prefix>/share/sentilens), else the one in the build tree.
#include <QString>

namespace sl::language {

// The first existing file or folder among $envVar, <program>/../share/sentilens/<installedName>
// and builtPath; empty when none exists.
QString findLanguageData(const char *envVar, const QString &installedName, const QString &builtPath);

}  // namespace sl::language
