// Schema version 8 gives the adjudicated labels' annotator a kind of its own. A project written at
// version 7 (the adjudicator a human annotator with the reserved name) is migrated on both back
// ends: every annotator, label, history and assignment row is kept bit for bit (doubles compared by
// their bits), only the reserved annotator's kind changes, and the rebuilt SQLite table keeps its
// constraints and foreign keys. The reserved name can no longer be taken by a person or a dataset.
#include "core/common/error.h"
#include "core/store/label_source.h"
#include "core/store/migrations.h"
#include "core/store/project.h"
#include "core/store/server_location.h"
#include "core/store/sql.h"
#include "core/store/sql_dialect.h"
#include "tests/support/store_location.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>
#include <bit>
#include <cstring>

using namespace sl::store;
using sl::Target;

namespace {

QList<Migration> upToVersion(int version)
{
    QList<Migration> list;
    for (const Migration &migration : builtinMigrations())
        if (migration.version <= version)
            list << migration;
    return list;
}

QString databaseLocation(const QString &location)
{
    return isServerLocation(location) ? location : QDir(location).filePath(QString::fromLatin1(Project::kDatabaseFileName));
}

// One table's rows in a fixed order, every value written so that equal text means equal bits:
// doubles as the hex of their IEEE bits, NULL as a word of its own.
QStringList rows(const QSqlDatabase &db, const QString &table, const QString &order)
{
    QStringList out;
    QSqlQuery query = run(db, QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, order));
    while (query.next()) {
        QStringList cells;
        const QSqlRecord record = query.record();
        for (int i = 0; i < record.count(); ++i) {
            const QVariant value = query.value(i);
            QString cell;
            if (value.isNull())
                cell = QStringLiteral("NULL");
            else if (value.typeId() == QMetaType::Double)
                cell = QStringLiteral("d:%1").arg(std::bit_cast<quint64>(value.toDouble()), 16, 16, QLatin1Char('0'));
            else
                cell = value.toString();
            cells << record.fieldName(i) + QLatin1Char('=') + cell;
        }
        out << cells.join(QLatin1Char('|'));
    }
    return out;
}

struct Snapshot {
    QStringList annotators, labels, history, assignments;
};

Snapshot snapshot(const QSqlDatabase &db)
{
    return {rows(db, QStringLiteral("annotators"), QStringLiteral("id")),
            rows(db, QStringLiteral("labels"), QStringLiteral("clip_id, annotator_id, target")),
            rows(db, QStringLiteral("label_history"), QStringLiteral("id")),
            rows(db, QStringLiteral("assignments"), QStringLiteral("clip_id, annotator_id"))};
}

// A version-7 project as one written before this change: two clips; annotators ana (human), the
// dataset, and "adjudicated" (human, as adjudication stored it); labels with values whose bits a
// careless copy through text or a 4-byte float would change; a history with NULL old values and
// notes; assignments that point at annotators.
void fillVersion7(const QSqlDatabase &db)
{
    const QString now = QStringLiteral("2026-12-01T10:00:00.000Z");
    for (const char *clip : {"0001", "0002"})
        run(db, QStringLiteral("INSERT INTO clips(video_id, clip_id, media_path, split, added_at) VALUES ('v', ?, ?, 'train', ?)"),
            {QString::fromLatin1(clip), QStringLiteral("Raw/v/%1.mp4").arg(QLatin1String(clip)), now});
    const qint64 clip1 = scalar(db, QStringLiteral("SELECT id FROM clips WHERE clip_id = '0001'")).toLongLong();
    const qint64 clip2 = scalar(db, QStringLiteral("SELECT id FROM clips WHERE clip_id = '0002'")).toLongLong();
    for (const auto &[name, kind] : {std::pair{"ana", "human"}, std::pair{"dataset", "dataset"}, std::pair{"adjudicated", "human"},
                                     std::pair{"bob", "human"}})
        run(db, QStringLiteral("INSERT INTO annotators(name, kind, created_at) VALUES (?, ?, ?)"),
            {QString::fromLatin1(name), QString::fromLatin1(kind), now});
    auto id = [&](const char *name) {
        return scalar(db, QStringLiteral("SELECT id FROM annotators WHERE name = ?"), {QString::fromLatin1(name)}).toLongLong();
    };
    const double third = 1.0 / 3.0, sum = 0.1 + 0.2, tiny = -2.9999999999999996;
    struct Row {
        qint64 clip;
        const char *annotator;
        const char *target;
        double value;
    };
    for (const Row &row : {Row{clip1, "ana", "M", third}, Row{clip1, "bob", "M", -2.0}, Row{clip1, "dataset", "M", sum},
                           Row{clip1, "adjudicated", "M", tiny}, Row{clip2, "ana", "T", 0.6}, Row{clip2, "bob", "T", 1.2},
                           Row{clip2, "adjudicated", "A", 0.0}}) {
        run(db, QStringLiteral("INSERT INTO labels(clip_id, annotator_id, target, value, updated_at) VALUES (?, ?, ?, ?, ?)"),
            {row.clip, id(row.annotator), QString::fromLatin1(row.target), row.value, now});
        run(db, QStringLiteral("INSERT INTO label_history(clip_id, annotator_id, target, old_value, new_value, changed_at, note) "
                               "VALUES (?, ?, ?, NULL, ?, ?, ?)"),
            {row.clip, id(row.annotator), QString::fromLatin1(row.target), row.value, now,
             QString::fromLatin1(row.annotator) == QLatin1String("adjudicated") ? QStringLiteral("adjudicated: label of ana (by lead)")
                                                                                : QStringLiteral("")});
    }
    run(db, QStringLiteral("INSERT INTO label_history(clip_id, annotator_id, target, old_value, new_value, changed_at, note) "
                           "VALUES (?, ?, 'M', ?, NULL, ?, 'cleared')"),
        {clip2, id("ana"), third, now});
    for (const char *name : {"ana", "bob"})
        run(db, QStringLiteral("INSERT INTO assignments(clip_id, annotator_id, overlap, assigned_at) VALUES (?, ?, 1, ?)"),
            {clip1, id(name), now});
}

}  // namespace

