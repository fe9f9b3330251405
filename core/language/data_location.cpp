#include "core/language/data_location.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStringList>

namespace sl::language {

QString findLanguageData(const char *envVar, const QString &installedName, const QString &builtPath)
{
    QStringList candidates;
    if (const QString chosen = qEnvironmentVariable(envVar); !chosen.isEmpty())
        candidates << chosen;
    if (QCoreApplication::instance())
        candidates << QCoreApplication::applicationDirPath() + QStringLiteral("/../share/sentilens/") + installedName;
    candidates << builtPath;
    for (const QString &candidate : candidates)
        if (!candidate.isEmpty() && QFileInfo::exists(candidate))
            return candidate;
    return {};
}

}  // namespace sl::language
