#!/usr/bin/env bash
# CI step (issue 21): core/ml must keep building on its own, with LibTorch only, as
# packaging/gpu-check.sh builds it on the GPU machine (cmake -S core/ml). Builds sentilens_ml and
# the Qt-free device test in a separate tree and runs that test (its CUDA half reports Skipped
# here). No optimisation (-O0, no debug info): this checks that the standalone tree compiles,
# links and runs, and is about half the time of an optimised build on CI's two cores.
#   packaging/check-ml-standalone.sh [BUILD_DIR=build/ml-ci]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build/ml-ci}"
mkdir -p "$build"
cmake -S "$root/core/ml" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=None -DSENTILENS_ML_QT_TESTS=OFF > "$build/configure.log" 2>&1 \
    || { cat "$build/configure.log"; exit 1; }
cmake --build "$build" --target test_ml_device -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure
