#pragma once
// The word lists and constants behind VADER's rules (Hutto & Gilbert 2014): which words negate,
// which intensify or soften the word after them, and the empirically derived sizes of those
// effects. Words are given lower case.
#include <QString>
#include <QStringList>
#include <optional>

namespace sl::language::vader {

inline constexpr double kBoost = 0.293;          // a booster adds this much valence, a dampener takes it away
inline constexpr double kCapsEmphasis = 0.733;   // a word in capitals among lower-case words
inline constexpr double kNegation = -0.74;       // a negated valence flips and shrinks by this factor
inline constexpr double kNormalisationAlpha = 15.0;
inline constexpr int kWindow = 3;                // how many preceding words can modify a word

// "not", "never", "without", ... and any word containing "n't".
bool isNegator(const QString &lowerWord);

// +kBoost for boosters ("very", "extremely"), -kBoost for dampeners ("slightly", "kinda"), else 0.
double boosterScalar(const QString &lowerWord);

// Two-word dampeners ("kind of", "sort of", "just enough"), given as "first second".
bool isDampenerPhrase(const QString &lowerPhrase);

// Fixed expressions whose valence replaces that of their words ("the bomb", "yeah right"), given
// as words joined by single spaces.
std::optional<double> idiomValence(const QString &lowerPhrase);

// Python's str.isupper as VADER uses it: at least one cased letter and no lower-case letter.
bool isAllCaps(const QString &word);

}  // namespace sl::language::vader
