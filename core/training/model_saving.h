#pragma once
// Saving a trained model into the project without ever leaving a partial file, and without
// letting a full disk kill the program. LibTorch's zip writer, when a write fails, throws and then
// throws again from its destructor while the first exception unwinds (pytorch issue #156955),
// which ends in std::terminate: the CLI and the whole window died on a nearly full disk and left
// models/*.slmodel.part behind. So the archive is first written where there is room for it (RAM
// in /dev/shm, else the temporary folder, checked for space first), and its bytes are then
// written into the project by store::writeFileAtomically, which checks every write.
// LibTorch headers: include before any Qt header.
#include "core/ml/model_file.h"

#include <QString>

namespace sl::training {

// Throws store::WriteError naming `path` when it cannot be written (nothing is left at `path`
// or beside it), sl::Error for anything else that fails.
void saveModelFile(const QString &path, ml::SentimentModel &model, const ml::ModelDescription &description);

}  // namespace sl::training
