#pragma once
#include <cstdint>

#include <nlohmann/json.hpp>

#include "engine/profile.h"
#include "lsp/diagnostic_conversion.h"
#include "lsp/document_analysis.h"

namespace iblint::lsp {

/// textDocument/completion at offset, decided from the text before the cursor so that it
/// works while the line is still incomplete YAML:
///   - after `action:`: the action modules of the profile;
///   - on a key line under a step's `inputs:`: the input keys of that step's action;
///   - inside an open `{{`: `phase.step.outputs.NAME` of every step written before the cursor,
///     parameters and constants, and `loop.index`/`loop.value` in a step with a loop.
nlohmann::json completion(const DocumentAnalysis& analysis, const RangeConverter& ranges, uint32_t offset,
                          Profile profile);

}  // namespace iblint::lsp
