#pragma once
// Translated names and meanings of the label targets, as people see them in the window.
#include "core/common/label_scale.h"

#include <QCoreApplication>
#include <QString>

namespace sl::ui {

class TargetText {
    Q_DECLARE_TR_FUNCTIONS(TargetText)
public:
    static QString meaning(Target target);  // e.g. "T: the words alone"
};

}  // namespace sl::ui
