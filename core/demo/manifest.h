#pragma once
// manifest.json: everything needed to understand or regenerate a demo dataset (seed, generator
// version, label rule, sources and every clip's parameters). Elapsed time and worker count are
// left out, so the same seed gives the same manifest.
#include "core/demo/demo_types.h"

#include <QJsonObject>

namespace sl::demo {

inline constexpr const char *kManifestName = "manifest.json";

QJsonObject clipToJson(const DemoClip &clip);

// Writes <outputDir>/manifest.json atomically and returns its path; throws sl::Error naming the file.
QString writeManifest(const DemoOptions &options, const QList<DemoClip> &clips);

}  // namespace sl::demo
