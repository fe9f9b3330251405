#pragma once
// Light and dark palettes (Fusion style), or the system's own look.
#include <QString>

namespace sl::ui {

enum class Theme { System, Light, Dark };

QString themeName(Theme theme);              // "system", "light", "dark"
Theme themeFromName(const QString &name);    // unknown names give System
void applyTheme(Theme theme);

}  // namespace sl::ui
