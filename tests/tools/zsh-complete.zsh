# Prints what zsh's completion system offers for a command line, one match per line, by running
# an interactive zsh in a pseudo-terminal (zpty), typing the line and a key bound to completion.
#   usage: zsh -f tests/tools/zsh-complete.zsh FPATH_DIR 'iblint --fo'
# Matches are captured by wrapping compadd, so no menu or terminal output needs to be parsed.
# Keys are typed only once the shell has run the set-up (not when the terminal echoes it: keys
# typed while compinit still runs were lost on a busy machine), and the next ones only once the
# completion widget says it is done.
zmodload zsh/zpty || exit 2
dump=${TMPDIR:-/tmp}/iblint-zcompdump-$$
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -d ${(q)dump}"
zpty -w z 'compadd () { builtin compadd -O __hits "$@"; print -l -- "<hit>"${^__hits}; builtin compadd "$@" }'
zpty -w z '__complete_then_mark () { _main_complete; print -r -- "<""done>" }'
zpty -w z 'zle -C __complete complete-word __complete_then_mark; bindkey "^Z" __complete'
# Split so that the terminal's echo of this command cannot match: only its output means ready.
zpty -w z "print '<rea''dy>'"
zpty -r z line '*<ready>*' || exit 2
zpty -n -w z "$2"$'\C-z'
while zpty -r z line; do
  [[ $line == *'<hit>'* ]] && print -r -- ${${line#*<hit>}%%$'\r'*}
  [[ $line == *'<done>'* ]] && break
done
zpty -w z $'\C-u'"print '<end>'"
while zpty -r z line; do
  [[ $line == *'<end>'* && $line != *print* ]] && break
done
zpty -d z
rm -f -- $dump
