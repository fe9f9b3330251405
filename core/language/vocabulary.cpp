#include "core/language/vocabulary.h"

#include <QCryptographicHash>
#include <algorithm>
#include <vector>

namespace sl::language {

Vocabulary::Vocabulary() : Vocabulary(QStringList{}) {}

Vocabulary::Vocabulary(QStringList tokens)
{
    m_tokens << QStringLiteral("[PAD]") << QStringLiteral("[UNK]") << tokens;
    for (int i = 0; i < m_tokens.size(); ++i)
        m_ids.insert(m_tokens[i], i);
}

Vocabulary Vocabulary::build(const QList<QStringList> &texts, int minCount, int maxSize)
{
    QHash<QString, int> counts;
    const Vocabulary specials;
    for (const QStringList &text : texts)
        for (const QString &token : text)
            if (!specials.m_ids.contains(token))
                ++counts[token];
    std::vector<std::pair<QString, int>> ranked;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() >= minCount)
            ranked.emplace_back(it.key(), it.value());
    std::sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (maxSize > 0)
        ranked.resize(std::min<size_t>(ranked.size(), size_t(std::max(0, maxSize - 2))));
    QStringList tokens;
    for (const auto &entry : ranked)
        tokens << entry.first;
    return Vocabulary(tokens);
}

QString Vocabulary::fingerprint() const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &token : m_tokens) {
        hash.addData(token.toUtf8());
        hash.addData(QByteArrayView("\n"));
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

}  // namespace sl::language
