#!/bin/sh
# Writes bash completion for sentilens-cli from the program's own --help, at build time: the
# commands, each command's options, which options take a value and of what kind (<FILE>, <DIR>...),
# and each command's arguments. Only the values of options that are enumerations are listed here
# (CHOICES below); every one of them must appear in its command's help, or the build fails, so the
# list cannot silently go stale.
#   make-completion.sh PROGRAM OUT
set -eu
[ $# -eq 2 ] || { echo "usage: make-completion.sh PROGRAM OUT" >&2; exit 2; }
program=$1 out=$2
export LC_ALL=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

CHOICES='--scale mosi sims
--split train valid test
--aggregate mean latest
--baseline mean zeros
--acoustic-preset default ch-sims-33
--recipe sentilens paper
--device auto cpu cuda
--arch late-fusion e-mib l-mib c-mib kan-mcp camib
--plot-formats png pdf svg
--only acoustic visual text'

"$program" --help > "$tmp/help" || { echo "make-completion.sh: '$program --help' failed" >&2; exit 1; }
commands=$(awk '/^Commands:$/ { list = 1; next } list && /^  [a-z]/ && !seen[$1]++ { print $1 } /^$/ { list = 0 }' "$tmp/help")
[ -n "$commands" ] || { echo "make-completion.sh: no commands in '$program --help'" >&2; exit 1; }

# One line per option of a command's help: "NAME VALUE" (VALUE "-" for a switch).
options_of() {
    awk '/^Options:$/ { list = 1; next } /^$/ { list = 0 }
         list && /^  -/ {
             term = substr($0, 3); sub(/  .*/, "", term)
             value = "-"
             if (match(term, /<[^>]*>/)) value = substr(term, RSTART + 1, RLENGTH - 2)
             n = split(term, names, /, /)
             for (i = 1; i <= n; i++) { split(names[i], word, " "); print word[1], value }
         }' "$1"
}
arguments_of() {
    awk '/^Arguments:$/ { list = 1; next } /^$/ { list = 0 } list && /^  [^ ]/ { print $1 }' "$1"
}

{
    echo '# bash completion for sentilens-cli. Generated from its --help by'
    echo '# packaging/completion/make-completion.sh when SentiLens was built; do not edit.'
    echo
    printf '_sentilens_cli_commands="%s"\n\n' "$(echo $commands)"
    echo '# _sentilens_cli_table COMMAND options|valued|arguments'
    echo '_sentilens_cli_table()'
    echo '{'
    echo '    case $1/$2 in'
    for command in $commands; do
        "$program" "$command" --help > "$tmp/$command" ||
            { echo "make-completion.sh: '$program $command --help' failed" >&2; exit 1; }
        options_of "$tmp/$command" > "$tmp/$command.options"
        printf '        %s/options) echo "%s" ;;\n' "$command" "$(cut -d' ' -f1 "$tmp/$command.options" | tr '\n' ' ' | sed 's/ $//')"
        printf '        %s/valued) echo "%s" ;;\n' "$command" "$(awk '$2 != "-" { printf "%s%s=%s", sep, $1, $2; sep = " " }' "$tmp/$command.options")"
        printf '        %s/arguments) echo "%s" ;;\n' "$command" "$(arguments_of "$tmp/$command" | tr '\n' ' ' | sed 's/ $//')"
    done
    echo '    esac'
    echo '}'
    echo
    echo '# The values of options that are enumerations (checked against the help at build time).'
    echo '_sentilens_cli_choices()'
    echo '{'
    echo '    case $1 in'
    while read -r option values; do
        # The helps that mention the option: of the commands that have it, and the top-level one.
        cp "$tmp/help" "$tmp/mentions"
        for command in $commands; do
            grep -q "^$option " "$tmp/$command.options" && cat "$tmp/$command" >> "$tmp/mentions"
        done
        for value in $values; do
            grep -qw -- "$value" "$tmp/mentions" || {
                echo "make-completion.sh: '$value', a value of $option, is in no help that mentions $option" >&2
                exit 1
            }
        done
        printf '        %s) echo "%s" ;;\n' "$option" "$values"
    done <<CHOICES_END
$CHOICES
CHOICES_END
    echo '    esac'
    echo '}'
    echo
    cat "$(dirname "$0")/sentilens-cli.bash"
} > "$tmp/completion"
mv "$tmp/completion" "$out"
