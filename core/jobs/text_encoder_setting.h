#pragma once
// The project's choice of learned text encoder (a TorchScript BERT-like model plus its vocab.txt),
// kept in the project's settings so that the command line and the window extract the same text
// features. Without one, text features are the built-in lexical ones only.
#include "core/language/token_encoder.h"

#include <QString>
#include <optional>

namespace sl::store {
class Project;
}

namespace sl::jobs {

struct TextEncoderSetting {
    QString modelFile;  // as the user gave it: absolute, or relative to the project folder
    QString vocabFile;
    bool cased = false;  // false: lower-case the text first (uncased vocabularies)
};

// The stored choice, or nothing when the project uses the built-in text features only.
std::optional<TextEncoderSetting> textEncoderSetting(const store::Project &project);
// Paths are taken as absolute or relative to the working directory, and stored relative to the
// project when they lie inside it. Checks that the files load as an encoder (throws sl::Error naming the file and the problem)
// before storing the choice, so that a broken choice never reaches an extraction run.
void setTextEncoder(store::Project &project, const TextEncoderSetting &setting);
void clearTextEncoder(store::Project &project);

// The same for the project at `projectPath` (a folder or a server location), opened for the call:
// the window's Text encoder dialog uses these instead of opening the store itself. The stored
// choice with both paths made absolute; and storing a choice (checked as above), or going back to
// the built-in features with std::nullopt.
std::optional<TextEncoderSetting> textEncoderChoice(const QString &projectPath);
void chooseTextEncoder(const QString &projectPath, const std::optional<TextEncoderSetting> &setting);

// The encoder of the stored choice, or a disabled choice when there is none. Throws sl::Error when
// the files named have gone or no longer load.
language::EncoderChoice projectTextEncoder(const store::Project &project);

}  // namespace sl::jobs
