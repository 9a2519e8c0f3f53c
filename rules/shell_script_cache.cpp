#include "rules/shell_script_cache.h"

#include <string>
#include <unordered_map>

namespace iblint {
namespace {

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

using ScriptMap = std::unordered_map<std::string, std::shared_ptr<const ShellScript>, TextHash, std::equal_to<>>;

/// One per thread: parallel lints never share (or lock) it.
struct ScriptCache {
  ScriptMap bash, powershell;
  size_t bytes = 0;
};

}  // namespace

std::shared_ptr<const ShellScript> shared_shell_script(std::string_view script, Shell shell) {
  thread_local ScriptCache cache;
  ScriptMap& scripts = shell == Shell::Bash ? cache.bash : cache.powershell;
  if (auto it = scripts.find(script); it != scripts.end()) return it->second;
  auto parsed = std::make_shared<const ShellScript>(parse_shell_script(script, shell));
  if (cache.bytes + script.size() > kShellScriptCacheBytes) {
    cache.bash.clear();
    cache.powershell.clear();
    cache.bytes = 0;
  }
  if (script.size() <= kShellScriptCacheBytes) {
    scripts.emplace(std::string(script), parsed);
    cache.bytes += script.size();
  }
  return parsed;
}

}  // namespace iblint
