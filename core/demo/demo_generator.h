#pragma once
// Generates the demo dataset: plans the clips (demo_plan.h), then makes every clip's speech and
// video in worker threads and writes manifest.json. Output layout under options.outputDir:
//   Raw/<video_id>/<clip_id>.mp4   H.264 / AAC clips, 2-5 s each
//   manifest.json                  seed, label rule, every clip's parameters
// label.csv is not written here; the caller derives it from the returned clips.
#include "core/demo/demo_plan.h"
#include "core/demo/demo_types.h"

#include <functional>

namespace sl::demo {

// Throws sl::Error naming the file or folder involved: output folder not writable, espeak-ng or
// ffmpeg missing or failing (with the end of their error output), and so on. progress is called
// on the calling thread, first with done = 0.
DemoResult generateDemoDataset(const DemoOptions &options,
                               const std::function<void(int done, int total)> &progress = {});

}  // namespace sl::demo
