#include "core/io/csv.h"

namespace sl::io {
namespace {

// Walks the text once, character by character; the state that matters across calls is the
// position and the current line number, which records and problems report.
class CsvParser {
public:
    CsvParser(const QString &text, const QString &fileName) : m_text(text), m_fileName(fileName) {}

    CsvTable run()
    {
        while (!atEnd()) {
            if (atLineBreak())
                consumeLineBreak();  // an empty line holds no record
            else
                readRecord();
        }
        return std::move(m_table);
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar current() const { return m_text[m_pos]; }
    bool atLineBreak() const { return !atEnd() && (current() == u'\n' || current() == u'\r'); }
    bool atFieldEnd() const { return atEnd() || atLineBreak() || current() == u','; }

    // Moves past LF, CRLF or a lone CR, appending it to `keep` when given (inside quotes the
    // break is part of the value).
    void consumeLineBreak(QString *keep = nullptr)
    {
        const qsizetype length = current() == u'\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'\n' ? 2 : 1;
        if (keep)
            keep->append(m_text.mid(m_pos, length));
        m_pos += length;
        ++m_line;
    }

    void readRecord()
    {
        CsvRecord record{m_line, {}};
        m_problem.clear();
        m_problemLine = 0;
        for (;;) {
            QString field;
            if (current() == u'"')
                readQuoted(field, int(record.fields.size()) + 1);
            else
                readPlain(field);
            record.fields << field;
            if (atEnd() || atLineBreak())
                break;
            ++m_pos;  // the comma
        }
        if (!atEnd())
            consumeLineBreak();
        if (m_problem.isEmpty())
            m_table.records << record;
        else
            m_table.problems << sl::Problem{m_fileName, m_problemLine, m_problem};
    }

    void readPlain(QString &field)
    {
        const qsizetype start = m_pos;
        while (!atFieldEnd())
            ++m_pos;
        field += m_text.mid(start, m_pos - start);
    }

    void readQuoted(QString &field, int column)
    {
        const int startLine = m_line;
        ++m_pos;  // the opening quote
        for (;;) {
            if (atEnd()) {
                report(startLine, QStringLiteral("field %1 opens a quote that is never closed "
                                                 "(missing closing quote)").arg(column));
                return;
            }
            if (current() == u'"') {
                if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == u'"') {
                    field += u'"';
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            if (atLineBreak()) {
                consumeLineBreak(&field);
                continue;
            }
            field += current();
            ++m_pos;
        }
        if (!atFieldEnd()) {
            // Python keeps such text silently; it nearly always means an undoubled quote inside
            // the field, so it is reported instead of guessed at.
            report(m_line, QStringLiteral("text after the closing quote of field %1 "
                                          "(quotes inside a quoted field must be doubled)").arg(column));
            readPlain(field);
        }
    }

    void report(int line, const QString &message)
    {
        if (!m_problem.isEmpty())
            return;  // the first problem of a record is the one worth reading
        m_problemLine = line;
        m_problem = message;
    }

    const QString &m_text;
    const QString m_fileName;
    qsizetype m_pos = 0;
    int m_line = 1;
    QString m_problem;
    int m_problemLine = 0;
    CsvTable m_table;
};

bool needsQuotes(const QString &field)
{
    for (QChar c : field)
        if (c == u',' || c == u'"' || c == u'\r' || c == u'\n')
            return true;
    return false;
}

}  // namespace

CsvTable parseCsv(const QString &text, const QString &fileName)
{
    return CsvParser(text, fileName).run();
}

QString formatCsvRow(const QStringList &fields)
{
    // A row made of one empty field would otherwise be an empty line, which readers skip;
    // Python writes it as "" for the same reason.
    if (fields.size() == 1 && fields.first().isEmpty())
        return QStringLiteral("\"\"\n");
    QString row;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            row += u',';
        const QString &field = fields[i];
        if (needsQuotes(field))
            row += u'"' + QString(field).replace(u'"', QStringLiteral("\"\"")) + u'"';
        else
            row += field;
    }
    row += u'\n';
    return row;
}

}  // namespace sl::io
