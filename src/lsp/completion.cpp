#include "lsp/completion.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/action_catalog.h"
#include "lsp/action_docs.h"

namespace iblint::lsp {
namespace {

// LSP CompletionItemKind values.
constexpr int kField = 5;
constexpr int kVariable = 6;
constexpr int kModule = 9;

bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

/// A line's indentation, and the column where its content starts after a `- ` list marker.
struct LineShape {
  size_t indent = 0;
  size_t content = 0;
  bool item = false;  ///< starts with `- `
  bool blank = true;  ///< empty or only a comment
  std::string_view rest;  ///< from content on
};

LineShape shape_of(std::string_view line) {
  LineShape s;
  s.indent = std::min(line.find_first_not_of(' '), line.size());
  s.content = s.indent;
  while (s.content + 1 < line.size() && line[s.content] == '-' && line[s.content + 1] == ' ') {
    s.item = true;
    s.content = line.find_first_not_of(' ', s.content + 1);
    if (s.content == std::string_view::npos) s.content = line.size();
  }
  s.rest = line.substr(std::min(s.content, line.size()));
  s.blank = s.rest.empty() || s.rest.front() == '#' || s.rest.front() == '\r';
  return s;
}

/// The value after `key:` when rest is such a line, else nullopt.
std::optional<std::string_view> key_value(std::string_view rest, std::string_view key) {
  if (!rest.starts_with(key) || rest.size() <= key.size() || rest[key.size()] != ':') return std::nullopt;
  std::string_view value = rest.substr(key.size() + 1);
  value.remove_prefix(std::min(value.find_first_not_of(' '), value.size()));
  size_t end = value.find_first_of(" #\r");
  return value.substr(0, end);
}

nlohmann::json item(std::string label, int kind, std::string detail, std::string documentation,
                    const RangeConverter& ranges, Span replaced, std::string new_text) {
  nlohmann::json out = {{"label", std::move(label)},
                        {"kind", kind},
                        {"detail", std::move(detail)},
                        {"textEdit", {{"range", ranges.range(replaced)}, {"newText", std::move(new_text)}}}};
  if (!documentation.empty()) out["documentation"] = {{"kind", "markdown"}, {"value", std::move(documentation)}};
  return out;
}

class Completer {
 public:
  Completer(const DocumentAnalysis& analysis, const RangeConverter& ranges, uint32_t offset, Profile profile)
      : analysis_(analysis), file_(analysis.file()), ranges_(ranges), offset_(offset), profile_(profile) {
    line_ = file_.line_of(offset);
    line_start_ = file_.line_start(line_);
    before_ = file_.text({line_start_, offset});
  }

  nlohmann::json run() {
    if (expression()) return items_;
    LineShape shape = shape_of(before_);
    if (key_value(shape.rest, "action")) {
      actions(word_before());
    } else if (std::all_of(shape.rest.begin(), shape.rest.end(), is_word)) {
      input_keys(shape);
    }
    return items_;
  }

 private:
  /// The word the cursor stands after, as a span to replace.
  Span word_before() const {
    uint32_t begin = offset_;
    while (begin > line_start_ && is_word(file_.bytes()[begin - 1])) --begin;
    return {begin, offset_};
  }

  void actions(Span replaced) {
    for (const ActionSpec& action : action_catalog()) {
      if (profile_ == Profile::Seed2020 && !action.seed_2020) continue;
      items_.push_back(item(std::string(action.name), kModule, std::string(action.summary), action_markdown(action),
                            ranges_, replaced, std::string(action.name)));
    }
  }

  void input_keys(const LineShape& cursor) {
    std::optional<uint32_t> inputs_line = parent_inputs_line(cursor.content);
    if (!inputs_line) return;
    const ActionSpec* action = step_action(*inputs_line);
    if (!action) return;
    for (const InputSpec& input : action->inputs) {
      items_.push_back(item(std::string(input.name), kField,
                            std::string(type_name(input.type)) + (input.required ? ", required" : ""),
                            input_markdown(*action, input), ranges_, word_before(), std::string(input.name) + ": "));
    }
  }

