#include "ui/workbench/scratch_project.h"

#include "core/common/error.h"
#include "core/store/project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace sl::ui {

namespace {

QString databaseFile(const QString &projectPath)
{
    return QFileInfo(projectPath).isDir() ? QDir(projectPath).filePath(QString::fromLatin1(store::Project::kDatabaseFileName))
                                          : projectPath;
}

}  // namespace

QString copyProjectToScratch(const QString &projectPath, const QString &scratchFolder)
{
    const QString source = databaseFile(projectPath);
    if (!QFileInfo(source).isFile())
        throw Error(QStringLiteral("%1: no project database to copy (a server project has no file to copy)").arg(source));
    const QString target = QDir(scratchFolder).filePath(QString::fromLatin1(store::Project::kDatabaseFileName));
    // Without a write-ahead log beside it the file holds everything: a plain copy, since even a
    // read-only SQLite connection would leave -wal and -shm files in the project folder.
    if (!QFileInfo::exists(source + QStringLiteral("-wal"))) {
        QFile file(source);
        if (!file.copy(target))
            throw Error(QStringLiteral("%1: cannot copy the project to %2: %3").arg(source, target, file.errorString()));
        return scratchFolder;
    }
    // Someone has it open (or it was not closed cleanly): a snapshot through SQLite takes the log too.
    const QString connection = QStringLiteral("scratch-copy-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(source);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));  // the original is only read
        if (!db.open()) {
            problem = db.lastError().text();
        } else {
            QSqlQuery query(db);
            if (!query.prepare(QStringLiteral("VACUUM INTO ?")))
                problem = query.lastError().text();
            else {
                query.addBindValue(target);
                if (!query.exec())
                    problem = query.lastError().text();
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!problem.isEmpty())
        throw Error(QStringLiteral("%1: cannot copy the project to %2: %3").arg(source, target, problem));
    return scratchFolder;
}

QString scratchStandIn(const QString &projectPath, const QString &scratchFolder)
{
    copyProjectToScratch(projectPath, scratchFolder);
    const QDir project = QFileInfo(databaseFile(projectPath)).absoluteDir();
    const QString database = QString::fromLatin1(store::Project::kDatabaseFileName);
    for (const QFileInfo &entry : project.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)) {
        // The database and its write-ahead log and index stay behind: the copy has their content.
        if (entry.fileName() == database || entry.fileName().startsWith(database + QLatin1Char('-')))
            continue;
        const QString link = QDir(scratchFolder).filePath(entry.fileName());
        if (!QFile::link(entry.absoluteFilePath(), link))
            throw Error(QStringLiteral("%1: cannot link it into the scratch copy at %2").arg(entry.absoluteFilePath(), link));
    }
    return scratchFolder;
}

}  // namespace sl::ui
