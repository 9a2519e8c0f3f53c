#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/diagnostic.h"
#include "lsp/text_lines.h"
#include "source/span.h"

namespace iblint::lsp {

/// Converts byte spans of one document's text into LSP ranges in the negotiated encoding.
class RangeConverter {
 public:
  RangeConverter(std::string_view text, const TextLines& lines, PositionEncoding encoding)
      : text_(text), lines_(lines), encoding_(encoding) {}
  nlohmann::json position(uint32_t offset) const;
  nlohmann::json range(Span span) const;
  /// The byte offset of an LSP position object ({line, character}); throws RequestError on a
  /// malformed one.
  uint32_t offset(const nlohmann::json& position) const;

 private:
  std::string_view text_;
  const TextLines& lines_;
  PositionEncoding encoding_;
};

/// An iblint finding as an LSP Diagnostic: range, severity, code (rule id), codeDescription
/// (the rule's page), source "iblint", message and relatedInformation in the same document.
nlohmann::json to_lsp_diagnostic(const Diagnostic& diagnostic, const RangeConverter& ranges, std::string_view uri);

/// LSP's DiagnosticSeverity for an iblint severity (Error 1, Warning 2, Information 3).
int lsp_severity(Severity severity);

}  // namespace iblint::lsp