  /// The line of the `inputs:` key whose mapping holds a key written at column key_column.
  std::optional<uint32_t> parent_inputs_line(size_t key_column) const {
    for (uint32_t line = line_; line-- > 1;) {
      LineShape s = shape_of(file_.line_text(line));
      if (s.blank) continue;
      if (s.indent >= key_column || (s.item && s.content == key_column)) continue;  // sibling or deeper
      if (key_value(s.rest, "inputs") && key_value(s.rest, "inputs")->empty()) return line;
      return std::nullopt;
    }
    return std::nullopt;
  }

  /// The action of the step whose `inputs:` key is on inputs_line.
  const ActionSpec* step_action(uint32_t inputs_line) const {
    LineShape inputs = shape_of(file_.line_text(inputs_line));
    size_t column = inputs.content;
    auto action_on = [&](const LineShape& s) -> const ActionSpec* {
      std::optional<std::string_view> value = s.content == column ? key_value(s.rest, "action") : std::nullopt;
      return value ? find_action(*value) : nullptr;
    };
    if (inputs.item) return action_on(inputs);
    for (uint32_t line = inputs_line; line-- > 1;) {
      LineShape s = shape_of(file_.line_text(line));
      if (s.blank) continue;
      if (const ActionSpec* found = action_on(s)) return found;
      if (s.indent < column) break;  // the step's first line (`- name: …`) or something above it
    }
    for (uint32_t line = inputs_line + 1; line <= file_.line_count(); ++line) {
      LineShape s = shape_of(file_.line_text(line));
      if (s.blank) continue;
      if (s.indent < column) break;
      if (const ActionSpec* found = action_on(s)) return found;
    }
    return nullptr;
  }

  /// Inside an unclosed `{{` on this line: completes the expression path.
  bool expression() {
    size_t open = before_.rfind("{{");
    if (open == std::string_view::npos || before_.find("}}", open) != std::string_view::npos) return false;
    uint32_t begin = line_start_ + static_cast<uint32_t>(open) + 2;
    while (begin < offset_ && file_.bytes()[begin] == ' ') ++begin;
    Span replaced{begin, offset_};
    std::optional<StepAt> here = analysis_.step_at(offset_);
    for (const auto& model : analysis_.components()) {
      for (const Variable& v : model->component.variables) {
        items_.push_back(item(v.name, kVariable, v.constant ? "constant" : "parameter", "", ranges_, replaced, v.name));
      }
      for (const Phase& phase : model->component.phases) {
        for (const Step& step : phase.steps) {
          if (!step.node || step.node->span.end > offset_ || (here && here->step == &step)) continue;
          const ActionSpec* action = find_action(step.action);
          if (!action || step.name.empty()) continue;
          for (std::string_view output : action->outputs) {
            std::string path = phase.name + "." + step.name + ".outputs." + std::string(output);
            items_.push_back(item(path, kVariable, "output of " + std::string(action->name), "", ranges_, replaced, path));
          }
        }
      }
    }
    if (here && here->step->loop) {
      for (const char* path : {"loop.index", "loop.value"}) {
        items_.push_back(item(path, kVariable, "this step's loop", "", ranges_, replaced, path));
      }
    }
    return true;
  }

  const DocumentAnalysis& analysis_;
  const SourceFile& file_;
  const RangeConverter& ranges_;
  uint32_t offset_;
  Profile profile_;
  uint32_t line_ = 1;
  uint32_t line_start_ = 0;
  std::string_view before_;
  nlohmann::json items_ = nlohmann::json::array();
};

}  // namespace

nlohmann::json completion(const DocumentAnalysis& analysis, const RangeConverter& ranges, uint32_t offset,
                          Profile profile) {
  return {{"isIncomplete", false}, {"items", Completer(analysis, ranges, offset, profile).run()}};
}

}  // namespace iblint::lsp
