#pragma once
// MMSA's label.csv: one row per clip with its ids, transcript, labels and split. Columns are found
// by name, so MMSA's order, MOSEI's order and any other order read alike; columns this program
// does not know are carried along so that a file written back keeps them.
#include "core/common/error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace sl::io {

struct LabelCsvRow {
    int line = 0;  // where the row starts in the file it was read from
    QString videoId, clipId, text;  // kept exactly as written (ids may have leading zeros)
    double label = 0;
    std::optional<double> labelT, labelA, labelV;  // empty cells (MOSI/MOSEI) are absent values
    QString annotation;
    QString mode;  // train, valid or test
    QStringList extraValues;  // values of the file's extraColumns, in the same order
};

struct LabelCsvFile {
    QString path;
    QStringList header;        // as written in the file
    QStringList extraColumns;  // header names other than the nine known ones, in file order
    QList<LabelCsvRow> rows;   // the rows without problems
    QList<sl::Problem> problems;
};

// The nine columns in MMSA's order: video_id, clip_id, text, label, label_T, label_A, label_V,
// annotation, mode.
QStringList mmsaLabelCsvHeader();

// Reads a label.csv. Throws sl::Error only when the whole file is unusable: unreadable, not UTF-8,
// empty, missing one of the required columns video_id, clip_id, label and mode, or naming a known
// column twice. A bad row (wrong field count, empty or unsafe id, label that is not a number,
// unknown split, clip listed twice) becomes a problem with file and line and is left out of rows.
// Label ranges and clip files are not checked here.
LabelCsvFile readLabelCsv(const QString &path);

// Writes rows with the columns of `header`, in its order; a header name that is not one of the
// nine known columns takes the row's extraValues in turn. Numbers are written as Python's repr()
// does, so a file written by pandas is reproduced byte for byte. The file is replaced only once
// it has been written completely; on failure sl::Error naming the file is thrown.
void writeLabelCsv(const QString &path, const QStringList &header, const QList<LabelCsvRow> &rows);

}  // namespace sl::io
