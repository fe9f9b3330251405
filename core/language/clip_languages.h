#pragma once
// The language of each clip of a project: set by the user (import --language, `language`), else
// told from the clip's transcript, else the project's default. Speech recognition asks this before
// it runs, so that no clip gets another language's words.
#include <QList>
#include <QString>

namespace sl::store {
class Project;
struct Clip;
}  // namespace sl::store

namespace sl::language {

// The project's default language (setting "language"), empty when none was given.
QString projectLanguage(const store::Project &project);

// The language a clip's audio is taken to be in: its own, else the project's; empty when unknown.
QString expectedLanguage(const store::Clip &clip, const QString &projectDefault);

// Gives every clip that has a transcript but no language the language identified from its text
// (language_id.h). Clips whose text does not tell keep an empty language. Returns how many clips
// got one.
int detectClipLanguages(store::Project &project);

// Sets the language of the clips `clipIds` (empty: unknown) in one unit of work. A transcript the
// recogniser made in another language is not the clip's transcript: it is cleared with its cues,
// so that a later extraction recognises the clip again in the right language or reports that it
// cannot. Returns how many such transcripts were cleared. Throws sl::Error naming the project.
int setClipLanguages(store::Project &project, const QList<qint64> &clipIds, const QString &language);

}  // namespace sl::language
