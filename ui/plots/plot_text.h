#pragma once
// Translation of the text the plotting functions draw. They are free functions, not QObjects, so
// lupdate files their tr() calls under the namespace's name: this tr() looks them up there.
#include <QCoreApplication>
#include <QString>

namespace sl::plots {

inline QString tr(const char *text) { return QCoreApplication::translate("sl::plots", text); }

}  // namespace sl::plots
