#pragma once
// RFC 4180 CSV, read and written the way Python's csv module and pandas do it, so that files
// made by MMSA tooling come through unchanged.
#include "core/common/error.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace sl::io {

struct CsvRecord {
    int line = 0;  // 1-based line where the record starts (a quoted field may span lines)
    QStringList fields;
};

struct CsvTable {
    QList<CsvRecord> records;
    QList<sl::Problem> problems;  // records with a problem are left out of `records`
};

// Splits text into records. Quoted fields may hold commas, doubled quotes and line breaks
// (kept as written, CRLF or LF). Records end at LF, CRLF or CR; empty lines are skipped. A quote
// that is never closed, or text right after a closing quote, becomes a problem naming fileName
// and the line, and the record concerned is left out.
CsvTable parseCsv(const QString &text, const QString &fileName);

// One row, ending in "\n", quoted minimally as Python's csv module and pandas' to_csv do: a
// field is quoted only when it holds a comma, a quote, CR or LF, and its quotes are doubled.
QString formatCsvRow(const QStringList &fields);

}  // namespace sl::io
