# Writes the man page iblint.1 from the built binary's own help, so the page never drifts from
# the command line: `iblint --help` gives the synopsis, options and commands, each command's
# `--help` its usage line, `iblint rules` the rule list; the rest (exit status, files,
# environment) is written here. Run at build time:
#   cmake -DIBLINT=path/to/iblint -DOUT=iblint.1 -P tools/generate_man_page.cmake
# No date is written, so the page is reproducible.
cmake_minimum_required(VERSION 3.25)
if(NOT IBLINT OR NOT OUT)
  message(FATAL_ERROR "usage: cmake -DIBLINT=BINARY -DOUT=FILE -P generate_man_page.cmake")
endif()

function(run_iblint out_var)
  execute_process(COMMAND "${IBLINT}" ${ARGN} OUTPUT_VARIABLE text ERROR_VARIABLE error RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "`${IBLINT} ${ARGN}` failed (${rc}): ${error}")
  endif()
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# Help text -> a CMake list of lines. ';', '[' and ']' would confuse CMake's list splitting, so
# they travel as placeholders until roff() puts them back.
function(to_lines out_var text)
  string(REPLACE ";" "@SEMI@" text "${text}")
  string(REPLACE "[" "@LB@" text "${text}")
  string(REPLACE "]" "@RB@" text "${text}")
  string(REGEX REPLACE "\n$" "" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(${out_var} "${lines}" PARENT_SCOPE)
endfunction()

# Text -> roff: backslashes escaped, placeholders restored, a leading '.' or ''' made literal.
function(roff out_var text)
  string(REPLACE "\\" "\\e" text "${text}")
  string(REPLACE "@LB@" "[" text "${text}")
  string(REPLACE "@RB@" "]" text "${text}")
  string(REGEX REPLACE "^([.'])" "\\\\&\\1" text "${text}")
  set(${out_var} "${text}" PARENT_SCOPE)
endfunction()

# "-f,--format TEXT:{…}=text" -> "\fB\-f\fR, \fB\-\-format\fR \fITEXT:{…}=text\fR"
function(option_term out_var term)
  string(REGEX MATCH "^[^ ]+" names "${term}")
  string(LENGTH "${names}" length)
  string(SUBSTRING "${term}" ${length} -1 rest)
  string(STRIP "${rest}" rest)
  string(REPLACE "," ";" names "${names}")
  set(parts "")
  foreach(name IN LISTS names)
    roff(name "${name}")
    string(REPLACE "-" "\\-" name "${name}")
    list(APPEND parts "\\fB${name}\\fR")
  endforeach()
  list(JOIN parts ", " result)
  if(rest)
    roff(rest "${rest}")
    string(APPEND result " \\fI${rest}\\fR")
  endif()
  set(${out_var} "${result}" PARENT_SCOPE)
endfunction()

run_iblint(help --help)
run_iblint(version --version)
run_iblint(rules rules)
string(STRIP "${version}" version)
to_lines(lines "${help}")

# Sections of CLI11's help: "Name:" headers; entries "  term   description" with descriptions
# that may continue on lines indented further.
set(description "")
set(synopsis "")
set(section "")
set(subcommands "")
foreach(line IN LISTS lines)
  if(line MATCHES "^Usage: (.*)$")
    list(APPEND synopsis "${CMAKE_MATCH_1}")
  elseif(line MATCHES "^([A-Za-z][A-Za-z ]*):$")
    set(section "${CMAKE_MATCH_1}")
  elseif(section STREQUAL "" AND NOT line STREQUAL "")
    string(APPEND description "${line}\n")
  elseif(line MATCHES "^  ([^ ].*[^ ])  +([^ ].*)$")
    list(APPEND "entries_${section}" "${CMAKE_MATCH_1}@SEP@${CMAKE_MATCH_2}")
  elseif(line MATCHES "^  ([^ ].*[^ ])$")  # the description follows on the next line
    list(APPEND "entries_${section}" "${CMAKE_MATCH_1}@SEP@")
  elseif(line MATCHES "^     +([^ ].*)$")
    # A description on the next line(s): append it to the last entry of the section.
    set(more "${CMAKE_MATCH_1}")  # the next MATCHES resets CMAKE_MATCH_1
    list(POP_BACK "entries_${section}" last)
    if(last MATCHES "@SEP@$")
      set(last "${last}${more}")
    else()
      set(last "${last} ${more}")
    endif()
    list(APPEND "entries_${section}" "${last}")
  endif()
endforeach()

foreach(entry IN LISTS entries_Subcommands)
  string(REGEX REPLACE "@SEP@.*" "" sub "${entry}")
  list(APPEND subcommands "${sub}")
endforeach()
foreach(sub IN LISTS subcommands)
  run_iblint(sub_help ${sub} --help)
  to_lines(sub_lines "${sub_help}")
  foreach(line IN LISTS sub_lines)
    if(line MATCHES "^Usage: (.*)$")
      list(APPEND synopsis "${CMAKE_MATCH_1}")
    endif()
  endforeach()
endforeach()

# "iblint: lint EC2 Image Builder …" -> the NAME line's summary.
string(STRIP "${description}" description)
string(REGEX REPLACE "^iblint: *" "" summary "${description}")
roff(summary "${summary}")

set(page ".\\\" Generated from `iblint --help` by tools/generate_man_page.cmake; do not edit.\n")
string(APPEND page ".TH IBLINT 1 \"\" \"${version}\" \"User Commands\"\n")
string(APPEND page ".SH NAME\niblint \\- ${summary}\n")
string(APPEND page ".SH SYNOPSIS\n")
foreach(usage IN LISTS synopsis)
  roff(usage "${usage}")
  string(REGEX REPLACE "^iblint" "\\\\fBiblint\\\\fR" usage "${usage}")
  string(APPEND page "${usage}\n.br\n")
endforeach()
string(APPEND page ".SH DESCRIPTION\n"
  "\\fBiblint\\fR lints AWSTOE component documents, the YAML that EC2 Image Builder components\n"
  "run. Files are recognised by content, so other YAML and JSON (CloudFormation templates, Image\n"
  "Builder API JSON, workflows) may be passed and are skipped; folders are searched recursively\n"
  "for *.yml, *.yaml and *.json. Findings are printed as text (default), JSON, SARIF 2.1.0,\n"
  "JUnit XML or GitHub workflow annotations.\n")

function(append_entries section title)
  if(NOT DEFINED "entries_${section}")
    return()
  endif()
  string(APPEND page ".SH ${title}\n")
  foreach(entry IN LISTS "entries_${section}")
    string(REPLACE "@SEP@" ";" pair "${entry}")
    list(GET pair 0 term)
    list(LENGTH pair count)
    set(text "")
    if(count GREATER 1)
      list(GET pair 1 text)
    endif()
    if(section STREQUAL "Options")
      option_term(term "${term}")
    else()
      roff(term "${term}")
      set(term "\\fB${term}\\fR")
    endif()
    roff(text "${text}")
    string(APPEND page ".TP\n${term}\n${text}\n")
  endforeach()
  set(page "${page}" PARENT_SCOPE)
endfunction()
append_entries("Positionals" "ARGUMENTS")
append_entries("Options" "OPTIONS")
append_entries("Subcommands" "COMMANDS")

to_lines(rule_lines "${rules}")
string(APPEND page ".SH RULES\nEach rule has a page: \\fBiblint explain\\fR \\fIID\\fR.\n")
foreach(line IN LISTS rule_lines)
  if(line MATCHES "^([A-Z]+[0-9]+) +([^ ]+) +([^ ]+) +(.*)$")
    roff(text "${CMAKE_MATCH_4}")
    string(APPEND page ".TP\n\\fB${CMAKE_MATCH_1}\\fR ${CMAKE_MATCH_2} (${CMAKE_MATCH_3})\n${text}\n")
  endif()
endforeach()

string(APPEND page
  ".SH EXIT STATUS\n"
  ".TP\n.B 0\nno finding at or above \\fB\\-\\-fail\\-on\\fR (default: warning)\n"
  ".TP\n.B 1\nfindings at or above \\fB\\-\\-fail\\-on\\fR; with \\fB\\-\\-diff\\fR, a change to show\n"
  ".TP\n.B 2\nusage error, unreadable file, bad configuration or baseline, or internal error\n"
  ".SH FILES\n"
  ".TP\n.I .iblint.yaml\nconfiguration: the nearest one in the file's folder or above (or \\fB\\-\\-config\\fR)\n"
  ".TP\n.I iblint-baseline.json\nfindings accepted with \\fB\\-\\-write\\-baseline\\fR; "
  "\\fB\\-\\-baseline\\fR reports only others\n"
  ".SH ENVIRONMENT\n"
  ".TP\n.B NO_COLOR\nwhen set and not empty, the text output is never coloured\n"
  ".SH SEE ALSO\n"
  "\\fBshellcheck\\fR(1), \\fBpre\\-commit\\fR(1)\n")

string(REPLACE "@SEMI@" ";" page "${page}")
file(WRITE "${OUT}" "${page}")
