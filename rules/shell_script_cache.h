#pragma once
// Parsed scripts shared between the rules that read them (IB602 and IB603 parse every
// ExecuteBash/ExecutePowerShell command) and kept across lints of one thread, so that the
// language server, which re-lints a whole document after each keystroke, parses only the
// scripts that changed. parse_shell_script is a pure function of (text, shell), so a cached
// result is the result.
#include <memory>
#include <string_view>

#include "rules/shell_script.h"

namespace iblint {

/// parse_shell_script(script, shell), from this thread's cache when the same text was parsed
/// before. The cache is bounded (kShellScriptCacheBytes of script text; it starts over when
/// full); the returned script stays valid however the cache changes.
std::shared_ptr<const ShellScript> shared_shell_script(std::string_view script, Shell shell);

inline constexpr size_t kShellScriptCacheBytes = 8u << 20;

}  // namespace iblint
