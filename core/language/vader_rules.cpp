#include "core/language/vader_rules.h"

#include <QHash>
#include <QSet>

namespace sl::language::vader {

bool isNegator(const QString &lowerWord)
{
    // Contractions without their apostrophe are listed because informal text drops it; the
    // apostrophe forms are caught by the "n't" test.
    static const QSet<QString> negators{
        QStringLiteral("not"), QStringLiteral("never"), QStringLiteral("neither"),
        QStringLiteral("nor"), QStringLiteral("none"), QStringLiteral("nope"), QStringLiteral("nothing"),
        QStringLiteral("nowhere"), QStringLiteral("without"), QStringLiteral("rarely"), QStringLiteral("seldom"),
        QStringLiteral("despite"), QStringLiteral("cannot"), QStringLiteral("uhuh"), QStringLiteral("uh-uh"),
        QStringLiteral("aint"), QStringLiteral("arent"), QStringLiteral("cant"), QStringLiteral("couldnt"),
        QStringLiteral("darent"), QStringLiteral("didnt"), QStringLiteral("doesnt"), QStringLiteral("dont"),
        QStringLiteral("hadnt"), QStringLiteral("hasnt"), QStringLiteral("havent"), QStringLiteral("isnt"),
        QStringLiteral("mightnt"), QStringLiteral("mustnt"), QStringLiteral("neednt"), QStringLiteral("oughtnt"),
        QStringLiteral("shant"), QStringLiteral("shouldnt"), QStringLiteral("wasnt"), QStringLiteral("werent"),
        QStringLiteral("wont"), QStringLiteral("wouldnt")};
    return negators.contains(lowerWord) || lowerWord.contains(QStringLiteral("n't"));
}

double boosterScalar(const QString &lowerWord)
{
    static const QSet<QString> boosters{
        QStringLiteral("absolutely"), QStringLiteral("amazingly"), QStringLiteral("awfully"), QStringLiteral("completely"),
        QStringLiteral("considerably"), QStringLiteral("decidedly"), QStringLiteral("deeply"), QStringLiteral("effing"),
        QStringLiteral("enormously"), QStringLiteral("entirely"), QStringLiteral("especially"), QStringLiteral("exceptionally"),
        QStringLiteral("extremely"), QStringLiteral("fabulously"), QStringLiteral("flipping"), QStringLiteral("flippin"),
        QStringLiteral("fricking"), QStringLiteral("frickin"), QStringLiteral("frigging"), QStringLiteral("friggin"),
        QStringLiteral("fully"), QStringLiteral("fucking"), QStringLiteral("greatly"), QStringLiteral("hella"),
        QStringLiteral("highly"), QStringLiteral("hugely"), QStringLiteral("incredibly"), QStringLiteral("intensely"),
        QStringLiteral("majorly"), QStringLiteral("more"), QStringLiteral("most"), QStringLiteral("particularly"),
        QStringLiteral("purely"), QStringLiteral("quite"), QStringLiteral("really"), QStringLiteral("remarkably"),
        QStringLiteral("so"), QStringLiteral("substantially"), QStringLiteral("thoroughly"), QStringLiteral("totally"),
        QStringLiteral("tremendously"), QStringLiteral("uber"), QStringLiteral("unbelievably"), QStringLiteral("unusually"),
        QStringLiteral("utterly"), QStringLiteral("very")};
    static const QSet<QString> dampeners{
        QStringLiteral("almost"), QStringLiteral("barely"), QStringLiteral("hardly"), QStringLiteral("kinda"),
        QStringLiteral("kindof"), QStringLiteral("kind-of"), QStringLiteral("less"), QStringLiteral("little"),
        QStringLiteral("marginally"), QStringLiteral("occasionally"), QStringLiteral("partly"), QStringLiteral("scarcely"),
        QStringLiteral("slightly"), QStringLiteral("somewhat"), QStringLiteral("sorta"), QStringLiteral("sortof"),
        QStringLiteral("sort-of")};
    if (boosters.contains(lowerWord))
        return kBoost;
    return dampeners.contains(lowerWord) ? -kBoost : 0.0;
}

bool isDampenerPhrase(const QString &lowerPhrase)
{
    return lowerPhrase == u"kind of" || lowerPhrase == u"sort of" || lowerPhrase == u"just enough";
}

std::optional<double> idiomValence(const QString &lowerPhrase)
{
    static const QHash<QString, double> idioms{
        {QStringLiteral("the shit"), 3.0},        {QStringLiteral("the bomb"), 3.0},
        {QStringLiteral("bad ass"), 1.5},         {QStringLiteral("yeah right"), -2.0},
        {QStringLiteral("cut the mustard"), 2.0}, {QStringLiteral("kiss of death"), -1.5},
        {QStringLiteral("hand to mouth"), -2.0}};
    const auto it = idioms.constFind(lowerPhrase);
    return it == idioms.constEnd() ? std::nullopt : std::optional<double>(*it);
}

bool isAllCaps(const QString &word)
{
    bool anyUpper = false;
    for (char32_t c : word.toUcs4()) {
        if (QChar::isLower(c))
            return false;
        anyUpper = anyUpper || QChar::isUpper(c);
    }
    return anyUpper;
}

}  // namespace sl::language::vader
