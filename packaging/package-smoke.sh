#!/usr/bin/env bash
# Runs the INSTALLED SentiLens (from the Debian package) the way a user would, in WORK (a fresh
# folder outside the source tree), and checks what the package promises:
#   package-smoke.sh WORK VERSION
# check-package.sh copies this file and tests/check-docs.sh out of the source tree and runs it
# with the source tree hidden, so anything that still reached into the source or build folders would fail here.
# Per-user state: HOME and the XDG base directories are fresh folders; at the end HOME must still
# be empty (everything per-user went where the XDG variables point).
set -euo pipefail
work=$1 version=$2
fail() { echo "package-smoke: FAILED: $*" >&2; exit 1; }
step() { printf '\n== %s\n' "$*"; }

cd "$work"
export HOME="$work/home" XDG_CONFIG_HOME="$work/xdg/config" XDG_CACHE_HOME="$work/xdg/cache" \
       XDG_DATA_HOME="$work/xdg/data" XDG_STATE_HOME="$work/xdg/state" XDG_RUNTIME_DIR="$work/xdg/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export PATH=/usr/bin:/bin LC_ALL=C.UTF-8
unset QT_QPA_PLATFORM

step "programs and versions"
[[ $(command -v sentilens-cli) == /usr/bin/sentilens-cli ]] || fail "sentilens-cli is not /usr/bin/sentilens-cli"
[[ $(command -v sentilens) == /usr/bin/sentilens ]] || fail "sentilens is not /usr/bin/sentilens"
for program in sentilens-cli sentilens; do
    # sentilens --version must work without a display: QT_QPA_PLATFORM is unset and DISPLAY too.
    report=$(env -u DISPLAY -u WAYLAND_DISPLAY "$program" --version) || fail "$program --version failed"
    echo "$report"
    head -n1 <<<"$report" | grep -Eq "^(SentiLens|sentilens-cli) $version\$" || fail "$program --version: first line is not the package version $version"
    for library in LibTorch Qt OpenCV; do
        grep -Eq "^$library [0-9]+\.[0-9]+" <<<"$report" || fail "$program --version names no $library version"
    done
done

step "demo project (installed sentilens-cli)"
project="$work/project"
sentilens-cli demo "$project" --clips 48 2> demo.log || { tail -20 demo.log; fail "demo"; }
sentilens-cli stats "$project"
step "language identification (the packaged fastText model)"
[ -f /usr/share/sentilens/lid.176.ftz ] || fail "the package has no /usr/share/sentilens/lid.176.ftz"
sentilens-cli language "$project" --detect || fail "language --detect"
sentilens-cli stats "$project" --json | grep -q '"en"' || fail "language --detect told no clip as English"
step "extract"
sentilens-cli extract "$project" || fail "extract"
step "train"
sentilens-cli train "$project" --arch late-fusion --epochs 10 || fail "train"
step "explain"
sentilens-cli explain "$project" --split test --summary --plots "$work/plots" || fail "explain"
ls "$work/plots" | grep -q '\.png$' || fail "explain --plots wrote no PNG into $work/plots"

step "desktop application screenshot (installed sentilens, offscreen)"
QT_QPA_PLATFORM=offscreen sentilens "$project/project.sqlite" --annotator package-check --size 1280x800 \
    --screenshot "$work/screenshot.png" || fail "sentilens --screenshot"
# A PNG's width and height are the big-endian numbers at bytes 16-23 of its IHDR chunk.
[[ $(head -c 8 "$work/screenshot.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "the screenshot is not a PNG"
read -r width height < <(od -An -tu1 -j16 -N8 "$work/screenshot.png" |
    awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4, $5 * 16777216 + $6 * 65536 + $7 * 256 + $8 }')
echo "screenshot: ${width}x${height}, $(stat -c %s "$work/screenshot.png") bytes"
# The window may grow past the asked size to fit its docks' minimum sizes. A blank window of this
# size compresses to a few kilobytes; video frame, text and plots take far more.
[[ $width -ge 1280 && $height -ge 800 ]] || fail "the screenshot is ${width}x${height}, smaller than the asked 1280x800"
[[ $(stat -c %s "$work/screenshot.png") -gt 100000 ]] || fail "the screenshot is under 100 kB: an empty window?"

step "per-user state follows the XDG base directories"
settings="$XDG_CONFIG_HOME/SentiLens/SentiLens.conf"
grep -q 'package-check' "$settings" || fail "the annotator's name is not in $settings"
leftovers=$(find "$HOME" -mindepth 1)
[[ -z $leftovers ]] || fail "files written straight into HOME instead of the XDG folders: $leftovers"
echo "settings in $settings; HOME untouched"

step "manual pages and bash completion"
cli_page=$(man -w sentilens-cli) || fail "no manual page for sentilens-cli"
gui_page=$(man -w sentilens) || fail "no manual page for sentilens"
bash "$(dirname "$0")/check-docs.sh" /usr/bin/sentilens-cli "$cli_page" "$gui_page" \
    /usr/share/bash-completion/completions/sentilens-cli || fail "manual pages or completion"

step "desktop entry, MIME type and AppStream metadata"
desktop-file-validate /usr/share/applications/org.sentilens.sentilens.desktop || fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic /usr/share/metainfo/org.sentilens.sentilens.metainfo.xml || fail "appstreamcli validate"
newest=$(grep -o '<release version="[^"]*"' /usr/share/metainfo/org.sentilens.sentilens.metainfo.xml | head -n1 | cut -d'"' -f2)
[[ $newest == "$version" ]] || fail "the metainfo's newest release is $newest, the package is $version"
for size in 16 22 24 32 48 64 128 256 512; do
    [[ -s /usr/share/icons/hicolor/${size}x${size}/apps/org.sentilens.sentilens.png ]] || fail "no ${size}x${size} icon"
done
[[ -s /usr/share/icons/hicolor/scalable/apps/org.sentilens.sentilens.svg ]] || fail "no scalable icon"
if [[ -f /usr/share/mime/globs2 ]]; then
    grep -q ':application/x-sentilens-project:project.sqlite' /usr/share/mime/globs2 ||
        fail "the MIME database does not know project.sqlite (update-mime-database did not run?)"
    echo "MIME database: project.sqlite is application/x-sentilens-project"
fi
if command -v gio > /dev/null; then
    # GLib's view, as file managers see it: the project's database and a copy under another name.
    sentilens-cli init "$work/mime-check" > /dev/null
    cp "$work/mime-check/project.sqlite" "$work/mime-check/other.sqlite"
    type=$(gio info -a standard::content-type "$work/mime-check/project.sqlite" | awk '/content-type/ { print $2 }')
    other=$(gio info -a standard::content-type "$work/mime-check/other.sqlite" | awk '/content-type/ { print $2 }')
    [[ $type == application/x-sentilens-project && $other == application/vnd.sqlite3 ]] ||
        fail "gio sees project.sqlite as '$type' and other.sqlite as '$other'"
    # dpkg's desktop-database trigger may still be settling right after an upgrade in place: a
    # few tries a second apart (seen once on a reinstall of the same version).
    default_ok=0
    for try in 1 2 3 4 5; do
        if gio mime application/x-sentilens-project | grep -q "^Default application.*org.sentilens.sentilens.desktop"; then
            default_ok=1
            break
        fi
        sleep 1
    done
    [[ $default_ok == 1 ]] || fail "SentiLens is not the default application of its project files"
    echo "gio: project.sqlite is $type (opened by SentiLens), other SQLite files stay $other"
fi
echo "package-smoke: all checks passed"
