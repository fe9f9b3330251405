#pragma once
// Access to the files bundled under the Qt resource prefix /demo (see resources/demo/).
#include <QByteArray>
#include <QString>
#include <opencv2/core.hpp>

namespace sl::demo {

// Bytes of ":/demo/<name>"; throws sl::Error when the resource is missing from the build.
QByteArray readDemoResource(const QString &name);

// The face photo (astronaut.png, 512x512 BGR), decoded once and shared read-only between threads.
const cv::Mat &demoPhoto();

}  // namespace sl::demo
