#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

#include "lsp/diagnostic_conversion.h"
#include "lsp/document_analysis.h"

namespace iblint::lsp {

/// textDocument/hover: on an action name, the module's inputs and outputs from the catalog; on
/// an input key, that input; on a `{{ }}` expression, what it resolves to and where that is
/// defined. Null when there is nothing to say at offset.
nlohmann::json hover(const DocumentAnalysis& analysis, const RangeConverter& ranges, uint32_t offset);

}  // namespace iblint::lsp
