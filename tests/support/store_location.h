#pragma once
// Where a store test keeps its project: an SQLite file in a temporary folder (the default) or,
// when SENTILENS_TEST_STORE=postgresql, a fresh database in a throwaway PostgreSQL cluster that
// this test process starts once (and stops at exit), with the temporary folder as media root.
// CTest registers the store tests once per back end.
#include <QString>
#include <QTemporaryDir>

namespace sl::test {

bool serverStoreRequested();

// Why the PostgreSQL back end cannot be tested here (empty when it can, or when not requested).
QString serverStoreUnavailable();

// A location for Project::create: `dir` itself (or dir/subfolder) for SQLite, a new empty
// database's URL for PostgreSQL (its media root on this machine is `dir`). Empty when the
// requested back end is unavailable; see SL_PROJECT_LOCATION.
QString newProjectLocation(const QTemporaryDir &dir, const QString &subfolder = {});

// Whether PostgreSQL's server programs are missing (the only reason to skip rather than fail).
bool serverProgramsMissing();

}  // namespace sl::test

// Declares `var` as a new project location in `dir`. Without PostgreSQL's server programs the
// test is skipped with the reason; a cluster that does not start fails it.
#define SL_PROJECT_LOCATION(var, dir)                                                            \
    const QString var = sl::test::newProjectLocation(dir);                                      \
    if (var.isEmpty()) {                                                                        \
        if (sl::test::serverProgramsMissing())                                                  \
            QSKIP(qPrintable(sl::test::serverStoreUnavailable()));                              \
        QFAIL(qPrintable(sl::test::serverStoreUnavailable()));                                  \
    }
