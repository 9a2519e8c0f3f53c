#include "lsp/definition.h"

#include "lsp/references.h"

namespace iblint::lsp {

nlohmann::json definition(const DocumentAnalysis& analysis, const RangeConverter& ranges, std::string_view uri,
                          uint32_t offset) {
  std::optional<ExpressionAt> at = analysis.expression_at(offset);
  if (!at) return nullptr;
  ReferenceTarget target = resolve_reference(*at, analysis.file());
  if (!target.definition) return nullptr;
  return {{"uri", uri}, {"range", ranges.range(target.definition->span)}};
}

}  // namespace iblint::lsp
