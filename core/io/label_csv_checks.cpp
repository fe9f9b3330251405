#include "core/io/label_csv_checks.h"

namespace sl::io {

QStringList labelSplits()
{
    return {QStringLiteral("train"), QStringLiteral("valid"), QStringLiteral("test")};
}

QString checkDatasetId(const QString &id)
{
    // Separators of both systems are refused: a dataset made on Linux may be opened on Windows.
    for (QChar c : id) {
        if (c == u'/' || c == u'\\')
            return QStringLiteral("contains '%1'").arg(c);
        if (c.category() == QChar::Other_Control)
            return QStringLiteral("contains the control character U+%1")
                .arg(QString::number(c.unicode(), 16).toUpper().rightJustified(4, u'0'));
    }
    if (id == u"." || id == u"..")
        return QStringLiteral("is '%1'").arg(id);
    // "C:name" is relative to the current folder of drive C on Windows, not to the dataset.
    if (id.size() >= 2 && id[0].isLetter() && id[0].unicode() < 0x80 && id[1] == u':')
        return QStringLiteral("starts with a drive letter");
    return {};
}

QString checkSplit(const QString &mode)
{
    if (labelSplits().contains(mode))
        return {};
    return QStringLiteral("unknown split '%1' (expected train, valid or test)").arg(mode);
}

}  // namespace sl::io
