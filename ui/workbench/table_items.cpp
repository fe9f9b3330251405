#include "ui/workbench/table_items.h"

#include <QHeaderView>
#include <QTableWidget>

namespace sl::ui {

namespace {
constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kIdColumn = 0;
}  // namespace

QTableWidget *makeTable(const QStringList &headers)
{
    auto *table = new QTableWidget(0, int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    return table;
}

void setTextItem(QTableWidget *table, int row, int column, const QString &text)
{
    table->setItem(row, column, new QTableWidgetItem(text));
}

void setNumberItem(QTableWidget *table, int row, int column, std::optional<double> value)
{
    auto *item = new QTableWidgetItem;
    if (value) {
        item->setData(Qt::DisplayRole, QString::number(*value, 'f', 3));
        item->setData(Qt::UserRole, *value);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    table->setItem(row, column, item);
}

void setIdItem(QTableWidget *table, int row, qint64 id, const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setData(kIdRole, id);
    table->setItem(row, kIdColumn, item);
}

qint64 rowId(const QTableWidget *table, int row)
{
    const QTableWidgetItem *item = table->item(row, kIdColumn);
    return item ? item->data(kIdRole).toLongLong() : 0;
}

}  // namespace sl::ui
