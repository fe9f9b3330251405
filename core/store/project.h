#pragma once
// A project is a folder that holds its SQLite database (project.sqlite) and, for generated
// projects, their media. Media paths in the database are relative to this folder.
// A shared project lives in a PostgreSQL database instead (its location is a postgresql:// URL);
// its "folder" is then this machine's media root for it (media_root.h), which holds the media
// and the trained models that the database's relative paths name.
#include "core/common/label_scale.h"
#include "core/store/annotator_repository.h"
#include "core/store/clip_repository.h"
#include "core/store/feature_repository.h"
#include "core/store/model_repository.h"
#include "core/store/label_repository.h"
#include "core/store/project_database.h"
#include "core/store/settings_repository.h"

#include <QString>
#include <memory>

namespace sl::store {

class Project {
public:
    static constexpr const char *kDatabaseFileName = "project.sqlite";

    // Creates the folder (if needed) and a new project database in it. Throws sl::Error when a
    // project already exists there. For a server URL the database must exist and be empty;
    // `mediaRoot`, when given, becomes this machine's media root for it (else the one recorded).
    static std::unique_ptr<Project> create(const QString &folder, const QString &name, LabelScale scale,
                                           const QString &mediaRoot = {});
    // Opens an existing project; `path` may be the folder, its project.sqlite or a server URL
    // (which needs a media root on this machine).
    static std::unique_ptr<Project> open(const QString &path);
    // Whether a project is there: the folder's project.sqlite, or the schema in a server database.
    static bool existsAt(const QString &folder);

    QString folder() const { return m_folder; }
    QString databasePath() const { return m_database->filePath(); }
    bool isServer() const { return m_database->isServer(); }
    QSqlDatabase db() const { return m_database->db(); }

    QString name() const;
    LabelScale labelScale() const { return m_scale; }

    // Converts between paths stored in the database and paths on disk.
    QString absolutePath(const QString &storedPath) const;
    QString storedPath(const QString &absolutePath) const;

    SettingsRepository settings() const { return SettingsRepository(db()); }
    ClipRepository clips() const { return ClipRepository(db()); }
    AnnotatorRepository annotators() const { return AnnotatorRepository(db()); }
    LabelRepository labels() const { return LabelRepository(db(), m_scale); }
    FeatureRepository features() const { return FeatureRepository(db()); }
    ModelRepository models() const { return ModelRepository(db()); }

private:
    Project(const QString &folder, std::unique_ptr<ProjectDatabase> database);

    QString m_folder;
    std::unique_ptr<ProjectDatabase> m_database;
    LabelScale m_scale;
};

}  // namespace sl::store
