#include "core/store/project.h"

#include "core/common/error.h"
#include "core/store/media_root.h"
#include "core/store/server_location.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace sl::store {

namespace {
QString databaseFileIn(const QString &folder) { return QDir(folder).filePath(QString::fromLatin1(Project::kDatabaseFileName)); }

// This machine's media root for a server project, or an error that says how to set one.
QString requireMediaRoot(const QString &displayLocation)
{
    const QString root = mediaRootFor(displayLocation);
    if (root.isEmpty())
        throw Error(QStringLiteral("%1: no media root set on this machine for this shared project; set the folder "
                                   "where the project's media is mounted with 'sentilens-cli media-root %1 FOLDER' "
                                   "(or SENTILENS_MEDIA_ROOT)").arg(displayLocation));
    if (!QFileInfo(root).isDir())
        throw Error(QStringLiteral("%1: the media root %2 (set in %3) is not a folder on this machine")
                        .arg(displayLocation, root, machineSettingsPath()));
    return root;
}

void recordNewProject(SettingsRepository settings, const QString &name, const QString &fallbackName, LabelScale scale)
{
    settings.setValue(QString::fromLatin1(SettingKey::Name), name.trimmed().isEmpty() ? fallbackName : name.trimmed());
    settings.setValue(QString::fromLatin1(SettingKey::LabelScale), scale.name());
    settings.setValue(QString::fromLatin1(SettingKey::CreatedAt), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    settings.setValue(QString::fromLatin1(SettingKey::CreatedWith),
                      QStringLiteral("SentiLens %1").arg(QCoreApplication::applicationVersion()));
}

std::unique_ptr<ProjectDatabase> createOnServer(const QString &location, const QString &mediaRoot, QString &root)
{
    const QString display = parseServerLocation(location).display();
    if (mediaRoot.isEmpty()) {
        root = requireMediaRoot(display);
        return std::make_unique<ProjectDatabase>(location, ProjectDatabase::OpenMode::CreateNew);
    }
    if (!QFileInfo(mediaRoot).isDir())
        throw Error(QStringLiteral("%1: the media root is not a folder on this machine").arg(mediaRoot));
    // Recorded once the project is made, so that a server that does not answer, or refuses, leaves
    // no setting behind for an address that holds no project.
    auto database = std::make_unique<ProjectDatabase>(location, ProjectDatabase::OpenMode::CreateNew);
    setMediaRootFor(display, mediaRoot);
    root = requireMediaRoot(display);
    return database;
}
}  // namespace

Project::Project(const QString &folder, std::unique_ptr<ProjectDatabase> database)
    : m_folder(QDir(folder).absolutePath()), m_database(std::move(database))
{
    const QString scaleName = settings().value(QString::fromLatin1(SettingKey::LabelScale), QStringLiteral("mosi"));
    const auto scale = LabelScale::fromName(scaleName);
    if (!scale)
        throw Error(QStringLiteral("%1: unknown label scale '%2' in the project settings")
                        .arg(m_database->filePath(), scaleName));
    m_scale = *scale;
}

bool Project::existsAt(const QString &folder)
{
    if (!isServerLocation(folder))
        return QFileInfo::exists(databaseFileIn(folder));
    // A server database exists before its project does: it holds one when the schema is there.
    // An unreachable server counts as "no project"; creating one then names the real problem.
    try {
        ProjectDatabase probe(folder, ProjectDatabase::OpenMode::MustExist);
        return true;
    } catch (const Error &) {
        return false;
    }
}

std::unique_ptr<Project> Project::create(const QString &folder, const QString &name, LabelScale scale,
                                        const QString &mediaRoot)
{
    if (isServerLocation(folder)) {
        QString root;
        auto database = createOnServer(folder, mediaRoot, root);
        recordNewProject(SettingsRepository(database->db()), name, parseServerLocation(folder).database, scale);
        return std::unique_ptr<Project>(new Project(root, std::move(database)));
    }
    if (existsAt(folder))
        throw Error(QStringLiteral("%1: a project already exists here").arg(databaseFileIn(folder)));
    if (QFileInfo(folder).exists() && !QFileInfo(folder).isDir())
        throw Error(QStringLiteral("%1: is a file, not a folder").arg(folder));
    if (!QDir().mkpath(folder))
        throw Error(QStringLiteral("%1: cannot create the project folder").arg(folder));
    auto database = std::make_unique<ProjectDatabase>(databaseFileIn(folder), ProjectDatabase::OpenMode::CreateIfMissing);
    recordNewProject(SettingsRepository(database->db()), name, QDir(folder).dirName(), scale);
    return std::unique_ptr<Project>(new Project(folder, std::move(database)));
}

std::unique_ptr<Project> Project::open(const QString &path)
{
    if (isServerLocation(path)) {
        const QString root = requireMediaRoot(parseServerLocation(path).display());
        auto database = std::make_unique<ProjectDatabase>(path, ProjectDatabase::OpenMode::MustExist);
        return std::unique_ptr<Project>(new Project(root, std::move(database)));
    }
    const QFileInfo info(path);
    const QString folder = info.isFile() ? info.absolutePath() : info.absoluteFilePath();
    if (!info.exists())
        throw Error(QStringLiteral("%1: no such project folder").arg(path));
    auto database = std::make_unique<ProjectDatabase>(info.isFile() ? info.absoluteFilePath() : databaseFileIn(folder),
                                                      ProjectDatabase::OpenMode::MustExist);
    return std::unique_ptr<Project>(new Project(folder, std::move(database)));
}

QString Project::name() const { return settings().value(QString::fromLatin1(SettingKey::Name), QDir(m_folder).dirName()); }

QString Project::absolutePath(const QString &storedPath) const
{
    if (storedPath.isEmpty())
        return {};
    return QDir::cleanPath(QDir(m_folder).absoluteFilePath(storedPath));
}

QString Project::storedPath(const QString &absolutePath) const
{
    return QDir(m_folder).relativeFilePath(QFileInfo(absolutePath).absoluteFilePath());
}

}  // namespace sl::store
