#!/usr/bin/env bash
# Installs the dependencies, then configures and builds SentiLens with the "release" preset.
# Extra arguments go to CMake's configure step (e.g. -DCMAKE_PREFIX_PATH=/opt/libtorch for a CUDA LibTorch).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
packaging/install-deps.sh
cmake --preset release "$@"
jobs="$(nproc)"
cmake --build --preset release -j "$jobs"
