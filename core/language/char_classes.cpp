#include "core/language/char_classes.h"

#include <QChar>
#include <array>
#include <utility>

namespace sl::language {

bool isCjkIdeograph(char32_t c)
{
    static constexpr std::array<std::pair<char32_t, char32_t>, 8> ranges{{
        {0x4E00, 0x9FFF},   {0x3400, 0x4DBF},   {0x20000, 0x2A6DF}, {0x2A700, 0x2B73F},
        {0x2B740, 0x2B81F}, {0x2B820, 0x2CEAF}, {0xF900, 0xFAFF},   {0x2F800, 0x2FA1F},
    }};
    for (const auto &[first, last] : ranges)
        if (c >= first && c <= last)
            return true;
    return false;
}

bool isWordCharacter(char32_t c)
{
    if (QChar::isLetterOrNumber(c))
        return true;
    const QChar::Category category = QChar::category(c);
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining || category == QChar::Mark_Enclosing;
}

bool isSpaceCharacter(char32_t c)
{
    // Control characters (tabs aside, which isSpace covers) separate tokens like spaces do.
    return QChar::isSpace(c) || QChar::category(c) == QChar::Other_Control || QChar::category(c) == QChar::Other_Format;
}

bool isPunctuationOrSymbol(char32_t c)
{
    return !isSpaceCharacter(c) && !isWordCharacter(c);
}

}  // namespace sl::language
