#include "ui/target_text.h"

namespace sl::ui {

QString TargetText::meaning(Target target)
{
    switch (target) {
    case Target::M: return tr("M: the clip as a whole");
    case Target::T: return tr("T: the words alone");
    case Target::A: return tr("A: the voice alone");
    case Target::V: return tr("V: the face alone");
    }
    return {};
}

}  // namespace sl::ui
