#!/usr/bin/env bash
# The text modality on real sentences (issue 16, item 4): the UCI Sentiment Labelled Sentences from
# npm sentiment 5.0.2 (packaging/npm-packages.txt). Trains the late-fusion model on amazon + yelp
# (900 + 900 train, 100 + 100 valid) and tests on the 1,000 imdb sentences; every clip's media is
# the same silent second, so the acoustic and visual features are constant and the text features
# carry everything. Prints the test split's binary accuracy and F1 (MMSA's Has0_acc_2 and
# Has0_F1_score) of the text head and of the fused prediction, per seed and their mean.
#
# usage: tests/bench/text_sentences.sh [WORK_DIR] [SEEDS...]     (default: a temporary folder, seeds 1 2 3)
# env:   SENTILENS_CLI   the sentilens-cli to measure (default build/release/app/sentilens-cli); point it
#                        at a build of an older commit to measure that commit's text features
#        SENTILENS_NPM_DIR  where packaging/install-deps.sh put the npm packages
# About 3 - 4 minutes per run on 2 cores (extraction 1 min, each seed 30 - 70 s).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cli="${SENTILENS_CLI:-$root/build/release/app/sentilens-cli}"
npm_dir="${SENTILENS_NPM_DIR:-$HOME/.cache/sentilens/npm}"
fixtures="$npm_dir/node_modules/sentiment/test/fixtures"
work="${1:-$(mktemp -d)}"
shift || true
seeds=("$@")
[[ ${#seeds[@]} -gt 0 ]] || seeds=(1 2 3)
[[ -x "$cli" ]] || { echo "text_sentences: $cli is not an executable sentilens-cli" >&2; exit 1; }
[[ -f "$fixtures/imdb.json" ]] || { echo "text_sentences: $fixtures/imdb.json missing (run packaging/install-deps.sh)" >&2; exit 1; }
[[ ! -e "$work/project" ]] || { echo "text_sentences: $work/project exists; give an empty folder" >&2; exit 1; }

mkdir -p "$work"
ffmpeg -loglevel error -y -f lavfi -i color=c=gray:s=32x32:d=1 -f lavfi -i anullsrc=r=16000:cl=mono -t 1 \
  -shortest -c:v libx264 -c:a aac "$work/silent-source.mp4"
/usr/bin/python3 "$here/text_sentences.py" "$fixtures" "$work/data" "$work/silent-source.mp4"
"$cli" init "$work/project" >/dev/null
"$cli" import "$work/project" "$work/data" | tail -1
start=$(date +%s%N)
"$cli" extract "$work/project" --only text --no-asr 2>&1 | tail -1
echo "text extraction of 3,000 sentences: $(( ($(date +%s%N) - start) / 1000000 )) ms (wall, with start-up and transcripts)"
"$cli" extract "$work/project" --only acoustic,visual 2>&1 | tail -1
"$cli" stats "$work/project" | grep '^Features'

for seed in "${seeds[@]}"; do
  "$cli" train "$work/project" --arch late-fusion --seed "$seed" --name "seed-$seed" | tail -1
  "$cli" evaluate "$work/project" --split test --json > "$work/evaluate-$seed.json"
done
/usr/bin/python3 - "$work" "${seeds[@]}" <<'PY'
import json, sys
work, seeds = sys.argv[1], sys.argv[2:]
rows = []
for seed in seeds:
    m = json.load(open(f"{work}/evaluate-{seed}.json"))["metrics"]
    rows.append((m["T"]["Has0_acc_2"], m["T"]["Has0_F1_score"], m["M"]["Has0_acc_2"], m["M"]["Has0_F1_score"]))
    print(f"seed {seed}: T acc {rows[-1][0]:.4f} F1 {rows[-1][1]:.4f} | M acc {rows[-1][2]:.4f} F1 {rows[-1][3]:.4f}")
mean = [sum(column) / len(rows) for column in zip(*rows)]
print(f"mean of {len(rows)}: T acc {mean[0]:.4f} F1 {mean[1]:.4f} | M acc {mean[2]:.4f} F1 {mean[3]:.4f} (imdb, 1,000 sentences)")
PY
