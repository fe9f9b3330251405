#pragma once
// The VADER sentiment lexicon: mean human valence ratings (-4..+4) of 7,503 words, slang terms and
// emoticons (7,517 lines: 14 tokens appear twice, and the later line wins, as in VADER itself). The lexicon of npm vader-sentiment 1.1.3 is compiled into the library (see
// resources/language/ATTRIBUTION.md); a user may load another file of the same format.
#include <QByteArray>
#include <QHash>
#include <QString>
#include <optional>

namespace sl::language {

class VaderLexicon {
public:
    // Parses "token<TAB>mean[<TAB>...]" lines. Throws sl::Error naming fileName and the line of the
    // first line without a token and a numeric mean, or when no entries were found.
    static VaderLexicon parse(const QByteArray &text, const QString &fileName);
    // Reads a lexicon file (UTF-8). Throws sl::Error naming the file.
    static VaderLexicon load(const QString &path);
    // The bundled lexicon, parsed once (thread-safe).
    static const VaderLexicon &bundled();

    // Entries are looked up as written; VADER's entries are lower case, so pass lower-cased words.
    std::optional<double> valence(const QString &token) const;
    bool contains(const QString &token) const { return m_valence.contains(token); }
    int size() const { return int(m_valence.size()); }
    // Every entry, token -> mean valence (e.g. to fit a valence axis in word-vector space).
    const QHash<QString, double> &entries() const { return m_valence; }

private:
    QHash<QString, double> m_valence;
};

}  // namespace sl::language
