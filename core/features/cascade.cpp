#include "core/features/cascade.h"
#include "core/common/error.h"

#include <QDir>
#include <QFileInfo>

namespace sl::features {

HaarCascade loadCascade(const QString &dir, const QString &fileName)
{
    const QString path = QDir(dir).filePath(fileName);
    if (!QFileInfo::exists(path))
        throw sl::Error(sl::Problem{path, 0, QStringLiteral("face detector model is missing (Debian package opencv-data)")}.toString());
    return HaarCascade::load(path);
}

}  // namespace sl::features
