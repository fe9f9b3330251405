#include "core/language/vader_lexicon.h"

#include "core/common/error.h"
#include "core/language/file_bytes.h"

namespace sl::language {

VaderLexicon VaderLexicon::parse(const QByteArray &text, const QString &fileName)
{
    VaderLexicon lexicon;
    const QList<QByteArray> lines = text.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        if (line.trimmed().isEmpty())
            continue;
        const QList<QByteArray> fields = line.split('\t');
        bool numeric = false;
        const double mean = fields.size() >= 2 ? fields[1].toDouble(&numeric) : 0.0;
        const QString token = QString::fromUtf8(fields[0]);
        if (token.isEmpty() || !numeric)
            throw Error(Problem{fileName, i + 1, QStringLiteral("expected a token, a tab and a mean valence")}.toString());
        lexicon.m_valence.insert(token, mean);
    }
    if (lexicon.m_valence.isEmpty())
        throw Error(QStringLiteral("%1: the lexicon has no entries").arg(fileName));
    return lexicon;
}

VaderLexicon VaderLexicon::load(const QString &path)
{
    return parse(readFileBytes(path, QStringLiteral("the sentiment lexicon")), path);
}

const VaderLexicon &VaderLexicon::bundled()
{
    static const VaderLexicon lexicon = load(QStringLiteral(":/language/vader_lexicon.txt"));
    return lexicon;
}

std::optional<double> VaderLexicon::valence(const QString &token) const
{
    const auto it = m_valence.constFind(token);
    if (it == m_valence.constEnd())
        return std::nullopt;
    return *it;
}

}  // namespace sl::language
