#include "core/features/cascade.h"
#include "core/common/error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace sl::features {

cv::CascadeClassifier loadCascade(const QString &dir, const QString &fileName)
{
    const QString path = QDir(dir).filePath(fileName);
    if (!QFileInfo::exists(path))
        throw sl::Error(sl::Problem{path, 0, QStringLiteral("face detector model is missing (Debian package opencv-data)")}.toString());
    cv::CascadeClassifier cascade;
    if (!cascade.load(QFile::encodeName(path).toStdString()) || cascade.empty())
        throw sl::Error(sl::Problem{path, 0, QStringLiteral("is not a readable OpenCV cascade")}.toString());
    return cascade;
}

}  // namespace sl::features
