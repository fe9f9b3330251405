#pragma once
// Loading one of OpenCV's Haar cascades, with an error that says which file and which package.
#include <QString>

#include <opencv2/objdetect.hpp>

namespace sl::features {

// Debian's opencv-data installs the cascades here.
inline const QString kDefaultCascadeDir = QStringLiteral("/usr/share/opencv4/haarcascades");

// Loads dir/fileName; throws sl::Error naming the file when it is missing or unreadable.
cv::CascadeClassifier loadCascade(const QString &dir, const QString &fileName);

}  // namespace sl::features
