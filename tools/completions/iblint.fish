# fish completion for iblint. Installed as share/fish/vendor_completions.d/iblint.fish.
# Rule ids and names come from `iblint rules` at completion time.

function __iblint_rules
    set -l cmd (commandline -opc)[1]
    $cmd rules 2>/dev/null | string match -r '^[A-Z]+[0-9]+\s+\S+' | string replace -r '^(\S+)\s+(\S+).*' '$1\t$2'
end

set -l commands lint rules explain lsp schema dry-run
complete -c iblint -n "not __fish_seen_subcommand_from $commands" -a lint -d 'Lint files and folders (the default command)'
complete -c iblint -n "not __fish_seen_subcommand_from $commands" -a rules -d 'List every rule'
complete -c iblint -n "not __fish_seen_subcommand_from $commands" -a explain -d "Print a rule's documentation"
complete -c iblint -n "not __fish_seen_subcommand_from $commands" -a lsp -d 'Run the language server on stdin/stdout'
complete -c iblint -n "not __fish_seen_subcommand_from $commands" -a schema -d 'Print a JSON Schema of component documents'
complete -c iblint -n "not __fish_seen_subcommand_from $commands" -a dry-run -d 'Simulate the pipeline and print its plan (nothing is executed)'
complete -c iblint -n '__fish_seen_subcommand_from explain' -x -a '(__iblint_rules)'
complete -c iblint -n '__fish_seen_subcommand_from schema' -x -a component

complete -c iblint -s h -l help -d 'Print help and exit'
complete -c iblint -l version -d 'Print the version and exit'
complete -c iblint -s f -l format -x -a 'text json sarif github junit' -d 'Output format'
complete -c iblint -s o -l output -r -F -d 'Write the report to FILE instead of stdout'
complete -c iblint -l select -x -a '(__fish_complete_list , __iblint_rules)' -d 'Only run these rules'
complete -c iblint -l ignore -x -a '(__fish_complete_list , __iblint_rules)' -d 'Do not run these rules'
complete -c iblint -l fail-on -x -a 'error warning info' -d 'Exit 1 when a finding is at least this severe'
complete -c iblint -l config -r -F -d 'Use this configuration file'
complete -c iblint -l profile -x -a 'current seed-2020' -d 'Service profile'
complete -c iblint -l platform -x -a 'linux windows macos' -d 'The OS the components run on'
complete -c iblint -l max-file-size -x -d 'Refuse files larger than this many bytes'
complete -c iblint -s j -l jobs -x -d 'Lint this many files at once (default: the number of cores)'
complete -c iblint -l no-color -d 'Never colour the output'
complete -c iblint -s q -l quiet -d "Print only the findings' first lines"
complete -c iblint -l statistics -d 'Print a count of findings per rule'
complete -c iblint -s v -l verbose -d 'Say which files were linted or skipped, and why'
complete -c iblint -l no-shellcheck -d 'Do not run shellcheck on ExecuteBash scripts (IB701)'
complete -c iblint -l shellcheckrc -d 'Let shellcheck read the .shellcheckrc above each file'
complete -c iblint -l fix -d 'Apply safe fixes to the files'
complete -c iblint -l diff -d 'Print what --fix would change; write nothing'
complete -c iblint -l unsafe-fixes -d 'With --fix or --diff, also apply fixes that may change meaning'
complete -c iblint -l baseline -r -F -d 'Report only findings this baseline file does not list'
complete -c iblint -l write-baseline -r -F -d 'Record every current finding in FILE'
