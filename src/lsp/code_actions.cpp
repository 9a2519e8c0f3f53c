#include "lsp/code_actions.h"

#include <string>

#include "engine/rule.h"
#include "rules/rules.h"

namespace iblint::lsp {
namespace {

/// Replacement text with the document's line breaks (fix texts are written with `\n`).
std::string with_line_breaks(std::string_view replacement, bool crlf) {
  std::string out;
  for (size_t i = 0; i < replacement.size(); ++i) {
    if (crlf && replacement[i] == '\n' && (i == 0 || replacement[i - 1] != '\r')) out += '\r';
    out += replacement[i];
  }
  return out;
}

bool uses_crlf(const SourceFile& file) {
  size_t lf = file.bytes().find('\n');
  return lf != std::string::npos && lf > 0 && file.bytes()[lf - 1] == '\r';
}

/// Whether the line starting at offset continues a scalar that began on an earlier line (a
/// block scalar's content, a folded plain or quoted value): a comment there would be text.
bool continues_a_scalar(const yaml::Stream& stream, uint32_t line_start) {
  for (const yaml::Node& node : stream.arena) {
    if (node.is_scalar() && node.span.begin < line_start && line_start < node.span.end) return true;
  }
  return false;
}

nlohmann::json action(std::string title, const nlohmann::json& diagnostic, std::string_view uri, int64_t version,
                      nlohmann::json edits, bool preferred) {
  nlohmann::json change = {{"textDocument", {{"uri", uri}, {"version", version}}}, {"edits", std::move(edits)}};
  nlohmann::json out = {{"title", std::move(title)},
                        {"kind", "quickfix"},
                        {"diagnostics", nlohmann::json::array({diagnostic})},
                        {"edit", {{"documentChanges", nlohmann::json::array({std::move(change)})}}}};
  if (preferred) out["isPreferred"] = true;
  return out;
}

nlohmann::json insertion(const RangeConverter& ranges, uint32_t at, std::string text) {
  return {{"range", ranges.range({at, at})}, {"newText", std::move(text)}};
}

}  // namespace

nlohmann::json code_actions(const DocumentAnalysis& analysis, std::string_view uri, const RangeConverter& ranges,
                            Span requested) {
  const SourceFile& file = analysis.file();
  bool crlf = uses_crlf(file);
  std::string line_break = crlf ? "\r\n" : "\n";
  nlohmann::json actions = nlohmann::json::array();
  for (const Diagnostic& d : analysis.lint().diagnostics) {
    if (d.span.begin > requested.end || std::max(d.span.begin, d.span.end) < requested.begin) continue;
    nlohmann::json diagnostic = to_lsp_diagnostic(d, ranges, uri);
    bool preferred = true;
    for (const Fix& fix : d.fixes) {
      nlohmann::json edits = nlohmann::json::array();
      for (const Edit& edit : fix.edits) {
        edits.push_back({{"range", ranges.range(edit.span)}, {"newText", with_line_breaks(edit.replacement, crlf)}});
      }
      actions.push_back(action(fix.title + (fix.safe ? "" : " (may change behaviour)"), diagnostic, uri,
                               analysis.version(), std::move(edits), preferred && fix.safe));
      preferred = false;
    }
    if (!d.rule || d.rule == &unused_suppression_rule()) continue;  // IB009 cannot be suppressed
    std::string id(d.rule->id);
    uint32_t line = file.line_of(d.span.begin);
    uint32_t line_start = file.line_start(line);
    if (line == 1) line_start = std::max(line_start, file.content_begin());
    if (!continues_a_scalar(analysis.stream(), line_start)) {
      uint32_t line_end = file.line_start(line) + static_cast<uint32_t>(file.line_text(line).size());
      std::string_view text = file.text({line_start, line_end});
      std::string indent(text.substr(0, std::min(text.find_first_not_of(' '), text.size())));
      actions.push_back(action("Disable " + id + " for this line", diagnostic, uri, analysis.version(),
                               {insertion(ranges, line_start, indent + "# iblint-disable-next-line " + id + line_break)},
                               false));
    } else {
      actions.push_back(action("Disable " + id + " for this file", diagnostic, uri, analysis.version(),
                               {insertion(ranges, file.content_begin(), "# iblint-disable-file " + id + line_break)},
                               false));
    }
  }
  return actions;
}

}  // namespace iblint::lsp
