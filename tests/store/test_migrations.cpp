#include "core/common/error.h"
#include "core/store/migrations.h"
#include "core/store/project_database.h"
#include "core/store/sql.h"
#include "tests/support/temp_project.h"

#include <QSqlQuery>
#include <QtTest>

using namespace sl::store;

namespace {

QStringList tableNames(const QSqlDatabase &db)
{
    QStringList names;
    QSqlQuery query = run(db, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    while (query.next())
        names << query.value(0).toString();
    return names;
}

QList<Migration> firstMigrationOnly() { return {builtinMigrations().first()}; }

// Sets user_version behind the application's back, as a newer SentiLens would have.
void stampVersion(const QString &path, int version)
{
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QVERIFY(QSqlQuery(raw).exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
        raw.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

}  // namespace

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void freshDatabaseGetsLatestSchemaWalAndForeignKeys()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.sqlite"));
        ProjectDatabase database(path, ProjectDatabase::OpenMode::CreateIfMissing);
        QCOMPARE(database.migrationsApplied(), builtinMigrations().size());
        QCOMPARE(schemaVersion(database.db()), latestSchemaVersion());
        const QStringList tables = tableNames(database.db());
        for (const char *table : {"clips", "annotators", "labels", "label_history", "project_settings",
                                  "feature_sets", "clip_features", "models", "predictions", "transcript_cues"})
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        QSqlQuery journal = run(database.db(), QStringLiteral("PRAGMA journal_mode"));
        QVERIFY(journal.next());
        QCOMPARE(journal.value(0).toString(), QStringLiteral("wal"));
        QSqlQuery keys = run(database.db(), QStringLiteral("PRAGMA foreign_keys"));
        QVERIFY(keys.next());
        QCOMPARE(keys.value(0).toInt(), 1);
        QSqlQuery recorded = run(database.db(), QStringLiteral("SELECT count(*) FROM schema_migrations"));
        QVERIFY(recorded.next());
        QCOMPARE(recorded.value(0).toInt(), builtinMigrations().size());
    }

    void olderFileIsUpgradedKeepingItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.sqlite"));
        {
            ProjectDatabase v1(path, ProjectDatabase::OpenMode::CreateIfMissing, firstMigrationOnly());
            QCOMPARE(schemaVersion(v1.db()), 1);
            QVERIFY(!tableNames(v1.db()).contains(QStringLiteral("models")));
            run(v1.db(), QStringLiteral("INSERT INTO clips(video_id, clip_id, media_path, split, added_at) "
                                        "VALUES ('v', '0001', 'a.mp4', 'train', 'now')"));
        }
        ProjectDatabase upgraded(path, ProjectDatabase::OpenMode::MustExist);
        QCOMPARE(upgraded.migrationsApplied(), builtinMigrations().size() - 1);
        QCOMPARE(schemaVersion(upgraded.db()), latestSchemaVersion());
        QVERIFY(tableNames(upgraded.db()).contains(QStringLiteral("models")));
        QSqlQuery clip = run(upgraded.db(), QStringLiteral("SELECT clip_id FROM clips"));
        QVERIFY(clip.next());
        QCOMPARE(clip.value(0).toString(), QStringLiteral("0001"));
    }

    void newerFileIsRefusedAndLeftUntouched()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.sqlite"));
        { ProjectDatabase create(path, ProjectDatabase::OpenMode::CreateIfMissing); }
        stampVersion(path, latestSchemaVersion() + 5);
        const QByteArray before = sl::test::fileHash(path);
        try {
            ProjectDatabase open(path, ProjectDatabase::OpenMode::MustExist);
            QFAIL("a newer schema must be refused");
        } catch (const sl::Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("newer SentiLens")), qPrintable(error.message()));
            QVERIFY(error.message().contains(path));
            QVERIFY(error.message().contains(QString::number(latestSchemaVersion() + 5)));
        }
        QCOMPARE(sl::test::fileHash(path), before);
    }

    void failedMigrationLeavesFileAsItWas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.sqlite"));
        {
            ProjectDatabase v1(path, ProjectDatabase::OpenMode::CreateIfMissing, firstMigrationOnly());
            run(v1.db(), QStringLiteral("INSERT INTO project_settings(key, value) VALUES ('name', 'kept')"));
        }
        const QByteArray before = sl::test::fileHash(path);
        QList<Migration> broken = builtinMigrations();
        broken << Migration{latestSchemaVersion() + 1, QStringLiteral("broken step"),
                            {QStringLiteral("CREATE TABLE extra (x INTEGER)"),
                             QStringLiteral("INSERT INTO no_such_table VALUES (1)")}};
        try {
            ProjectDatabase open(path, ProjectDatabase::OpenMode::MustExist, broken);
            QFAIL("the broken migration must fail");
        } catch (const sl::Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("broken step")), qPrintable(error.message()));
            QVERIFY(error.message().contains(QStringLiteral("left as it was")));
        }
        QCOMPARE(sl::test::fileHash(path), before);
        ProjectDatabase reopened(path, ProjectDatabase::OpenMode::MustExist, firstMigrationOnly());
        QCOMPARE(schemaVersion(reopened.db()), 1);
        QVERIFY(!tableNames(reopened.db()).contains(QStringLiteral("models")));
        QVERIFY(!tableNames(reopened.db()).contains(QStringLiteral("extra")));
    }

    void foreignFilesAreRefusedByName()
    {
        QTemporaryDir dir;
        const QString text = sl::test::writeFile(dir, QStringLiteral("notes.sqlite"), "just some notes\n");
        try {
            ProjectDatabase open(text, ProjectDatabase::OpenMode::MustExist);
            QFAIL("a text file is not a project");
        } catch (const sl::Error &error) {
            QVERIFY(error.message().contains(text));
            QVERIFY(error.message().contains(QStringLiteral("not an SQLite database")));
        }

        const QString other = dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            raw.setDatabaseName(other);
            QVERIFY(raw.open());
            QVERIFY(QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE t (x)")));
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        QVERIFY_THROWS_EXCEPTION(sl::Error, ProjectDatabase(other, ProjectDatabase::OpenMode::MustExist));

        const QString missing = dir.filePath(QStringLiteral("missing.sqlite"));
        try {
            ProjectDatabase open(missing, ProjectDatabase::OpenMode::MustExist);
            QFAIL("a missing file must not be created");
        } catch (const sl::Error &error) {
            QVERIFY(error.message().contains(missing));
        }
        QVERIFY(!QFile::exists(missing));
    }

    void lockedDatabaseGivesAClearMessage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("project.sqlite"));
        ProjectDatabase database(path, ProjectDatabase::OpenMode::CreateIfMissing, builtinMigrations(), 100);
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
        other.setDatabaseName(path);
        QVERIFY(other.open());
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN EXCLUSIVE")));
        try {
            run(database.db(), QStringLiteral("INSERT INTO project_settings(key, value) VALUES ('k', 'v')"));
            QFAIL("the write must fail while another program holds the lock");
        } catch (const sl::Error &error) {
            QVERIFY2(error.message().contains(QStringLiteral("locked by another program")), qPrintable(error.message()));
            QVERIFY(error.message().contains(path));
        }
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
        other.close();
        other = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        run(database.db(), QStringLiteral("INSERT INTO project_settings(key, value) VALUES ('k', 'v')"));
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "test_migrations.moc"
