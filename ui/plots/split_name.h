#pragma once
// A dataset split's name as the interface shows it: train, valid and test in the interface
// language (the project stores them in English, and filters and exports keep the English names);
// any other split name is shown as it is. Asked each time a text is built, so that a language
// change shows at the next repaint.
#include <QCoreApplication>
#include <QString>

namespace sl::plots {

inline QString splitName(const QString &split)
{
    if (split == QLatin1String("train"))
        return QCoreApplication::translate("sl::plots::Splits", "train");
    if (split == QLatin1String("valid"))
        return QCoreApplication::translate("sl::plots::Splits", "valid");
    if (split == QLatin1String("test"))
        return QCoreApplication::translate("sl::plots::Splits", "test");
    return split;
}

}  // namespace sl::plots
