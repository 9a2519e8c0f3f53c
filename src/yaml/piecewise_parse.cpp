#include "yaml/piecewise_parse.h"

#include <algorithm>
#include <optional>
#include <utility>

#include <tree_sitter/api.h>

#include "yaml/alias_budget.h"
#include "yaml/comment_runs.h"
#include "yaml/nesting_guard.h"
#include "yaml/node_builder.h"

extern "C" const TSLanguage* tree_sitter_yaml();

namespace iblint::yaml {
namespace {

struct ParserDeleter { void operator()(TSParser* p) const { ts_parser_delete(p); } };
struct TreeDeleter { void operator()(TSTree* t) const { ts_tree_delete(t); } };

/// The items of one run left out of the first parse: items [1, n-1) of the run, parsed in
/// groups. The run's first and last items stay, so every node around the sequence keeps the
/// span it has in a whole parse.
struct Cut {
  uint32_t indent = 0;
  uint32_t first_item = 0;           ///< line start of the run's first item (kept)
  std::vector<uint32_t> group_starts;  ///< line start of each group's first item
  std::vector<uint32_t> group_items;   ///< items in each group
  uint32_t end = 0;                  ///< line start of the run's last item (kept)
  uint32_t begin() const { return group_starts.front(); }
  uint32_t last_item_dash() const { return end + indent; }
};

/// The runs worth cutting, without overlaps: a run's left-out items must span at least half a
/// piece, and among overlapping runs (nested lists) the one with the smallest items wins, so a
/// list of 3 huge phases gives way to the steps lists inside them.
std::vector<Cut> plan_cuts(const std::vector<ItemRun>& runs, uint32_t piece_bytes) {
  std::vector<const ItemRun*> candidates;
  for (const ItemRun& run : runs) {
    const std::vector<uint32_t>& items = run.line_starts;
    if (items.size() >= 3 && items.back() - items[1] >= std::max<uint32_t>(piece_bytes / 2, 1)) {
      candidates.push_back(&run);
    }
  }
  auto average_item = [](const ItemRun* run) {
    return double(run->line_starts.back() - run->line_starts.front()) / double(run->line_starts.size() - 1);
  };
  std::stable_sort(candidates.begin(), candidates.end(),
                   [&](const ItemRun* a, const ItemRun* b) { return average_item(a) < average_item(b); });
  std::vector<Cut> cuts;
  for (const ItemRun* run : candidates) {
    const std::vector<uint32_t>& items = run->line_starts;
    uint32_t begin = items[1], end = items.back();
    bool overlaps = std::any_of(cuts.begin(), cuts.end(), [&](const Cut& c) { return begin < c.end && c.begin() < end; });
    if (overlaps) continue;
    Cut cut;
    cut.indent = run->indent;
    cut.first_item = items.front();
    cut.end = end;
    for (size_t i = 1; i + 1 < items.size(); ++i) {
      if (cut.group_starts.empty() || items[i] - cut.group_starts.back() >= piece_bytes) {
        cut.group_starts.push_back(items[i]);
        cut.group_items.push_back(0);
      }
      ++cut.group_items.back();
    }
    cuts.push_back(std::move(cut));
  }
  std::sort(cuts.begin(), cuts.end(), [](const Cut& a, const Cut& b) { return a.end < b.end; });
  return cuts;
}

TSRange range_of(const SourceFile& file, uint32_t begin, uint32_t end) {
  auto point = [&](uint32_t offset) {
    uint32_t line = file.line_of(offset);
    return TSPoint{line - 1, offset - file.line_start(line)};
  };
  return {point(begin), point(end), begin, end};
}

/// Parses the given ranges of the file; null when the parser gives up or the tree has an error.
std::unique_ptr<TSTree, TreeDeleter> parse_clean(TSParser* parser, const SourceFile& file,
                                                 const std::vector<TSRange>& ranges) {
  if (!ts_parser_set_included_ranges(parser, ranges.data(), static_cast<uint32_t>(ranges.size()))) return nullptr;
  std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_string(parser, nullptr, file.bytes().data(), file.size()));
  if (tree && ts_node_has_error(ts_tree_root_node(tree.get()))) tree.reset();
  return tree;
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

}  // namespace

LineScan scan_item_runs(std::string_view text, uint32_t begin) {
  LineScan scan;
  std::vector<ItemRun> open;  // runs still open, by increasing indentation
  auto close_deeper_than = [&](uint32_t indent, bool and_equal) {
    while (!open.empty() && (open.back().indent > indent || (and_equal && open.back().indent == indent))) {
      if (open.back().line_starts.size() >= 3) scan.runs.push_back(std::move(open.back()));
      open.pop_back();
    }
  };
  for (size_t start = begin; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (line.starts_with("---") || line.starts_with("...") || line.starts_with("%")) scan.several_documents = true;
    size_t indent = line.find_first_not_of(' ');
    if (indent != std::string_view::npos && line[indent] != '#' && !blank(line.substr(indent))) {
      auto at = static_cast<uint32_t>(indent);
      char next = indent + 1 < line.size() ? line[indent + 1] : '\n';
      bool item = line[indent] == '-' && (next == ' ' || next == '\r' || next == '\n');
      close_deeper_than(at, !item);
      if (item) {
        if (open.empty() || open.back().indent != at) open.push_back({at, {}});
        open.back().line_starts.push_back(static_cast<uint32_t>(start));
      }
    }
    start = end + 1;
  }
  close_deeper_than(0, true);
  std::sort(scan.runs.begin(), scan.runs.end(),
            [](const ItemRun& a, const ItemRun& b) { return a.line_starts.front() < b.line_starts.front(); });
  return scan;
}

std::unique_ptr<Stream> parse_in_pieces(const SourceFile& file, const PieceSizes& sizes) {
  if (file.size() < sizes.min_file_bytes) return nullptr;
  const std::string& bytes = file.bytes();
  std::string_view content = std::string_view(bytes).substr(file.content_begin());
  if (find_excessive_nesting(content) || !comments_in_long_runs(bytes).empty()) return nullptr;
  LineScan scan = scan_item_runs(bytes, file.content_begin());
  if (scan.several_documents) return nullptr;
  std::vector<Cut> cuts = plan_cuts(scan.runs, std::max<uint32_t>(sizes.piece_bytes, 1));
  if (cuts.empty()) return nullptr;

  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  ts_parser_set_language(parser.get(), tree_sitter_yaml());
  auto stream = std::make_unique<Stream>();

  // First parse: everything but the items cut out.
  std::vector<ItemSite> sites;
  {
    std::vector<TSRange> ranges;
    uint32_t from = file.content_begin();
    for (const Cut& cut : cuts) {
      ranges.push_back(range_of(file, from, cut.begin()));
      from = cut.end;
    }
    ranges.push_back(range_of(file, from, file.size()));
    std::unique_ptr<TSTree, TreeDeleter> tree = parse_clean(parser.get(), file, ranges);
    if (!tree) return nullptr;
    std::vector<uint32_t> dashes;
    for (const Cut& cut : cuts) dashes.push_back(cut.last_item_dash());
    NodeBuilder builder(file, *stream);
    builder.watch_items(dashes);
    builder.build_stream(ts_tree_root_node(tree.get()));
    if (stream->too_deep || builder.aliases() > 0) return nullptr;
    sites = builder.sites();
  }
  for (size_t i = 0; i < cuts.size(); ++i) {
    // The cut items go right after the run's first item, which starts the sequence.
    const ItemSite& site = sites[i];
    if (!site.sequence || site.index != 1 || site.sequence->flow ||
        site.sequence->span.begin != cuts[i].first_item + cuts[i].indent) {
      return nullptr;
    }
  }

  // Then each group of cut items, one tree at a time.
  std::vector<DuplicateKey> kept_duplicates = std::move(stream->duplicate_keys);
  stream->duplicate_keys.clear();
  std::vector<size_t> duplicates_end;  // per cut: end of its duplicate keys in stream->duplicate_keys
  std::vector<std::vector<Node*>> cut_items(cuts.size());
  for (size_t i = 0; i < cuts.size(); ++i) {
    const Cut& cut = cuts[i];
    for (size_t g = 0; g < cut.group_starts.size(); ++g) {
      uint32_t group_end = g + 1 < cut.group_starts.size() ? cut.group_starts[g + 1] : cut.end;
      // The range ends after the next item's `-` (an empty item, left out): the parser closes the
      // group's last item where a whole parse does. At the end of the text it would close open
      // nodes with the blank space before it included.
      std::unique_ptr<TSTree, TreeDeleter> tree =
          parse_clean(parser.get(), file, {range_of(file, cut.group_starts[g], group_end + cut.indent + 1)});
      if (!tree) return nullptr;
      NodeBuilder builder(file, *stream);
      size_t before = cut_items[i].size();
      if (!builder.build_sequence_items(ts_tree_root_node(tree.get()), sites[i].depth, true, cut_items[i]) ||
          cut_items[i].size() - before != cut.group_items[g] || stream->too_deep || builder.aliases() > 0) {
        return nullptr;
      }
    }
    duplicates_end.push_back(stream->duplicate_keys.size());
  }

  // Put the items back, and the duplicate keys in the order a whole parse finds them.
  for (size_t i = 0; i < cuts.size(); ++i) {
    std::vector<Node*>& items = sites[i].sequence->items;
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(sites[i].index), cut_items[i].begin(), cut_items[i].end());
  }
  std::vector<DuplicateKey> pieces_duplicates = std::move(stream->duplicate_keys);
  stream->duplicate_keys.clear();
  size_t kept = 0, piece = 0;
  for (size_t i = 0; i < cuts.size(); ++i) {
    for (; kept < sites[i].duplicate_keys; ++kept) stream->duplicate_keys.push_back(std::move(kept_duplicates[kept]));
    for (; piece < duplicates_end[i]; ++piece) stream->duplicate_keys.push_back(std::move(pieces_duplicates[piece]));
  }
  for (; kept < kept_duplicates.size(); ++kept) stream->duplicate_keys.push_back(std::move(kept_duplicates[kept]));
  std::sort(stream->comments.begin(), stream->comments.end(), [](Span a, Span b) { return a.begin < b.begin; });
  limit_alias_expansion(*stream);
  return stream;
}

}  // namespace iblint::yaml
