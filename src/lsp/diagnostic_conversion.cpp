#include "lsp/diagnostic_conversion.h"

#include "engine/registry.h"
#include "engine/rule.h"
#include "lsp/json_rpc.h"

namespace iblint::lsp {

nlohmann::json RangeConverter::position(uint32_t offset) const {
  LspPosition p = lines_.position(text_, offset, encoding_);
  return {{"line", p.line}, {"character", p.character}};
}

nlohmann::json RangeConverter::range(Span span) const {
  return {{"start", position(span.begin)}, {"end", position(std::max(span.begin, span.end))}};
}

uint32_t RangeConverter::offset(const nlohmann::json& position) const {
  auto read = [&](const char* name) -> uint32_t {
    const nlohmann::json* value = position.is_object() && position.contains(name) ? &position[name] : nullptr;
    if (value && value->is_number_unsigned()) return static_cast<uint32_t>(std::min<uint64_t>(value->get<uint64_t>(), UINT32_MAX));
    if (value && value->is_number_integer() && value->get<int64_t>() >= 0) {
      return static_cast<uint32_t>(std::min<int64_t>(value->get<int64_t>(), UINT32_MAX));
    }
    throw RequestError(kInvalidParams, "a position needs non-negative integer `line` and `character`");
  };
  return lines_.offset(text_, {read("line"), read("character")}, encoding_);
}

int lsp_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return 1;
    case Severity::Warning: return 2;
    case Severity::Info: return 3;
  }
  return 3;
}

nlohmann::json to_lsp_diagnostic(const Diagnostic& diagnostic, const RangeConverter& ranges, std::string_view uri) {
  nlohmann::json out = {
      {"range", ranges.range(diagnostic.span)},
      {"severity", lsp_severity(diagnostic.severity)},
      {"source", "iblint"},
      {"message", diagnostic.message},
  };
  if (diagnostic.rule) {
    out["code"] = std::string(diagnostic.rule->id);
    out["codeDescription"] = {{"href", rule_doc_url(*diagnostic.rule)}};
  }
  if (!diagnostic.related.empty()) {
    nlohmann::json related = nlohmann::json::array();
    for (const Related& r : diagnostic.related) {
      related.push_back({{"location", {{"uri", uri}, {"range", ranges.range(r.span)}}}, {"message", r.message}});
    }
    out["relatedInformation"] = std::move(related);
  }
  return out;
}

}  // namespace iblint::lsp
