#!/usr/bin/env bash
# Builds tests/tsan/standalone (clang, ThreadSanitizer: core/common, core/store, core/session and
# the extraction job's driver, with their threaded session and job tests) and runs the
# tests. Exits non-zero on a failed test or any ThreadSanitizer report; prints the time taken.
#   tests/tsan/run.sh [BUILD_DIR]      (default: build/tsan)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$root/build/tsan}"
jobs="${SENTILENS_TSAN_JOBS:-2}"
start=$(date +%s)

command -v clang++ >/dev/null || { echo "tests/tsan/run.sh: clang++ is needed (Debian package clang)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "tests/tsan/run.sh: sqlite3 is needed (Debian package sqlite3)" >&2; exit 1; }
cmake -S "$root/tests/tsan/standalone" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= >/dev/null
cmake --build "$build" -j "$jobs"
built=$(date +%s)
echo "== session and job tests under ThreadSanitizer"
# One at a time: the tests start threads of their own, and TSan slows each by 5-15x.
(cd "$build" && ctest --output-on-failure)
end=$(date +%s)
echo "tests/tsan/run.sh: build $((built - start)) s, tests $((end - built)) s, 0 ThreadSanitizer reports"
