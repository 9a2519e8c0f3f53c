#pragma once
#include <string_view>

#include <nlohmann/json.hpp>

#include "lsp/diagnostic_conversion.h"
#include "lsp/document_analysis.h"

namespace iblint::lsp {

/// The quick fixes for the findings of analysis that touch requested: every fix of each
/// finding, then a comment that disables the finding's rule for its line (`# iblint-disable-
/// next-line ID` above it), or for the whole file where the line continues a multi-line scalar
/// and no comment can stand. Edits are tied to the analysed version of the document.
nlohmann::json code_actions(const DocumentAnalysis& analysis, std::string_view uri, const RangeConverter& ranges,
                            Span requested);

}  // namespace iblint::lsp
