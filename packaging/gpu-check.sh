#!/usr/bin/env bash
# core/ml on a GPU machine in one go (issue 21): configure and build the standalone core/ml
# (cmake -S core/ml) against the LibTorch of the PyTorch installed there, run its tests (the CUDA
# ones too), run the model benchmark on CUDA in C++ and in PyTorch for Python on the same GPU and
# the same tensors, and write a log and a results file into OUTDIR:
#   OUTDIR/gpu-check.log   everything the steps printed
#   OUTDIR/results.md      machine, versions, test results, benchmark tables and C++/Python ratios
# Made for the lent H100 machine (PyTorch 2.x with CUDA, CMake, ninja; no Qt, no network), where it
# must finish within 10 minutes: every step has its own time limit, together 9 m 40 s. Without CUDA (e.g. here, with
# Debian's CPU LibTorch) it runs end to end, the CUDA test is reported as skipped and the benchmark
# runs a short CPU round only to check the wiring (its numbers are not GPU numbers).
#   packaging/gpu-check.sh OUTDIR
# Environment: BUILD_DIR (default build/gpu-check), JOBS (default: all cores), PYTHON (default: the
# first of python3, /usr/bin/python3 that imports torch), BENCH_ARGS (threads samples epochs clips;
# default "4 128 3 50" on CUDA, "2 32 1 10" on the CPU), BUILD_LIMIT (seconds for the build step,
# default 240: enough for 16 cores; a cold build on 2 cores takes about 6 minutes).
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(mkdir -p "$1" && cd "$1" && pwd) || { echo "gpu-check: cannot create $1" >&2; exit 2; }
log=$out/gpu-check.log
results=$out/results.md
build=${BUILD_DIR:-$root/build/gpu-check}
jobs=${JOBS:-$(nproc)}
: > "$log"
exec > >(tee -a "$log") 2>&1
started=$(date +%s)
failed=()

step() { echo; echo "=== $* ($(( $(date +%s) - started )) s)"; }

python=${PYTHON:-}
if [ -z "$python" ]; then
    for candidate in python3 /usr/bin/python3; do
        if "$candidate" -c "import torch" 2>/dev/null; then python=$candidate; break; fi
    done
fi
if [ -z "$python" ]; then
    echo "gpu-check: no Python with torch found (set PYTHON)"
    exit 1
fi

step "Machine"
date -u
uname -a
echo "cores: $(nproc), jobs: $jobs"
gpu=$(nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>/dev/null | head -1)
echo "GPU: ${gpu:-none (nvidia-smi absent or no device)}"
cmake --version | head -1
ninja --version
"$python" - <<'EOF'
import torch
print(f"torch {torch.__version__}, CUDA {torch.version.cuda}, cuDNN {torch.backends.cudnn.version()}, "
      f"cuda available: {torch.cuda.is_available()}")
EOF
cuda=$("$python" -c "import torch; print('yes' if torch.cuda.is_available() else 'no')")
torch_dir=$("$python" -c "import os, torch; print(os.path.dirname(torch.__file__))")
torch_prefix=$("$python" -c "import torch; print(torch.utils.cmake_prefix_path)")
torch_abi=$("$python" -c "import torch; print(int(torch._C._GLIBCXX_USE_CXX11_ABI))")

step "Configure core/ml standalone in $build"
configure() {
    timeout 60 cmake -S "$root/core/ml" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSENTILENS_ML_QT_TESTS=OFF "$@"
}
# PyTorch's own LibTorch: its CMake config first; where that fails (a CUDA wheel's config wants
# the CUDA toolkit), its libraries directly. Debian's python3-torch has neither, so without CUDA
# the system LibTorch (libtorch-dev) is found instead.
configured=no
if [ -d "$torch_prefix/Torch" ]; then
    configure -DCMAKE_PREFIX_PATH="$torch_prefix" -DSENTILENS_TORCH_DIR= && configured=yes
    if [ $configured = no ] && [ -d "$torch_dir/lib" ]; then
        echo "gpu-check: TorchConfig.cmake failed; linking the libraries of $torch_dir directly"
        rm -f "$build/CMakeCache.txt"
        configure -DSENTILENS_TORCH_DIR="$torch_dir" -DSENTILENS_TORCH_CXX11_ABI="$torch_abi" \
            && configured=yes
    fi
else
    configure -DSENTILENS_TORCH_DIR= && configured=yes
fi
if [ $configured = no ]; then
    echo "gpu-check: configuring failed"
    exit 1
fi

step "Build (sentilens_ml, test_ml_device, bench_models) with $jobs jobs"
build_start=$(date +%s)
if ! timeout "${BUILD_LIMIT:-240}" cmake --build "$build" --target test_ml_device bench_models -j "$jobs"; then
    echo "gpu-check: the build failed"
    exit 1
fi
build_seconds=$(( $(date +%s) - build_start ))
echo "build: $build_seconds s"

step "Tests"
(cd "$build" && timeout 100 ctest -V --timeout 90) > "$out/ctest.txt" 2>&1
ctest_status=$?
cat "$out/ctest.txt"
[ $ctest_status -eq 0 ] || failed+=("tests")

if [ "$cuda" = yes ]; then
    device=cuda
    bench_args=${BENCH_ARGS:-4 128 3 50}
else
    device=cpu
    bench_args=${BENCH_ARGS:-2 32 1 10}
    echo; echo "SKIPPED: CUDA benchmark (no CUDA device); a short CPU round checks the wiring instead"
fi
step "Benchmark, C++ (bench_models $bench_args all $device)"
# shellcheck disable=SC2086  # the arguments are meant to split
timeout 60 "$build/tests/ml/bench_models" $bench_args all $device > "$out/bench_cpp.txt" 2>&1 \
    || failed+=("C++ benchmark")
cat "$out/bench_cpp.txt"
step "Benchmark, Python ($python bench_models.py $bench_args all $device)"
# shellcheck disable=SC2086
timeout 60 "$python" "$root/tests/bench/ml/bench_models.py" $bench_args all $device > "$out/bench_python.txt" 2>&1 \
    || failed+=("Python benchmark")
cat "$out/bench_python.txt"

step "Results"
total=$(( $(date +%s) - started ))
GPU="${gpu:-none}" DEVICE=$device BUILD_SECONDS=$build_seconds TOTAL=$total FAILED="${failed[*]:-}" \
    "$python" "$root/packaging/gpu-check-results.py" "$out" > "$results"
cat "$results"
echo
echo "gpu-check: ${total} s in all; log $log, results $results"
if [ ${#failed[@]} -gt 0 ]; then
    echo "gpu-check: FAILED: ${failed[*]}"
    exit 1
fi
