# bash completion for iblint                                  -*- shell-script -*-
# Installed as share/bash-completion/completions/iblint (loaded on demand by bash-completion),
# or source it from ~/.bashrc. Rule ids and names come from `iblint rules` at completion time.

_iblint_rules() {
  "$1" rules 2>/dev/null | awk 'NR > 1 && $1 ~ /^[A-Z]+[0-9]+$/ { print $1; print $2 }'
}

_iblint() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD - 1]}
  local cmd=${COMP_WORDS[0]}
  local commands='lint rules explain lsp schema dry-run'
  local options='-h --help --version -f --format -o --output --select --ignore --fail-on --config
    --profile --platform --max-file-size -j --jobs --no-color -q --quiet --statistics -v --verbose
    --no-shellcheck --shellcheckrc --fix --diff --unsafe-fixes --baseline --write-baseline'
  COMPREPLY=()

  case $prev in
    -f | --format) mapfile -t COMPREPLY < <(compgen -W 'text json sarif github junit' -- "$cur"); return ;;
    --fail-on) mapfile -t COMPREPLY < <(compgen -W 'error warning info' -- "$cur"); return ;;
    --profile) mapfile -t COMPREPLY < <(compgen -W 'current seed-2020' -- "$cur"); return ;;
    --platform) mapfile -t COMPREPLY < <(compgen -W 'linux windows macos' -- "$cur"); return ;;
    --max-file-size) return ;;
    -j | --jobs) mapfile -t COMPREPLY < <(compgen -W "1 2 4 $(nproc 2>/dev/null)" -- "$cur"); return ;;
    -o | --output | --config | --baseline | --write-baseline)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
    --select | --ignore)
      # A comma-separated list: complete the part after the last comma.
      local prefix=''
      [[ $cur == *,* ]] && prefix=${cur%,*},
      mapfile -t COMPREPLY < <(compgen -P "$prefix" -W "$(_iblint_rules "$cmd")" -- "${cur##*,}")
      return ;;
    explain) mapfile -t COMPREPLY < <(compgen -W "$(_iblint_rules "$cmd")" -- "$cur"); return ;;
    schema) mapfile -t COMPREPLY < <(compgen -W 'component' -- "$cur"); return ;;
  esac

  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$options" -- "$cur")
    return
  fi
  # Files and folders to lint; in the first position also the commands.
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  if ((COMP_CWORD == 1)); then
    local -a words
    mapfile -t words < <(compgen -W "$commands" -- "$cur")
    COMPREPLY=("${words[@]}" "${COMPREPLY[@]}")
  fi
}

complete -o bashdefault -o default -F _iblint iblint
