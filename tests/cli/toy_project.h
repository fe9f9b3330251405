#pragma once
// A project built directly through the store, without media: clips in every split with dataset
// labels and small made-up feature sets ("toy-text" 4 dims, "toy-audio" 3, "toy-visual" 2), so
// that model commands (train, predict, evaluate, explain, export) run in well under a second.
// Its clips name media files that do not exist, which `extract` reports as failed clips.
#include <QString>
#include <array>

namespace sl::test {

inline constexpr std::array<int, 3> kToyDims{4, 3, 2};
inline constexpr const char *kToyExtractors[3] = {"toy-text", "toy-audio", "toy-visual"};

struct ToyProjectOptions {
    int clipsPerSplit = 8;
    int transcriptChars = 40;   // transcripts this long (for exports of a chosen size)
    int videoIdChars = 6;       // video ids this long (for prediction CSVs of a chosen size)
};

// Creates the project in `folder` (MOSI scale) and returns the folder.
QString buildToyProject(const QString &folder, const ToyProjectOptions &options = {});

}  // namespace sl::test
