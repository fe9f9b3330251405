#!/usr/bin/env bash
# CI step after the test suite: builds the Debian package, installs it with apt-get, runs the
# installed programs from a fresh folder outside the source tree (package-smoke.sh), and runs
# lintian on the package. Needs root (or sudo) for apt-get.
#   packaging/check-package.sh [PACKAGE.deb]   (without an argument the package is built first)
# The folder of the run (project, plots, screenshot) is kept in build/release/package-check/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }
version=$(sed -n 's/^project(SentiLens VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
[[ -n $version ]] || fail "no version in CMakeLists.txt"

if [[ $# -ge 1 ]]; then
    deb=$(realpath "$1")
else
    cmake --build --preset release --target package
    deb="$root/build/release/sentilens_${version}_amd64.deb"
fi
[[ -f $deb ]] || fail "$deb does not exist"
echo "check-package: $deb ($(du -h "$deb" | cut -f1))"
[[ $(dpkg-deb -f "$deb" Version) == "$version" ]] || fail "the package's version is not $version"
dpkg-deb -f "$deb" Depends

sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
# A fresh folder outside the source tree, readable by apt's unprivileged download user.
work=$(mktemp -d /tmp/sentilens-package.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
cp "$deb" "$work/"
# The same version may be installed already (an earlier run): remove it, so that these files
# are the ones tested.
if dpkg-query -W -f='${Status}' sentilens 2>/dev/null | grep -q 'install ok installed'; then
    "${sudo_cmd[@]}" apt-get remove -y -q sentilens
fi
(cd "$work" && DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends ./"$(basename "$deb")")

# Run the installed programs with the source tree (and the build folder inside it) hidden under an
# empty folder, where the system allows a private mount namespace; otherwise just from $work.
cp "$root/packaging/package-smoke.sh" "$root/packaging/tests/check-docs.sh" "$work/"
mkdir -m 755 "$work/run"
if "${sudo_cmd[@]}" unshare --mount true 2>/dev/null; then
    echo "check-package: the source tree $root is hidden from the installed programs"
    "${sudo_cmd[@]}" unshare --mount --propagation private \
        bash -c 'mount -t tmpfs -o size=1m,mode=755 sentilens-hidden "$1" && exec bash "$2" "$3" "$4"' \
        _ "$root" "$work/package-smoke.sh" "$work/run" "$version"
else
    echo "check-package: no private mount namespace here; the source tree stays visible"
    bash "$work/package-smoke.sh" "$work/run" "$version"
fi
kept="$root/build/release/package-check"
rm -rf "$kept"
mkdir -p "$kept"
cp -r "$work/run/screenshot.png" "$work/run/plots" "$kept/"

# lintian: no errors; every warning must be one that packaging/README.md explains.
echo
echo "== lintian"
lintian_out=$(lintian --display-info --tag-display-limit 0 "$deb" 2>&1 | grep -v "running with root privileges") || true
echo "${lintian_out:-(no remarks)}"
if grep -q '^E: ' <<<"$lintian_out"; then fail "lintian reports errors"; fi
for tag in $(grep '^W: ' <<<"$lintian_out" | awk '{ print $3 }' | sort -u); do
    grep -q -- "\`$tag\`" "$root/packaging/README.md" || fail "lintian warning '$tag' is not explained in packaging/README.md"
done
echo "check-package: package built, installed and checked"
