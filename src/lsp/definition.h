#pragma once
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "lsp/diagnostic_conversion.h"
#include "lsp/document_analysis.h"

namespace iblint::lsp {

/// textDocument/definition: from a `{{ }}` chaining reference to the name of the step it reads, from `{{ Name }}` to the parameter or constant, from a loop variable
/// to the loop. Null when the expression at offset resolves to nothing.
nlohmann::json definition(const DocumentAnalysis& analysis, const RangeConverter& ranges, std::string_view uri,
                          uint32_t offset);

}  // namespace iblint::lsp
