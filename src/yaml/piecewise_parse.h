#pragma once
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "source/source_file.h"
#include "yaml/parser.h"

namespace iblint::yaml {

/// When a file is parsed in pieces, and how big the pieces are.
struct PieceSizes {
  /// Smaller files are parsed whole. tree-sitter's tree of a YAML file takes about 40 bytes per
  /// input byte, so a whole 256 KiB file needs about 10 MiB of tree, which is fine.
  uint32_t min_file_bytes = 256 * 1024;
  /// About how many bytes of a long list each piece holds (always whole items).
  uint32_t piece_bytes = 128 * 1024;
};

/// The items of one block sequence as a line scan sees them: lines that start, after exactly
/// `indent` spaces, with `- ` (or a lone `-`), with nothing between them that ends the sequence.
struct ItemRun {
  uint32_t indent = 0;
  std::vector<uint32_t> line_starts;  ///< the start of each item's first line, in order
};

/// What the line scan found in a text.
struct LineScan {
  std::vector<ItemRun> runs;  ///< runs of three items or more, ordered by their first item
  bool several_documents = false;  ///< a `---` or `...` marker or a `%` directive at a line start
};

/// Finds the block sequences of text (from offset begin) by their lines. An item line cannot be
/// inside an earlier item's block scalar (its indentation is not deeper than the sequence's),
/// nor, in valid YAML, continue a quoted or flow scalar (such a piece would not parse, and the
/// file is then parsed whole). A line that is not blank and not a comment ends every run
/// indented deeper than it, and the run at its own indentation unless it is an item.
LineScan scan_item_runs(std::string_view text, uint32_t begin);

/// Parses a large file in pieces so that tree-sitter's tree of the whole file never exists at
/// once: the long block sequences found by scan_item_runs lose all items but their first and
/// last in a first parse (tree-sitter included ranges, so offsets stay the file's), then the
/// items left out are parsed in groups of about sizes.piece_bytes, each as one standalone block
/// sequence, and their nodes put back between the first and last item. The result equals
/// parse_whole(file): same nodes, spans, values, comments and duplicate keys.
///
/// Returns null, and the caller parses the file whole, when the file is smaller than
/// sizes.min_file_bytes, has no long sequence, or anything is doubtful: several documents,
/// a syntax error anywhere, an alias, nesting too deep, long comment runs.
std::unique_ptr<Stream> parse_in_pieces(const SourceFile& file, const PieceSizes& sizes = {});

/// parse(file) from one tree of the whole file, whatever its size.
std::unique_ptr<Stream> parse_whole(const SourceFile& file);

}  // namespace iblint::yaml
