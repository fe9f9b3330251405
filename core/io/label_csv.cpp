#include "core/io/label_csv.h"

#include "core/common/number_format.h"
#include "core/io/csv.h"
#include "core/io/file_error.h"
#include "core/io/label_csv_checks.h"
#include "core/io/text_decoding.h"
#include "core/store/atomic_file.h"

#include <QHash>
#include <array>

namespace sl::io {
namespace {

enum Column { VideoId, ClipId, Text, Label, LabelT, LabelA, LabelV, Annotation, Mode, kColumnCount };

// In MMSA's order; the enum above follows it.
const std::array<QString, kColumnCount> kColumnNames = {
    QStringLiteral("video_id"), QStringLiteral("clip_id"), QStringLiteral("text"),
    QStringLiteral("label"),    QStringLiteral("label_T"), QStringLiteral("label_A"),
    QStringLiteral("label_V"),  QStringLiteral("annotation"), QStringLiteral("mode"),
};
constexpr Column kRequired[] = {VideoId, ClipId, Label, Mode};

// Which column stands at each position of a header, and where each known column is.
struct ColumnLayout {
    QList<std::optional<Column>> columnAt;  // nullopt: a column this program does not know
    std::array<qsizetype, kColumnCount> position{};  // -1 when the column is absent
};

std::optional<Column> columnNamed(const QString &name)
{
    // Blanks around a name are a spreadsheet's doing, not a different column.
    const QString trimmed = name.trimmed();
    for (int c = 0; c < kColumnCount; ++c)
        if (kColumnNames[c] == trimmed)
            return Column(c);
    return std::nullopt;
}

// Throws when a known column appears twice (which one would count?) or a required one is absent.
ColumnLayout layoutOf(const QStringList &header, const QString &path, int line)
{
    ColumnLayout layout;
    layout.position.fill(-1);
    for (qsizetype i = 0; i < header.size(); ++i) {
        const std::optional<Column> column = columnNamed(header[i]);
        layout.columnAt << column;
        if (!column)
            continue;
        if (layout.position[*column] >= 0)
            throwFileError(path, line, QStringLiteral("column '%1' appears more than once").arg(kColumnNames[*column]));
        layout.position[*column] = i;
    }
    QStringList missing;
    for (Column c : kRequired)
        if (layout.position[c] < 0)
            missing << kColumnNames[c];
    if (!missing.isEmpty())
        throwFileError(path, line, QStringLiteral("missing required column(s) %1 (the header has: %2)")
                                       .arg(missing.join(QStringLiteral(", ")), header.join(QStringLiteral(", "))));
    return layout;
}

// Turns one record into a row, adding a sentence to `issues` for everything wrong with it.
class RowReader {
public:
    RowReader(const CsvRecord &record, const ColumnLayout &layout, QStringList &issues)
        : m_record(record), m_layout(layout), m_issues(issues)
    {
    }

    LabelCsvRow read()
    {
        LabelCsvRow row;
        row.line = m_record.line;
        row.videoId = id(VideoId);
        row.clipId = id(ClipId);
        row.text = cell(Text);
        const QString label = cell(Label);
        if (label.trimmed().isEmpty())
            m_issues << QStringLiteral("empty label (a number is required)");
        row.label = number(Label).value_or(0);
        row.labelT = number(LabelT);
        row.labelA = number(LabelA);
        row.labelV = number(LabelV);
        row.annotation = cell(Annotation);
        row.mode = cell(Mode);
        const QString splitIssue = checkSplit(row.mode);
        if (!splitIssue.isEmpty())
            m_issues << splitIssue;
        for (qsizetype i = 0; i < m_layout.columnAt.size(); ++i) {
            if (!m_layout.columnAt[i])
                row.extraValues << m_record.fields[i];
            // NUL is valid UTF-8 but never text: passed on to C interfaces it cuts the value short.
            // (The ids have their own check above.)
            const bool isId = m_layout.columnAt[i] == VideoId || m_layout.columnAt[i] == ClipId;
            if (!isId && m_record.fields[i].contains(QChar(0)))
                m_issues << QStringLiteral("field %1 contains a NUL character").arg(i + 1);
        }
        return row;
    }

private:
    QString cell(Column c) const
    {
        const qsizetype at = m_layout.position[c];
        return at < 0 ? QString() : m_record.fields[at];
    }

