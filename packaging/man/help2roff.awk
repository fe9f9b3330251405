# Turns the --help text of a SentiLens program (QCommandLineParser's layout, or sentilens-cli's
# top-level usage) into man(7) markup. Variables: name = the program's installed name; top = 1 for
# the program's own help (sections SYNOPSIS, DESCRIPTION, OPTIONS...), 0 for one command's help
# inside the COMMANDS section.
#
# The layout it reads: "Usage: PROGRAM ARGS" first; free text; headings ending in ':' at column 0
# ("Options:", "Arguments:", "Commands:"); list entries indented by two spaces with the term and
# its description separated by two or more spaces; continuation lines indented further.

# Roff escapes: backslashes, every hyphen as a minus sign (so options and values copy-paste as
# the ASCII '-' they are), and a leading '.' or '\'' that would read as a request.
function esc(s) {
    gsub(/\\/, "\\e", s)
    gsub(/-/, "\\-", s)
    if (s ~ /^[.']/) s = "\\&" s
    return s
}

function heading(h) {
    if (top && (h == "Options" || h == "Arguments")) { print ".SH " toupper(h); return }
    if (top) { print ".SS " h; return }
    print ".PP"
    print "\\fI" h ":\\fR"
}

BEGIN { started = 0; inlist = 0 }

/^Usage: / {
    line = substr($0, 8)
    sub(/^[^ ]+/, "", line)             # argv[0] may be a path: use the installed name
    if (top) print ".SH SYNOPSIS"
    else print ".PP"
    print "\\fB" esc(name) "\\fR" esc(line)
    if (top) print ".SH DESCRIPTION"
    else print ".PP"
    started = 1
    next
}

/^$/ { if (started) { print ".PP"; inlist = 0 } ; next }

/^[A-Z][A-Za-z ]*:$/ { heading(substr($0, 1, length($0) - 1)); inlist = 1; next }

inlist && /^  [^ ]/ {
    entry = substr($0, 3)
    pos = index(entry, "  ")
    if (pos > 0) { term = substr(entry, 1, pos - 1); text = substr(entry, pos); sub(/^ +/, "", text) }
    else { term = entry; text = "" }
    print ".TP"
    print "\\fB" esc(term) "\\fR"
    if (text != "") print esc(text)
    next
}

inlist && /^   +[^ ]/ { line = $0; sub(/^ +/, "", line); print esc(line); next }

{ if (inlist) { print ".PP"; inlist = 0 } ; print esc($0) }
