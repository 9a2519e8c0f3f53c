# Prints what zsh's completion system offers for a command line, one match per line, by running
# an interactive zsh in a pseudo-terminal (zpty), typing the line and a key bound to completion.
#   usage: zsh -f tests/tools/zsh-complete.zsh FPATH_DIR 'iblint --fo'
# Matches are captured by wrapping compadd, so no menu or terminal output needs to be parsed.
zmodload zsh/zpty || exit 2
dump=${TMPDIR:-/tmp}/iblint-zcompdump-$$
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=(${(q)1} \$fpath); autoload -Uz compinit; compinit -u -d ${(q)dump}"
zpty -w z 'compadd () { builtin compadd -O __hits "$@"; print -l -- "<hit>"${^__hits}; builtin compadd "$@" }'
zpty -w z 'zle -C __complete complete-word _main_complete; bindkey "^Z" __complete'
zpty -w z "print '<ready>'"
zpty -r z line '*<ready>*' || exit 2
zpty -n -w z "$2"$'\C-z'
zpty -w z $'\C-u'"print '<end>'"
while zpty -r z line; do
  [[ $line == *'<end>'* && $line != *print* ]] && break
  [[ $line == *'<hit>'* ]] && print -r -- ${${line#*<hit>}%%$'\r'*}
done
zpty -d z
rm -f -- $dump
