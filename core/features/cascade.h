#pragma once
// Loading one of OpenCV's Haar cascades into our own evaluator (haar_cascade.h, the same
// detections as OpenCV's, faster), with an error that says which file and which package.
#include "core/features/haar_cascade.h"

#include <QString>

namespace sl::features {

// Debian's opencv-data installs the cascades here.
inline const QString kDefaultCascadeDir = QStringLiteral("/usr/share/opencv4/haarcascades");

// Loads dir/fileName; throws sl::Error naming the file when it is missing, unreadable or of a
// kind HaarCascade does not evaluate.
HaarCascade loadCascade(const QString &dir, const QString &fileName);

}  // namespace sl::features
