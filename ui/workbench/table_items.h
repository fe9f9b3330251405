#pragma once
// Read-only table cells shared by the workbench docks: numbers with three decimals (the exact value
// kept under Qt::UserRole), and rows that carry the id (clip or model) they stand for.
#include <QStringList>
#include <optional>

class QTableWidget;

namespace sl::ui {

// A read-only, whole-row-selecting table with these column headers.
QTableWidget *makeTable(const QStringList &headers);
void setTextItem(QTableWidget *table, int row, int column, const QString &text);
// Empty when there is no value.
void setNumberItem(QTableWidget *table, int row, int column, std::optional<double> value);
// The row's first cell, carrying the row's id, read back with rowId().
void setIdItem(QTableWidget *table, int row, qint64 id, const QString &text);
qint64 rowId(const QTableWidget *table, int row);

}  // namespace sl::ui
