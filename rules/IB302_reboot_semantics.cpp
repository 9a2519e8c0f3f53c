#include <cctype>
#include <initializer_list>
#include <optional>
#include <regex>

#include "rules/rule_support.h"
#include "source/source_file.h"
#include "yaml/parser.h"
#include "rules/rules.h"
#include "util/case_insensitive_search.h"

namespace iblint {
namespace {

using yaml::Node;

/// One script line with the file span it came from (block scalars map line by line).
struct ScriptLine {
  std::string text;
  Span span;
};

/// The non-comment lines of a step's `commands`, each entry split at line breaks, each line
/// with the exact file span it was written at.
std::vector<ScriptLine> script_lines(const SourceFile& file, const Step& step) {
  std::vector<ScriptLine> lines;
  if (!step.inputs) return lines;
  const Node* commands = step.inputs->resolved().find("commands");
  if (!commands || !commands->resolved().is_sequence()) return lines;
  for (const Node* item : commands->resolved().items) {
    const Node& entry = item->resolved();
    if (!entry.is_scalar()) continue;
    yaml::Decoded decoded = yaml::decode_scalar(file, entry, true);
    const std::string& value = decoded.value;
    size_t start = 0;
    while (start <= value.size()) {
      size_t end = value.find('\n', start);
      if (end == std::string::npos) end = value.size();
      std::string text = value.substr(start, end - start);
      size_t first = text.find_first_not_of(" \t");
      if (first != std::string::npos && text[first] != '#') {
        size_t last = text.find_last_not_of(" \t");
        Span span{decoded.offsets[start + first], decoded.offsets[start + last] + 1};
        lines.push_back({text, span.end > span.begin ? span : entry.span});
      }
      start = end + 1;
    }
  }
  return lines;
}

/// Whether any `commands` entry of the step holds one of words, ignoring ASCII case: most
/// scripts mention no reboot, and those need no line-by-line look (the language server re-lints
/// every script after each keystroke).
bool commands_mention(const Step& step, std::initializer_list<std::string_view> words) {
  if (!step.inputs) return false;
  const Node* commands = step.inputs->resolved().find("commands");
  if (!commands || !commands->resolved().is_sequence()) return false;
  for (const Node* item : commands->resolved().items) {
    const Node& entry = item->resolved();
    if (!entry.is_scalar()) continue;
    for (std::string_view word : words) {
      if (contains_ignoring_case(entry.value, word)) return true;
    }
  }
  return false;
}

/// Words of the lines worth a regular expression.
const std::initializer_list<std::string_view> kKeywords = {"exit", "reboot", "shutdown", "restart-computer"};

// spec/component-document.md §3.1: ExecuteBash requests a reboot with exit 194, PowerShell with
// 3010; the same step runs again after the reboot, so it must be idempotent; rebooting by other
// means may fail the build. (`timeoutSeconds` on a Reboot step, which ignores it, is IB303's.)
class RebootSemantics final : public Rule {
 public:
  const RuleInfo& info() const override {
    static const RuleInfo rule{"IB302", "reboot-semantics", Severity::Warning,
                               "Reboots that cannot resume correctly: wrong exit code, no re-run guard, reboot commands"};
    return rule;
  }
  void check(const LintContext& context, Reporter& out) const override {
    // Compiled on first use: most scripts never mention a reboot, and compiling the three took
    // a sixth of the instructions of a whole `iblint` run on a small file.
    auto exit_pattern = []() -> const std::regex& {
      static const std::regex pattern(R"((^|[;&|\s])exit\s+(194|3010)\b)");
      return pattern;
    };
    auto reboot_command = []() -> const std::regex& {
      static const std::regex pattern(
          R"((^|;|&&|\|\|)\s*(sudo\s+)?(reboot|shutdown\s+(-r|/r)|systemctl\s+reboot|Restart-Computer)(\s|;|$))",
          std::regex::icase);
      return pattern;
    };
    auto guard_pattern = []() -> const std::regex& {
      static const std::regex pattern(R"((\[\s*-[ef]\s)|test\s+-[ef]\s|Test-Path|\bif\b)", std::regex::icase);
      return pattern;
    };
    for (const Phase& phase : context.component->phases) {
      for (const Step& step : phase.steps) {
        if (step.action == "Reboot") {
          check_reboot_step(phase, step, out);
          continue;
        }
        bool bash = step.action == "ExecuteBash", powershell = step.action == "ExecutePowerShell";
        if (!bash && !powershell) continue;
        if (!commands_mention(step, kKeywords)) continue;
        std::vector<ScriptLine> lines = script_lines(context.file, step);
        // std::regex is slow: only lines holding a keyword reach it, and the guard is looked for
        // only when a reboot exit was found.
        auto mentions = [](const std::string& text, std::initializer_list<std::string_view> words) {
          std::string lower(text);
          for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          for (std::string_view w : words) {
            if (lower.find(w) != std::string::npos) return true;
          }
          return false;
        };
        std::optional<bool> guarded;
        auto is_guarded = [&] {
          if (!guarded) {
            guarded = false;
            for (const ScriptLine& line : lines) *guarded = *guarded || std::regex_search(line.text, guard_pattern());
          }
          return *guarded;
        };
        for (const ScriptLine& line : lines) {
          if (!mentions(line.text, kKeywords)) continue;
          std::smatch m;
          if (std::regex_search(line.text, m, exit_pattern())) {
            std::string code_text = m[2];
            std::string_view expected = bash ? "194" : "3010";
            if (code_text != expected) {
              out.report(line.span, code(step.action) + " step " + code(step.name) + " exits " + code_text +
                                        ", but " + code(step.action) + " requests a reboot with exit " +
                                        std::string(expected) + "; exit " + code_text + " just fails the step");
            } else if (!is_guarded()) {
              out.report(line.span, "step " + code(step.name) + " exits " + code_text +
                                        " to reboot, and AWSTOE runs the same step again after the reboot; without a "
                                        "guard (e.g. a marker file checked with `if [ -f … ]`) it reboots forever");
            }
          }
          if (std::regex_search(line.text, m, reboot_command())) {
            out.report(line.span, "step " + code(step.name) + " reboots with " + code(std::string(m[3])) +
                                      "; AWSTOE does not expect it and the build may fail. Use the `Reboot` action or "
                                      "exit " + std::string(bash ? "194" : "3010") + " from the script");
          }
        }
      }
    }
  }

 private:
  static void check_reboot_step(const Phase& phase, const Step& step, Reporter& out) {
    if (phase.name == "test" || phase.name == "container-host-test") {
      Diagnostic& d = out.report(step.action_node->span, "a `Reboot` in the " + code(phase.name) +
                                                             " phase reboots the test instance; legal, but unusual: "
                                                             "reboots belong in `build`");
      d.severity = Severity::Info;
    }
  }
};

}  // namespace

std::unique_ptr<Rule> make_reboot_semantics() { return std::make_unique<RebootSemantics>(); }

}  // namespace iblint
