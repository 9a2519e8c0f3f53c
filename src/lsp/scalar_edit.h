#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint::lsp {

/// One edit of a document's text, as TextDocument recorded it for the next analysis.
struct TextEdit {
  uint32_t begin = 0;    ///< in the text before this edit
  uint32_t old_end = 0;  ///< in the text before this edit
  std::string removed;
  std::string inserted;
  uint32_t line_start = 0;          ///< where the edit's line starts, in the text before it
  bool after_indentation = false;  ///< the edit starts after the first non-blank of its line
};

/// Updates stream, the node model of the text before edits, to the text after them (file) when
/// every edit only changes characters inside one scalar value that cannot change the YAML
/// structure: letters and digits inside a plain value, anything but quotes, backslashes and line
/// breaks inside a quoted one, a line's text inside a block scalar. Spans after each edit move,
/// the edited scalars are decoded again. Returns false, with stream left in any state, when an
/// edit may change more than that: the caller parses again.
bool apply_scalar_edits(yaml::Stream& stream, const std::vector<TextEdit>& edits, const SourceFile& file);

}  // namespace iblint::lsp
