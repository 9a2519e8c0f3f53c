#pragma once
// The bash script of an ExecuteBash step as AWSTOE runs it: the decoded `commands` entries
// joined with "\n". Every `{{ … }}` is replaced by a placeholder of the same length (`_`
// repeated: a plain literal word, so the substitution cannot create quoting or expansion
// findings), and every script byte can be mapped back to the file byte that produced it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "expr/expression.h"
#include "source/source_file.h"
#include "yaml/node.h"
#include "yaml/scalar_decode.h"

namespace iblint::shell {

/// One `commands` entry inside the script.
struct ScriptPiece {
  uint32_t begin = 0;     ///< offset of the entry's first byte in the script
  yaml::Decoded decoded;  ///< the entry's value with file offsets (decoded.offsets.size() == value.size() + 1)
  bool double_quoted = false;  ///< escapes may stand for value bytes
};

struct BashScript {
  std::string text;                       ///< the script, placeholders substituted
  std::vector<ScriptPiece> pieces;        ///< in script order
  std::vector<expr::Range> placeholders;  ///< script byte ranges that were `{{ … }}`
  std::vector<uint32_t> line_starts;      ///< script offset of each line's start
  bool fn_sub_template = false;           ///< holds `${AWS::…}`: a CloudFormation Fn::Sub template (also placeholders)

  /// Script byte offset of a 1-based line and code-point column (as shellcheck counts; clamped
  /// to the line's end).
  uint32_t offset(int line, int column) const;
  /// The file span of script bytes [begin, end).
  Span file_span(uint32_t begin, uint32_t end) const;
  /// The file span of a shellcheck range (lines and columns 1-based, end exclusive).
  Span file_span(int line, int column, int end_line, int end_column) const;
  /// Whether any placeholder lies on script lines [first_line, last_line] (1-based).
  bool placeholder_on_lines(int first_line, int last_line) const;

  const SourceFile* file_ = nullptr;  ///< the file the pieces come from (must outlive the script)
};

/// Builds the script from string scalars (the `commands` entries, in order).
BashScript build_bash_script(const SourceFile& file, const std::vector<const yaml::Node*>& entries);

}  // namespace iblint::shell
