#!/bin/sh
# Writes the gzipped manual page of a SentiLens program from the program's own --help, at build
# time, so that the page lists exactly the commands and options the program has.
#   make-manpage.sh PROGRAM NAME VERSION SUMMARY EXTRA.roff OUT.1.gz
# PROGRAM is the built executable, NAME its installed name, EXTRA hand-written sections that the
# help cannot give (FILES, ENVIRONMENT, SEE ALSO). When the help lists "Commands:" (sentilens-cli),
# each command's own --help becomes a subsection of COMMANDS.
set -eu
[ $# -eq 6 ] || { echo "usage: make-manpage.sh PROGRAM NAME VERSION SUMMARY EXTRA.roff OUT.1.gz" >&2; exit 2; }
program=$1 name=$2 version=$3 summary=$4 extra=$5 out=$6
here=$(cd "$(dirname "$0")" && pwd)
# English help whatever the builder's locale; the GUI's help needs a platform but no display.
export LC_ALL=C.UTF-8 SENTILENS_LANGUAGE=en QT_QPA_PLATFORM=offscreen
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_RUNTIME_DIR="$tmp"  # Qt wants one (private to the user) and warns without it

"$program" --help > "$tmp/help" || { echo "make-manpage.sh: '$program --help' failed" >&2; exit 1; }
title=$(printf '%s' "$name" | tr 'a-z' 'A-Z' | sed 's/-/\\-/g')
{
    printf '.TH %s 1 "" "SentiLens %s" "User Commands"\n' "$title" "$version"
    printf '.SH NAME\n%s \\- %s\n' "$(printf '%s' "$name" | sed 's/-/\\-/g')" "$summary"
    awk -v name="$name" -v top=1 -f "$here/help2roff.awk" "$tmp/help"
    # A command may take several lines of the list (export has two): one section each.
    commands=$(awk '/^Commands:$/ { list = 1; next } list && /^  [a-z]/ && !seen[$1]++ { print $1 } /^$/ { list = 0 }' "$tmp/help")
    if [ -n "$commands" ]; then
        echo '.SH COMMANDS'
        for command in $commands; do
            "$program" "$command" --help > "$tmp/command" ||
                { echo "make-manpage.sh: '$program $command --help' failed" >&2; exit 1; }
            printf '.SS %s\n' "$(printf '%s' "$command" | sed 's/-/\\-/g')"
            # Qt prints the program's path in a command's usage line: name the command instead.
            awk -v name="$name $command" -v top=0 -f "$here/help2roff.awk" "$tmp/command"
        done
    fi
    cat "$extra"
} > "$tmp/page"
# -n: no name or time stamp in the archive, so the package builds reproducibly.
gzip -9n -c "$tmp/page" > "$out"
