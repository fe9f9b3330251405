#!/usr/bin/env bash
# README command 1: set up everything, build, prepare the demo project, run the headless pipeline
# on it (printing what it did), then open it in the desktop application when there is a display.
# SENTILENS_HEADLESS=1 skips the desktop application.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
packaging/build.sh "$@"

cli="$root/build/release/app/sentilens-cli"
project="${SENTILENS_DEMO_PROJECT:-$root/demo-project}"
export QT_MEDIA_BACKEND=ffmpeg

echo "== demo project: $project"
"$cli" demo "$project"
echo "== compute device"
"$cli" device
echo "== project summary"
"$cli" stats "$project"
echo "== features (acoustic, visual, text; only what is missing)"
"$cli" extract "$project" || echo "(some clips could not be read; see above)"
if ! "$cli" evaluate "$project" --split test >/dev/null 2>&1; then
  # The same command and defaults as README's model table, so the numbers printed below are the
  # table's row for this architecture.
  echo "== training a model (CaMIB, the best on the demo project in README's table; default settings) on the train split"
  "$cli" train "$project" --arch camib
fi
echo "== the active model on the test split"
"$cli" evaluate "$project" --split test
echo "== first clips"
"$cli" list "$project" | sed -n "1,12p"  # sed reads to the end: no SIGPIPE under pipefail
echo "== export of the labels as MMSA label.csv"
mkdir -p "$project/export"
"$cli" export "$project" --out "$project/export/label.csv"

gui="$root/build/release/app/sentilens"
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -z "${SENTILENS_HEADLESS:-}" ]]; then
  echo "== opening the demo project in SentiLens${SENTILENS_PRESENT:+ (presentation mode)}"
  exec "$gui" ${SENTILENS_PRESENT:+--present} "$project"
else
  echo "== no display: the desktop application was not started."
  echo "   On a desktop, run: $gui $project"
  echo "   Headless screenshot: QT_QPA_PLATFORM=offscreen $gui $project --annotator demo --screenshot shot.png"
fi
