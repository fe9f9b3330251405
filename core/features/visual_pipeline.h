#pragma once
// The visual features of a whole clip with the work spread over threads, so that one clip keeps
// several cores busy:
// - a decoding thread reads the frames at the analysis rate and makes a grey copy of each (the
//   colour frame goes along for the face networks);
// - the calling thread follows the face through the frames, which must go in order
//   (VisualExtractor::locateFace: face box, its motion, motion_energy);
// - `partWorkers` threads describe the faces found (eyes, smile, mouth, appearance, and on some
//   frames the face networks), which needs no other frame and is most of the work
//   (VisualExtractor::describeFaceParts).
// Bounded queues between the stages keep memory small. The result is exactly what
// VisualExtractor::process() gives frame by frame.
#include "core/features/visual_features.h"
#include "core/media/video_frame_reader.h"

namespace sl::features {

// Threads that describe faces when the caller does not say: two, since the parts cost about
// twice what following the face does (see README.md, "Speed").
inline constexpr int kDefaultPartWorkers = 2;

// Reads `reader` to its end. Rethrows the decoder's sl::Error (e.g. a truncated file) after all
// threads have stopped.
FeatureMatrix extractVisualPipelined(media::VideoFrameReader &reader, VisualExtractor &extractor,
                                     int partWorkers = kDefaultPartWorkers);

}  // namespace sl::features
