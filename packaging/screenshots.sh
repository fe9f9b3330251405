#!/usr/bin/env bash
# Screenshots of the main window on the demo project: each review mode, light and dark, as PNG.
#   packaging/screenshots.sh [OUT_DIR] [PROJECT]   (defaults: docs/screenshots, demo-project)
# Runs headless (offscreen platform); builds nothing, so run packaging/build.sh first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs/screenshots}"
project="${2:-$root/demo-project}"
bin="${SENTILENS_BIN:-$root/build/release/app}"
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen QT_MEDIA_BACKEND=ffmpeg
# A private settings folder, so the screenshots do not depend on (or change) the user's layout.
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME
"$bin/sentilens-cli" demo "$project" >/dev/null
"$bin/sentilens-cli" extract "$project" >/dev/null 2>&1 || true
for theme in light dark; do
  for mode in all text audio video; do
    "$bin/sentilens" "$project" --annotator demo --theme "$theme" --review-mode "$mode" \
      --size 1600x1000 --select 4 --screenshot "$out/main-$mode-$theme.png" >/dev/null 2>&1
    echo "$out/main-$mode-$theme.png"
  done
done
# The retraining workbench (needs trained models in the project for the registry, comparison and
# review queue to show anything: sentilens-cli train).
for part in train models compare review; do
  "$bin/sentilens" "$project" --annotator demo --size 1600x1000 --show "$part" \
    --screenshot "$out/workbench-$part.png" >/dev/null 2>&1
  echo "$out/workbench-$part.png"
done