class TestAdjudicatedMigration : public QObject {
    Q_OBJECT
private slots:
    void version7ProjectKeepsEveryRowAndGetsTheKind()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        const QString database = databaseLocation(location);
        Snapshot before;
        qint64 adjudicatorId = 0;
        {
            ProjectDatabase v7(database, ProjectDatabase::OpenMode::CreateIfMissing, upToVersion(7));
            QCOMPARE(schemaVersion(v7.db()), 7);
            fillVersion7(v7.db());
            before = snapshot(v7.db());
            adjudicatorId = scalar(v7.db(), QStringLiteral("SELECT id FROM annotators WHERE name = 'adjudicated'")).toLongLong();
            // Version 7 refuses the kind.
            QVERIFY_THROWS_EXCEPTION(sl::Error, run(v7.db(), QStringLiteral("INSERT INTO annotators(name, kind, created_at) "
                                                                            "VALUES ('x', 'adjudicated', 'now')")));
        }
        QCOMPARE(before.labels.size(), 7);
        QCOMPARE(before.history.size(), 8);

        {
            ProjectDatabase migrated(database, ProjectDatabase::OpenMode::MustExist);
            QCOMPARE(migrated.migrationsApplied(), latestSchemaVersion() - 7);
            QVERIFY(schemaVersion(migrated.db()) >= 8);
            const Snapshot after = snapshot(migrated.db());
            QCOMPARE(after.labels, before.labels);
            QCOMPARE(after.history, before.history);
            QCOMPARE(after.assignments, before.assignments);
            // Annotators: the same rows, but for the reserved one's kind.
            QCOMPARE(after.annotators.size(), before.annotators.size());
            for (qsizetype i = 0; i < before.annotators.size(); ++i) {
                if (before.annotators[i].contains(QLatin1String("|name=adjudicated|"))) {
                    QVERIFY(before.annotators[i].contains(QLatin1String("|kind=human|")));
                    QString expected = before.annotators[i];
                    expected.replace(QLatin1String("|kind=human|"), QLatin1String("|kind=adjudicated|"));
                    QCOMPARE(after.annotators[i], expected);
                } else {
                    QCOMPARE(after.annotators[i], before.annotators[i]);
                }
            }

            const QSqlDatabase db = migrated.db();
            // The rebuilt table still checks its kinds and its name's uniqueness.
            QVERIFY_THROWS_EXCEPTION(sl::Error, run(db, QStringLiteral("INSERT INTO annotators(name, kind, created_at) "
                                                                       "VALUES ('x', 'robot', 'now')")));
            QVERIFY_THROWS_EXCEPTION(sl::Error, run(db, QStringLiteral("INSERT INTO annotators(name, kind, created_at) "
                                                                       "VALUES ('ana', 'human', 'now')")));
            // And the tables that point at it still refuse an annotator that does not exist.
            QVERIFY_THROWS_EXCEPTION(sl::Error, run(db, QStringLiteral("INSERT INTO labels(clip_id, annotator_id, target, value, "
                                                                       "updated_at) VALUES (1, 999, 'M', 1, 'now')")));
            if (backendOf(db) == Backend::Sqlite) {
                QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
                QVERIFY(!run(db, QStringLiteral("PRAGMA foreign_key_check")).next());
                QCOMPARE(scalar(db, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
                QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'annotators_v8'")).toInt(), 0);
            }
            // The history is still append-only.
            QVERIFY_THROWS_EXCEPTION(sl::Error, run(db, QStringLiteral("DELETE FROM label_history")));
        }

        auto project = Project::open(location);
        const auto adjudicator = project->annotators().find(QStringLiteral("adjudicated"));
        QVERIFY(adjudicator);
        QCOMPARE(adjudicator->id, adjudicatorId);
        QCOMPARE(adjudicator->kind, QStringLiteral("adjudicated"));
        QCOMPARE(project->annotators().ensure(QStringLiteral("adjudicated"), QStringLiteral("adjudicated")).id, adjudicatorId);

        // Training, export and stats read the migrated labels: the adjudicator's own, and
        // "adjudicated, else mean" (clip 1's M: the adjudicated value; clip 2's T: the mean of
        // ana's 0.6 and bob's 1.2).
        const qint64 clip1 = project->clips().findByKey(QStringLiteral("v"), QStringLiteral("0001"))->id;
        const qint64 clip2 = project->clips().findByKey(QStringLiteral("v"), QStringLiteral("0002"))->id;
        const auto own = labelValues(*project, LabelSource{LabelAggregate::None, QStringLiteral("adjudicated")});
        QCOMPARE(own.value(clip1).value(Target::M), -2.9999999999999996);
        QCOMPARE(own.value(clip2).value(Target::A), 0.0);
        const auto settled = labelValues(*project, LabelSource{LabelAggregate::AdjudicatedElseMean, {}});
        QCOMPARE(settled.value(clip1).value(Target::M), -2.9999999999999996);
        QCOMPARE(settled.value(clip2).value(Target::T), 0.9);
    }

    void nobodyLabelsUnderTheReservedName()
    {
        QTemporaryDir dir;
        SL_PROJECT_LOCATION(location, dir);
        auto project = Project::create(location, QStringLiteral("p"), sl::LabelScale(sl::LabelScale::Kind::Mosi));
        AnnotatorRepository annotators = project->annotators();
        for (const char *name : {"adjudicated", "Adjudicated", " ADJUDICATED "})
            for (const char *kind : {"human", "dataset", "model"}) {
                try {
                    annotators.ensure(QString::fromLatin1(name), QString::fromLatin1(kind));
                    QFAIL(qPrintable(QStringLiteral("'%1' as %2 must be refused").arg(QLatin1String(name), QLatin1String(kind))));
                } catch (const sl::Error &error) {
                    QVERIFY2(error.message().contains(QLatin1String("reserved for the adjudicated labels")),
                             qPrintable(error.message()));
                    QVERIFY(error.message().contains(project->db().databaseName()));
                }
            }
        QVERIFY(!annotators.find(QStringLiteral("Adjudicated")));
        // The kind belongs to the reserved name only.
        QVERIFY_THROWS_EXCEPTION(sl::Error, annotators.ensure(QStringLiteral("lead"), QStringLiteral("adjudicated")));
        const Annotator made = annotators.ensure(QStringLiteral("adjudicated"), QStringLiteral("adjudicated"));
        QCOMPARE(made.kind, QStringLiteral("adjudicated"));
        // Once it exists, asking for it as a person still fails (the window's "Who is labelling?").
        QVERIFY_THROWS_EXCEPTION(sl::Error, annotators.ensure(QStringLiteral("adjudicated")));
        QCOMPARE(annotators.ensure(QStringLiteral("ana")).kind, QStringLiteral("human"));
    }

    void aRebuildThatBreaksAReferenceIsRolledBack()
    {
        // The foreign-key check that guards table rebuilds: a step that loses a referenced row fails,
        // names the reference, and leaves the project as it was, foreign keys on again.
        if (sl::test::serverStoreRequested())
            QSKIP("SQLite's table rebuild only");
        QTemporaryDir dir;
        const QString database = databaseLocation(dir.path());
        Snapshot before;
        {
            ProjectDatabase v7(database, ProjectDatabase::OpenMode::CreateIfMissing, upToVersion(7));
            fillVersion7(v7.db());
            before = snapshot(v7.db());
        }
        QList<Migration> losing = upToVersion(7);
        Migration broken{8, QStringLiteral("rebuild losing a row"), {
            QStringLiteral("CREATE TABLE annotators_new (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                           "kind TEXT NOT NULL, created_at TEXT NOT NULL)"),
            QStringLiteral("INSERT INTO annotators_new SELECT * FROM annotators WHERE name <> 'bob'"),
            QStringLiteral("DROP TABLE annotators"),
            QStringLiteral("ALTER TABLE annotators_new RENAME TO annotators"),
        }};
        broken.sqliteForeignKeysOff = true;
        losing << broken;
        try {
            ProjectDatabase open(database, ProjectDatabase::OpenMode::MustExist, losing);
            QFAIL("a rebuild that loses a referenced row must fail");
        } catch (const sl::Error &error) {
            QVERIFY2(error.message().contains(QLatin1String("broken reference")), qPrintable(error.message()));
            QVERIFY(error.message().contains(QLatin1String("refers to a missing row of annotators")));
            QVERIFY(error.message().contains(QLatin1String("left as it was (schema version 7)")));
        }
        ProjectDatabase reopened(database, ProjectDatabase::OpenMode::MustExist, upToVersion(7));
        QCOMPARE(schemaVersion(reopened.db()), 7);
        const Snapshot after = snapshot(reopened.db());
        QCOMPARE(after.annotators, before.annotators);
        QCOMPARE(after.labels, before.labels);
        QCOMPARE(after.history, before.history);
        QCOMPARE(after.assignments, before.assignments);
    }
};

QTEST_GUILESS_MAIN(TestAdjudicatedMigration)
#include "test_adjudicated_migration.moc"
