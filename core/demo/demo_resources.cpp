#include "core/demo/demo_resources.h"

#include "core/common/error.h"

#include <QFile>
#include <opencv2/imgcodecs.hpp>

namespace sl::demo {

QByteArray readDemoResource(const QString &name)
{
    const QString path = QStringLiteral(":/demo/") + name;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1: the bundled demo resource is missing from this build").arg(path));
    return file.readAll();
}

const cv::Mat &demoPhoto()
{
    // A function-local static is initialised once even when several workers ask at the same time.
    static const cv::Mat photo = [] {
        const QByteArray bytes = readDemoResource(QStringLiteral("astronaut.png"));
        const cv::Mat raw(1, int(bytes.size()), CV_8UC1, const_cast<char *>(bytes.constData()));
        cv::Mat decoded = cv::imdecode(raw, cv::IMREAD_COLOR);
        if (decoded.empty())
            throw Error(QStringLiteral(":/demo/astronaut.png: the bundled photo cannot be decoded"));
        return decoded;
    }();
    return photo;
}

}  // namespace sl::demo
