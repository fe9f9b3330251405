#!/usr/bin/env bash
# README command 1: set up everything, build, prepare the demo project and run the main job on it.
# Until the GUI exists (and on machines without a display) the pipeline runs headless and prints
# what it did.
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
echo "== first clips"
"$cli" list "$project" | head -n 12
echo "== export of the labels as MMSA label.csv"
"$cli" export "$project" --out "$project/export/label.csv"
