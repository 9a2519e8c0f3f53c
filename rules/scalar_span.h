#pragma once
// Spans for parts of a scalar's decoded value (a token inside a script, a secret inside a
// string), so findings point at the exact bytes rather than at the whole scalar.
#include <cstddef>
#include <optional>

#include "source/source_file.h"
#include "yaml/node.h"

namespace iblint {

/// The file span of node.value[begin, end) when those bytes appear verbatim in the scalar's text
/// (block scalars, plain and quoted scalars without escapes or folding at that place). The
/// n-th occurrence in the value is matched with the n-th occurrence in the file text, and only
/// when both hold the same number of occurrences; otherwise nullopt.
std::optional<Span> exact_scalar_span(const SourceFile& file, const yaml::Node& node, size_t begin, size_t end);

/// exact_scalar_span, or the whole scalar's span when the bytes cannot be placed exactly.
Span scalar_span(const SourceFile& file, const yaml::Node& node, size_t begin, size_t end);

}  // namespace iblint
