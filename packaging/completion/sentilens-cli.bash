# The completion function itself (appended to the generated tables above).
_sentilens_cli()
{
    local cur prev words cword
    _init_completion || return

    if ((cword == 1)); then
        COMPREPLY=($(compgen -W "$_sentilens_cli_commands --help --version" -- "$cur"))
        return
    fi
    local command=${words[1]}
    local valued
    valued=$(_sentilens_cli_table "$command" valued)

    # The value of an option: files, folders, or one of its choices.
    local pair
    for pair in $valued; do
        if [[ $prev == "${pair%%=*}" ]]; then
            case ${pair#*=} in
                DIR) _filedir -d ;;
                FILE | *.*) _filedir ;;
                *) COMPREPLY=($(compgen -W "$(_sentilens_cli_choices "$prev")" -- "$cur")) ;;
            esac
            return
        fi
    done

    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_sentilens_cli_table "$command" options)" -- "$cur"))
        return
    fi

    # A positional argument: count those before this word, skipping options and their values.
    local i n=0
    for ((i = 2; i < cword; i++)); do
        if [[ ${words[i]} == -* ]]; then
            [[ " $valued " == *" ${words[i]}="* ]] && ((i++))
        else
            ((n++))
        fi
    done
    local arguments=($(_sentilens_cli_table "$command" arguments))
    case ${arguments[n]} in
        "") ;;
        PROJECT) _filedir -d ;;  # a project is a folder
        *) _filedir ;;          # SOURCE and the like: a folder or a file
    esac
} &&
    complete -F _sentilens_cli sentilens-cli
