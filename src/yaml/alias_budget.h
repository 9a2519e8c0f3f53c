#pragma once
#include <cstdint>

namespace iblint::yaml {

struct Stream;

/// Most nodes that aliases may add to a stream when expanded. Every walk that follows aliases
/// visits each alias's whole target, so an "alias bomb" (nine aliases of nine aliases of …)
/// would make a few kilobytes cost billions of visits; real documents stay far below this.
inline constexpr uint64_t kMaxAliasExpansion = 100000;

/// Follows the stream's aliases in document order, adding up the size of each one's target
/// (with the aliases inside it expanded). From the alias that takes the sum over budget on,
/// aliases are cut (alias_target = null, as for an undefined anchor) and one error is recorded
/// at the first cut alias. An alias whose target, expanded, is more than kMaxDepth levels high
/// is cut too (one error), so that walks that follow aliases stay within 2 × kMaxDepth levels.
/// Iterative: safe on any nesting.
void limit_alias_expansion(Stream& stream, uint64_t budget = kMaxAliasExpansion);

}  // namespace iblint::yaml
