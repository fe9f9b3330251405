#!/usr/bin/env bash
# Checks the generated manual pages and bash completion against the program itself:
#   check-docs.sh CLI CLI-PAGE.1.gz GUI-PAGE.1.gz COMPLETION
# - man renders both pages without a warning;
# - every command of `CLI --help` has its section in the CLI's page, holding every option of
#   that command's --help;
# - bash completion (through bash-completion) completes commands, options and option values.
# Used by CTest (packaging_docs, on the build folder) and by package-smoke.sh (on the installed
# files).
set -euo pipefail
cli=$1 cli_page=$2 gui_page=$3 completion=$4
fail() { echo "check-docs: FAILED: $*" >&2; exit 1; }
export LC_ALL=C.UTF-8

for page in "$cli_page" "$gui_page"; do
    [[ -s $page ]] || fail "$page is missing or empty"
    warnings=$(MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "man warns about $page: $warnings"
done

roff=$(zcat "$cli_page")
commands=$("$cli" --help | awk '/^Commands:$/ { l = 1; next } l && /^  [a-z]/ && !seen[$1]++ { print $1 } /^$/ { l = 0 }')
[[ -n $commands ]] || fail "'$cli --help' lists no commands"
count=0
for command in $commands; do
    # The command's section: from ".SS command" to the next section heading.
    section=$(awk -v heading=".SS ${command//-/\\\\-}" '$0 == heading { on = 1; next } /^\.S[SH] / { on = 0 } on' <<<"$roff")
    [[ -n $section ]] || fail "$cli_page has no section for '$command'"
    for option in $("$cli" "$command" --help | grep -Eo '^  (-[a-z], )?--[a-z-]+' | grep -Eo -- '--[a-z-]+'); do
        grep -qF -- "${option//-/\\-}" <<<"$section" || fail "$cli_page: section '$command' lacks $option"
        count=$((count + 1))
    done
done
echo "check-docs: man pages render without warnings; $(wc -w <<<"$commands") commands and their $count options are in $(basename "$cli_page")"

COMPLETION=$completion bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$COMPLETION"
    complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _sentilens_cli; echo "${COMPREPLY[*]}"; }
    expect() { local want=$1; shift; local got; got=$(complete_words "$@"); [[ $got == "$want" ]] || { echo "check-docs: FAILED: completing [$*] gave [$got], expected [$want]" >&2; exit 1; }; }
    expect "export extract explain" sentilens-cli ex
    expect "--no-asr --no-asr-model --no-text-encoder" sentilens-cli extract P --no-
    expect "c-mib camib" sentilens-cli train P --arch c
    expect "mosi sims" sentilens-cli init P --scale ""
    expect "" sentilens-cli train P --epochs ""
' || fail "bash completion of $completion"
echo "check-docs: bash completion completes commands, options and option values"