    QString id(Column c)
    {
        const QString value = cell(c);
        if (value.isEmpty()) {
            m_issues << QStringLiteral("empty %1").arg(kColumnNames[c]);
        } else if (const QString why = checkDatasetId(value); !why.isEmpty()) {
            m_issues << QStringLiteral("unsafe %1 '%2': %3 (ids name files inside the dataset folder)")
                            .arg(kColumnNames[c], value, why);
        }
        return value;
    }

    // An empty cell is an absent value; the caller decides whether that is allowed.
    std::optional<double> number(Column c)
    {
        const QString text = cell(c);
        if (text.trimmed().isEmpty())
            return std::nullopt;
        const std::optional<double> value = sl::parseNumber(text);
        if (!value)
            m_issues << QStringLiteral("%1 '%2' is not a number").arg(kColumnNames[c], text);
        return value;
    }

    const CsvRecord &m_record;
    const ColumnLayout &m_layout;
    QStringList &m_issues;
};

QString numberCell(const std::optional<double> &value)
{
    return value ? sl::formatLabelValue(*value) : QString();
}

QString cellOf(const LabelCsvRow &row, Column c)
{
    switch (c) {
    case VideoId: return row.videoId;
    case ClipId: return row.clipId;
    case Text: return row.text;
    case Label: return sl::formatLabelValue(row.label);
    case LabelT: return numberCell(row.labelT);
    case LabelA: return numberCell(row.labelA);
    case LabelV: return numberCell(row.labelV);
    case Annotation: return row.annotation;
    case Mode: return row.mode;
    case kColumnCount: break;
    }
    return {};
}

}  // namespace

QStringList mmsaLabelCsvHeader()
{
    return QStringList(kColumnNames.begin(), kColumnNames.end());
}

LabelCsvFile readLabelCsv(const QString &path)
{
    CsvTable table = parseCsv(readUtf8File(path), path);
    // A broken header swallows the real one; reading on would only report misleading columns.
    if (!table.problems.isEmpty() && (table.records.isEmpty() || table.problems[0].line < table.records[0].line))
        throw sl::Error(table.problems[0].toString());
    if (table.records.isEmpty())
        throwFileError(path, 0, QStringLiteral("empty file (expected a header naming the columns "
                                               "video_id, clip_id, label and mode)"));

    LabelCsvFile file;
    file.path = path;
    file.header = table.records[0].fields;
    file.problems = table.problems;
    // An unnamed column is often a known column whose name was lost (its labels would silently
    // go missing). The first column is let through: pandas writes its index there, unnamed.
    for (qsizetype i = 1; i < file.header.size(); ++i)
        if (file.header[i].trimmed().isEmpty())
            throwFileError(path, table.records[0].line, QStringLiteral("column %1 of the header has no name").arg(i + 1));
    const ColumnLayout layout = layoutOf(file.header, path, table.records[0].line);
    for (qsizetype i = 0; i < file.header.size(); ++i)
        if (!layout.columnAt[i])
            file.extraColumns << file.header[i];

    QHash<std::pair<QString, QString>, int> firstLine;  // (video_id, clip_id) -> line
    for (qsizetype r = 1; r < table.records.size(); ++r) {
        const CsvRecord &record = table.records[r];
        QStringList issues;
        LabelCsvRow row;
        if (record.fields.size() != file.header.size()) {
            issues << QStringLiteral("expected %1 fields, found %2").arg(file.header.size()).arg(record.fields.size());
        } else {
            row = RowReader(record, layout, issues).read();
            const auto key = std::pair(row.videoId, row.clipId);
            if (issues.isEmpty() && firstLine.contains(key))
                issues << QStringLiteral("duplicate clip %1/%2, first seen on line %3")
                              .arg(row.videoId, row.clipId)
                              .arg(firstLine.value(key));
        }
        for (const QString &issue : issues)
            file.problems << sl::Problem{path, record.line, issue};
        if (issues.isEmpty()) {
            firstLine.insert(std::pair(row.videoId, row.clipId), record.line);
            file.rows << row;
        }
    }
    return file;
}

void writeLabelCsv(const QString &path, const QStringList &header, const QList<LabelCsvRow> &rows)
{
    const ColumnLayout layout = layoutOf(header, path, 0);
    QString text = formatCsvRow(header);
    for (const LabelCsvRow &row : rows) {
        QStringList fields;
        qsizetype extra = 0;
        for (const std::optional<Column> &column : layout.columnAt)
            fields << (column ? cellOf(row, *column) : row.extraValues.value(extra++));
        text += formatCsvRow(fields);
    }

    // A failure midway (full disk) leaves the previous file (or none), never a truncated one.
    store::writeFileAtomically(path, text.toUtf8());
}

}  // namespace sl::io
