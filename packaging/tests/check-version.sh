#!/bin/sh
# CTest packaging_version: `--version` of both programs names SentiLens's version and the LibTorch,
# Qt and OpenCV versions, and the GUI answers it without a display. The expected library versions
# come from the CMake packages the build found (TorchConfigVersion, Qt6Core, OpenCV), not from the
# code that prints them.
#   check-version.sh CLI GUI VERSION TORCH QT OPENCV
set -eu
cli=$1 gui=$2 version=$3 torch=$4 qt=$5 opencv=$6
fail() { echo "check-version: FAILED: $*" >&2; exit 1; }

check() {  # check PROGRAM NAME REPORT
    echo "$3"
    first=$(printf '%s\n' "$3" | head -n1)
    [ "$first" = "$2 $version" ] || fail "$1: first line '$first', expected '$2 $version'"
    printf '%s\n' "$3" | grep -q "^LibTorch $torch\( (.*libtorch_cpu\.so.*)\)\?\$" || fail "$1: no 'LibTorch $torch'"
    printf '%s\n' "$3" | grep -qx "Qt $qt" || fail "$1: no 'Qt $qt'"
    printf '%s\n' "$3" | grep -qx "OpenCV $opencv" || fail "$1: no 'OpenCV $opencv'"
}

check "$cli" sentilens-cli "$("$cli" --version)"
# The xcb platform without a display aborts a QApplication: --version must come before one.
report=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb "$gui" --version) || fail "$gui --version failed without a display"
check "$gui" SentiLens "$report"
echo "check-version: both programs report $version, LibTorch $torch, Qt $qt, OpenCV $opencv"
