#pragma once
// What every emitter needs: where a span is in lines and columns, and the rule's names.
#include <string_view>

#include "engine/diagnostic.h"
#include "source/source_file.h"
#include "source/span.h"

namespace iblint {

/// A span as 1-based lines and code-point columns, end exclusive. The end is never before the
/// start, so an empty span has end == start.
struct Range {
  Position start;
  Position end;
};

/// The span clamped to the file's bytes, with end >= begin.
Span clamp_span(const SourceFile* file, Span span);

/// Where span lies in file; a file that could not be read (null) gives 1:1-1:1.
Range range_of(const SourceFile* file, Span span);

/// The rule's id and kebab-case name, or "" when the diagnostic has no rule.
std::string_view rule_id(const Diagnostic& diagnostic);
std::string_view rule_name(const Diagnostic& diagnostic);

}  // namespace iblint
