#pragma once
// The project's speech recogniser model: a whisper.cpp ggml file that the user points SentiLens at
// (`sentilens-cli extract --asr-model FILE`, or Jobs > Speech recogniser in the window), kept in
// the project's settings so that the command line and the window recognise speech the same way.
// Without one, PocketSphinx's US English model recognises English clips.
#include <QString>

namespace sl::store {
class Project;
}

namespace sl::language {

// The stored model file as an absolute path, or empty when the project uses PocketSphinx.
QString projectAsrModel(const store::Project &project);

// Checks that `file` (absolute, or relative to the working directory) is a usable whisper.cpp
// model before storing it (throws sl::Error naming the file and the problem; nothing is stored
// then). A file inside the project folder is stored relative to it, so the project can move.
void setAsrModel(store::Project &project, const QString &file);

// Back to PocketSphinx.
void clearAsrModel(store::Project &project);

// The same for the project at `projectPath` (a folder or a server location), opened for the call:
// the window's Speech recogniser dialog uses these instead of opening the store itself. Setting an
// empty file goes back to PocketSphinx.
QString asrModelChoice(const QString &projectPath);
void chooseAsrModel(const QString &projectPath, const QString &file);

}  // namespace sl::language
