#!/usr/bin/env bash
# README command 2: set up everything, build, and run the whole test suite with CTest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
packaging/build.sh "$@"
export QT_QPA_PLATFORM=offscreen QT_MEDIA_BACKEND=ffmpeg
ctest --preset release -j "$(nproc)"
# core/ml alone, with LibTorch only, as packaging/gpu-check.sh builds it on the GPU machine
# (issue 21): unoptimised, sentilens_ml and the device test only, ~2 min on two cores.
packaging/check-ml-standalone.sh
# Then the Debian package: build it, install it with apt-get, run the installed programs outside
# the source tree, validate desktop files and manual pages, lintian (about a minute).
packaging/check-package.sh
