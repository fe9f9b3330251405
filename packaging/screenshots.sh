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
# Issue 17's layout and first start, at the two screen sizes the window was tried at: the default
# layout (fresh settings, so no layout saved above), the start page (listing this project), and a
# new empty project's note on extracting features.
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME
for theme in light dark; do
  for size in 1920x1080 1366x768; do
    "$bin/sentilens" "$project" --annotator demo --theme "$theme" --size "$size" \
      --screenshot "$out/layout-default-${size#*x}-$theme.png" >/dev/null 2>&1
    "$bin/sentilens" --theme "$theme" --size "$size" --screenshot "$out/start-${size#*x}-$theme.png" >/dev/null 2>&1
    echo "$out/layout-default-${size#*x}-$theme.png $out/start-${size#*x}-$theme.png"
  done
done
empty="$(mktemp -d)/new-project"
"$bin/sentilens-cli" init "$empty" >/dev/null
"$bin/sentilens" "$empty" --theme dark --size 1366x768 --screenshot "$out/new-project-768-dark.png" >/dev/null 2>&1
echo "$out/new-project-768-dark.png"
# Issue 17's Jobs dock, floating at the width of the window: the window's extraction and prediction
# and a training rehearsal (on a scratch copy) on the application's job queue.
for spec in "1920x1080 light" "1366x768 light" "1366x768 dark"; do
  set -- $spec
  "$bin/sentilens" "$project" --annotator demo --theme "$2" --size "$1" --show jobs \
    --screenshot "$out/jobs-dock-${1#*x}-$2.png" >/dev/null 2>&1
  echo "$out/jobs-dock-${1#*x}-$2.png"
done
# Issue 17's language switch, dark icons and presentation, at both screen sizes, in English and
# Chinese: the window (light and dark; the transport and toolbar icons in the dark theme, the
# lanes, split names and headers in Chinese) and the presentation (always dark; its texts fitted).
# SENTILENS_LANGUAGE picks the language as View > Language does.
XDG_CONFIG_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME
for language in en zh_CN; do
  for size in 1920x1080 1366x768; do
    for theme in light dark; do
      SENTILENS_LANGUAGE="$language" "$bin/sentilens" "$project" --annotator demo --theme "$theme" --size "$size" \
        --select 3 --screenshot "$out/window-${size#*x}-$theme-${language%_CN}.png" >/dev/null 2>&1
      echo "$out/window-${size#*x}-$theme-${language%_CN}.png"
    done
    SENTILENS_LANGUAGE="$language" "$bin/sentilens" "$project" --annotator demo --size "$size" --present \
      --screenshot "$out/presentation-${size#*x}-${language%_CN}.png" >/dev/null 2>&1
    echo "$out/presentation-${size#*x}-${language%_CN}.png"
  done
done
# Issue 15's out-of-distribution flag, on a scratch copy of the project: a KAN-MCP model is trained,
# clip 4's stored acoustic and visual features are multiplied by 3 (as test_ml_input_envelope and
# tests/ml/measure_envelope_demo.py make a clip outside the training data), and predict stores the
# verdict. Shown: the window with that clip selected (clip list's Model M column "-3.00 ⚠ A, V",
# the Model panel's warning, the timeline's lanes) and its contribution view (banner, marked
# ticks), light at both screen sizes and dark at 1366x768.
outside="$(mktemp -d)/outside-project"
cp -a "$project" "$outside"
"$bin/sentilens-cli" train "$outside" --arch kan-mcp >/dev/null 2>&1
/usr/bin/python3 - "$outside/project.sqlite" <<'EOF'
import sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT f.feature_set_id, f.data FROM clip_features f JOIN feature_sets s ON s.id = f.feature_set_id "
                  "WHERE f.clip_id = 4 AND s.modality IN ('A', 'V') AND f.frames > 0").fetchall()
for set_id, data in rows:
    values = struct.unpack("<%df" % (len(data) // 4), data)
    db.execute("UPDATE clip_features SET data = ? WHERE feature_set_id = ? AND clip_id = 4",
               (struct.pack("<%df" % len(values), *(3 * v for v in values)), set_id))
db.commit()
EOF
"$bin/sentilens-cli" predict "$outside" >/dev/null 2>&1
for spec in "1920x1080 light" "1366x768 light" "1366x768 dark"; do
  set -- $spec
  "$bin/sentilens" "$outside" --annotator demo --theme "$2" --size "$1" --select 4 \
    --screenshot "$out/window-outside-flag-${1#*x}-$2.png" >/dev/null 2>&1
  "$bin/sentilens" "$outside" --annotator demo --theme "$2" --size "$1" --select 4 --explain contributions \
    --screenshot "$out/contributions-outside-flag-${1#*x}-$2.png" >/dev/null 2>&1
  echo "$out/window-outside-flag-${1#*x}-$2.png $out/contributions-outside-flag-${1#*x}-$2.png"
done
