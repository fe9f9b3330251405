#!/usr/bin/env bash
# Builds tests/fuzz/standalone (clang, ASan + UBSan: core/common, core/store, core/io, the model
# description parser, their unit tests and the libFuzzer targets), runs the unit tests, then each
# fuzz target for SECONDS seconds on a copy of its seed corpus. Exits non-zero on a failed test or
# any crash, sanitizer report, leak or timeout; prints the executions per target.
#   tests/fuzz/run.sh [SECONDS] [BUILD_DIR]      (defaults: 30, build/fuzz)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-30}"
build="${2:-$root/build/fuzz}"
jobs="${SENTILENS_FUZZ_JOBS:-2}"

command -v clang++ >/dev/null || { echo "tests/fuzz/run.sh: clang++ is needed (Debian package clang)" >&2; exit 1; }
cmake -S "$root/tests/fuzz/standalone" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE= >/dev/null
cmake --build "$build" -j "$jobs"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen
echo "== unit tests of the core libraries under ASan + UBSan"
(cd "$build" && ctest --output-on-failure -j "$jobs")

echo "== fuzzing, ${seconds} s per target"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
status=0
for target in label_csv transcript model_json pickle; do
    corpus="$work/$target"
    cp -r "$root/tests/fuzz/corpus/$target" "$corpus"
    log="$work/$target.log"
    leaks=1
    if ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=$leaks" "$build/fuzz_$target" -detect_leaks="$leaks" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="$work/$target-" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
        runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
        echo "fuzz_$target: ${runs} executions in ${seconds} s, no crash"
    else
        status=1
        echo "fuzz_$target: FAILED" >&2
        tail -n 60 "$log" >&2
        for artifact in "$work/$target-"*; do
            [ -e "$artifact" ] && { echo "reproducer: $artifact (base64 below)" >&2; base64 "$artifact" | head -c 4000 >&2; echo >&2; }
        done
    fi
done
exit "$status"
