#!/usr/bin/env bash
# Refreshes the translation sources from the code (run after changing user-visible strings), then
# translate the new entries (Qt Linguist, or by editing the .ts file). The build compiles them.
# Headers are passed before sources so that lupdate knows the namespaces of the classes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
lupdate=/usr/lib/qt6/bin/lupdate
files=$(ls ui/*.h ui/*/*.h 2>/dev/null; ls ui/*.cpp ui/*/*.cpp app/gui/*.cpp 2>/dev/null)
# shellcheck disable=SC2086
"$lupdate" -no-obsolete -I . $files -ts translations/sentilens_zh_CN.ts
