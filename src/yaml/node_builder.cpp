#include "yaml/node_builder.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "yaml/scalar_decode.h"

extern "C" const TSLanguage* tree_sitter_yaml();

namespace iblint::yaml {

/// The grammar's node types that the builder tells apart. Looked up by symbol in a table made
/// once from the grammar's names: comparing names costs a string compare per check and node.
enum class GrammarType : uint8_t {
  Other,
  Document,
  BlockNode,
  FlowNode,
  BlockMapping,
  FlowMapping,
  BlockSequence,
  FlowSequence,
  BlockMappingPair,
  FlowPair,
  BlockSequenceItem,
  Alias,
  PlainScalar,
  SingleQuoteScalar,
  DoubleQuoteScalar,
  BlockScalar,
  Tag,
  Anchor,
  Comment,
  NullScalar,
  BooleanScalar,
  IntegerScalar,
  FloatScalar,
  TimestampScalar,
};

namespace {

Span span_of(TSNode node) { return {ts_node_start_byte(node), ts_node_end_byte(node)}; }

struct Grammar {
  std::vector<GrammarType> types;  ///< by symbol; symbols past the end (ERROR) are Other
  TSFieldId key = 0;
  TSFieldId value = 0;
};

// Made before main (no guard on each lookup); the grammar's tables are static data.
const Grammar kGrammar = [] {
  static constexpr std::pair<std::string_view, GrammarType> kNames[] = {
      {"document", GrammarType::Document},
      {"block_node", GrammarType::BlockNode},
      {"flow_node", GrammarType::FlowNode},
      {"block_mapping", GrammarType::BlockMapping},
      {"flow_mapping", GrammarType::FlowMapping},
      {"block_sequence", GrammarType::BlockSequence},
      {"flow_sequence", GrammarType::FlowSequence},
      {"block_mapping_pair", GrammarType::BlockMappingPair},
      {"flow_pair", GrammarType::FlowPair},
      {"block_sequence_item", GrammarType::BlockSequenceItem},
      {"alias", GrammarType::Alias},
      {"plain_scalar", GrammarType::PlainScalar},
      {"single_quote_scalar", GrammarType::SingleQuoteScalar},
      {"double_quote_scalar", GrammarType::DoubleQuoteScalar},
      {"block_scalar", GrammarType::BlockScalar},
      {"tag", GrammarType::Tag},
      {"anchor", GrammarType::Anchor},
      {"comment", GrammarType::Comment},
      {"null_scalar", GrammarType::NullScalar},
      {"boolean_scalar", GrammarType::BooleanScalar},
      {"integer_scalar", GrammarType::IntegerScalar},
      {"float_scalar", GrammarType::FloatScalar},
      {"timestamp_scalar", GrammarType::TimestampScalar},
  };
  const TSLanguage* yaml = tree_sitter_yaml();
  Grammar out;
  out.types.assign(ts_language_symbol_count(yaml), GrammarType::Other);
  for (TSSymbol symbol = 0; symbol < out.types.size(); ++symbol) {
    std::string_view name = ts_language_symbol_name(yaml, symbol);
    for (const auto& [known, type] : kNames) {
      if (name == known) out.types[symbol] = type;
    }
  }
  out.key = ts_language_field_id_for_name(yaml, "key", 3);
  out.value = ts_language_field_id_for_name(yaml, "value", 5);
  return out;
}();

GrammarType type_of(TSNode node) {
  const std::vector<GrammarType>& types = kGrammar.types;
  TSSymbol symbol = ts_node_symbol(node);
  return symbol < types.size() ? types[symbol] : GrammarType::Other;
}
bool is_node(GrammarType type) { return type == GrammarType::BlockNode || type == GrammarType::FlowNode; }

}  // namespace

NodeBuilder::~NodeBuilder() {
  for (TSTreeCursor& cursor : cursors_) ts_tree_cursor_delete(&cursor);
}

void NodeBuilder::watch_items(const std::vector<uint32_t>& offsets) {
  sites_.clear();
  for (uint32_t offset : offsets) sites_.push_back({offset, nullptr, 0, 0, 0});
}

/// Calls f(child, its type, cursor) for each child that is not a comment, in order, and records the
/// comments. One cursor per nesting level is kept and reset, not allocated per node. The cursor
/// gives the child's field; only pairs ask, since looking it up costs as much as the step.
/// The node knows how many children it has, so the walk stops at the last one instead of asking
/// the cursor for one more sibling: most nodes have one child, and that failing step would
/// cost as much as the step to the child itself. An only child is asked of the node directly,
/// without a cursor (null for f then), unless f wants the child's field (kFields).
template <bool kFields, typename F>
void NodeBuilder::for_each_child(TSNode node, F&& f) {
  uint32_t count = ts_node_child_count(node);
  if (count == 0) return;
  auto visit = [&](TSNode child, const TSTreeCursor* cursor) {
    GrammarType type = type_of(child);
    if (type == GrammarType::Comment && ts_node_is_extra(child)) out_.comments.push_back(span_of(child));
    else f(child, type, cursor);
  };
  if (!kFields && count == 1) {
    visit(ts_node_child(node, 0), nullptr);
    return;
  }
  if (nesting_ == cursors_.size()) cursors_.push_back(ts_tree_cursor_new(node));
  else ts_tree_cursor_reset(&cursors_[nesting_], node);
  TSTreeCursor* cursor = &cursors_[nesting_];  // a deque: stays put while deeper levels are added
  ++nesting_;
  if (ts_tree_cursor_goto_first_child(cursor)) {
    for (uint32_t visited = 1;; ++visited) {
      visit(ts_tree_cursor_current_node(cursor), cursor);
      if (visited == count || !ts_tree_cursor_goto_next_sibling(cursor)) break;
    }
  }
  --nesting_;
}

void NodeBuilder::build_stream(TSNode root) {
  for_each_child(root, [&](TSNode child, GrammarType type, const TSTreeCursor*) {
    if (type == GrammarType::Document) out_.documents.push_back(build_document(child));
  });
  // A stream holding only comments still counts as one (empty) document.
  if (out_.documents.empty()) out_.documents.push_back(make_null(span_of(root).begin));
}

bool NodeBuilder::build_sequence_items(TSNode root, int sequence_depth, bool drop_last, std::vector<Node*>& items) {
  int documents = 0;
  bool shaped = true;
  std::vector<TSNode> found;
  for_each_child(root, [&](TSNode doc, GrammarType doc_type, const TSTreeCursor*) {
    if (doc_type != GrammarType::Document || ++documents > 1) {
      shaped = false;
      return;
    }
    int contents = 0;
    for_each_child(doc, [&](TSNode block, GrammarType block_type, const TSTreeCursor*) {
      if (block_type != GrammarType::BlockNode || ++contents > 1) {
        shaped = false;
        return;
      }
      int sequences = 0;
      for_each_child(block, [&](TSNode sequence, GrammarType sequence_type, const TSTreeCursor*) {
        if (sequence_type != GrammarType::BlockSequence || ++sequences > 1) {  // a tag or an anchor, too
          shaped = false;
          return;
        }
        for_each_child(sequence, [&](TSNode item, GrammarType item_type, const TSTreeCursor*) {
          if (item_type != GrammarType::BlockSequenceItem) shaped = false;
          else found.push_back(item);
        });
      });
      shaped = shaped && sequences == 1;
    });
    shaped = shaped && contents == 1;
  });
  if (!shaped || documents != 1) return false;
  if (drop_last) {
    if (found.empty() || ts_node_named_child_count(found.back()) != 0) return false;
    found.pop_back();
  }
  for (TSNode item : found) items.push_back(build_sequence_item(item, sequence_depth + 1));
  return true;
}

Node* NodeBuilder::make_null(uint32_t at) {
  Node& n = out_.arena.emplace_back();
  n.kind = Kind::Scalar;
  n.type = ScalarType::Null;
  n.span = {at, at};
  return &n;
}

Node* NodeBuilder::build_document(TSNode doc) {
  Node* root = nullptr;
  for_each_child(doc, [&](TSNode child, GrammarType type, const TSTreeCursor*) {
    if (!root && is_node(type)) root = build(child, 0);
  });
  return root ? root : make_null(ts_node_end_byte(doc));
}

/// block_node / flow_node: optional tag and anchor, then the content.
Node* NodeBuilder::build(TSNode node, int depth) {
  if (depth > kMaxDepth) {
    if (!out_.too_deep) {
      out_.too_deep = true;
      out_.errors.push_back({first_line(span_of(node)), span_of(node),
                             "nesting is deeper than " + std::to_string(kMaxDepth) +
                                 " levels; iblint does not read content this deep"});
    }
    return nullptr;
  }
  std::string tag, anchor;
  Span tag_span;
  Node* content = nullptr;
  for_each_child(node, [&](TSNode child, GrammarType type, const TSTreeCursor*) {
    if (type == GrammarType::Tag) {
      tag_span = span_of(child);
      tag = std::string(file_.text(tag_span));
    } else if (type == GrammarType::Anchor) {
      std::string_view text = file_.text(span_of(child));
      anchor = std::string(text.substr(text.empty() ? 0 : 1));
    } else if (!content && ts_node_is_named(child)) {
      content = build_content(child, type, depth);
    }
  });
  if (!content) content = make_null(ts_node_end_byte(node));
  content->tag = std::move(tag);
  content->tag_span = tag_span;
  if (!anchor.empty()) {
    content->anchor = anchor;
    anchors_[anchor] = content;
  }
  return content;
}

Node* NodeBuilder::build_content(TSNode node, GrammarType type, int depth) {
  switch (type) {
    case GrammarType::BlockMapping: return build_mapping(node, depth, false);
    case GrammarType::FlowMapping: return build_mapping(node, depth, true);
    case GrammarType::BlockSequence: return build_sequence(node, depth, false);
    case GrammarType::FlowSequence: return build_sequence(node, depth, true);
    case GrammarType::Alias: return build_alias(node);
    case GrammarType::PlainScalar: return build_scalar(node, Style::Plain);
    case GrammarType::SingleQuoteScalar: return build_scalar(node, Style::SingleQuoted);
    case GrammarType::DoubleQuoteScalar: return build_scalar(node, Style::DoubleQuoted);
    case GrammarType::BlockScalar: return build_scalar(node, Style::Literal);
    default: return nullptr;  // ERROR and anything unexpected: reported by the error walk
  }
}

Node* NodeBuilder::build_mapping(TSNode node, int depth, bool flow) {
  Node& map = out_.arena.emplace_back();
  map.kind = Kind::Mapping;
  map.flow = flow;
  map.span = span_of(node);
  // Keys seen so far: a short list scanned in order (this mapping's part of key_stack_); a hash
  // map once the mapping is large.
  constexpr size_t kScanLimit = 16;
  const size_t first_key = key_stack_.size();
  std::unordered_map<std::string_view, Span> many;
  auto first_seen = [&](std::string_view key, Span span) -> std::optional<Span> {
    auto few = key_stack_.begin() + static_cast<std::ptrdiff_t>(first_key);
    if (key_stack_.size() - first_key < kScanLimit) {
      for (auto it = few; it != key_stack_.end(); ++it) {
        if (it->first == key) return it->second;
      }
      key_stack_.emplace_back(key, span);
      few = key_stack_.begin() + static_cast<std::ptrdiff_t>(first_key);
      if (key_stack_.size() - first_key == kScanLimit) many.insert(few, key_stack_.end());
      return std::nullopt;
    }
    auto [it, inserted] = many.emplace(key, span);
    return inserted ? std::nullopt : std::optional<Span>(it->second);
  };
  size_t first_pair = pair_stack_.size();  // this mapping's pairs, above those of its parents
  for_each_child(node, [&](TSNode child, GrammarType type, const TSTreeCursor*) {
    Node* key = nullptr;
    Node* value = nullptr;
    if (type == GrammarType::BlockMappingPair || type == GrammarType::FlowPair) {
      for_each_child<true>(child, [&](TSNode part, GrammarType, const TSTreeCursor* at) {
        TSFieldId field = ts_tree_cursor_current_field_id(at);
        if (field == 0) return;
        if (field == kGrammar.key) key = build(part, depth + 1);
        else if (field == kGrammar.value) value = build(part, depth + 1);
      });
      if (!key) key = make_null(ts_node_start_byte(child));
      if (!value) value = make_null(ts_node_end_byte(child));
    } else if (type == GrammarType::FlowNode) {  // `{ a, b }`: keys without values
      key = build(child, depth + 1);
      if (!key) return;
      value = make_null(key->span.end);
    } else {
      return;
    }
    pair_stack_.push_back({key, value});
    const Node& k = key->resolved();
    if (k.kind == Kind::Scalar && k.type != ScalarType::Null) {
      // k.value lives in the arena, whose nodes never move, so the view stays valid.
      if (std::optional<Span> first = first_seen(k.value, key->span)) {
        out_.duplicate_keys.push_back({std::string(k.value), key->span, *first});
      }
    }
  });
  map.pairs.assign(pair_stack_.begin() + static_cast<std::ptrdiff_t>(first_pair), pair_stack_.end());
  pair_stack_.resize(first_pair);
  key_stack_.resize(first_key);
  return &map;
}

Node* NodeBuilder::build_sequence(TSNode node, int depth, bool flow) {
  Node& seq = out_.arena.emplace_back();
  seq.kind = Kind::Sequence;
  seq.flow = flow;
  seq.span = span_of(node);
  size_t first_item = item_stack_.size();  // this sequence's items, above those of its parents
  for_each_child(node, [&](TSNode child, GrammarType type, const TSTreeCursor*) {
    if (type == GrammarType::BlockSequenceItem) {
      if (!sites_.empty()) {
        uint32_t at = ts_node_start_byte(child);
        auto site = std::lower_bound(sites_.begin(), sites_.end(), at,
                                     [](const ItemSite& s, uint32_t offset) { return s.offset < offset; });
        if (site != sites_.end() && site->offset == at && !site->sequence) {
          *site = {at, &seq, item_stack_.size() - first_item, out_.duplicate_keys.size(), depth};
        }
      }
      Node* item = build_sequence_item(child, depth + 1);
      item_stack_.push_back(item);
    } else if (type == GrammarType::FlowNode) {
      if (Node* item = build(child, depth + 1)) item_stack_.push_back(item);
    } else if (type == GrammarType::FlowPair) {  // `[a: b]` is a list holding a one-pair mapping
      Node* map = build_mapping_from_pair(child, depth + 1);
      item_stack_.push_back(map);
    }
  });
  seq.items.assign(item_stack_.begin() + static_cast<std::ptrdiff_t>(first_item), item_stack_.end());
  item_stack_.resize(first_item);
  return &seq;
}

Node* NodeBuilder::build_sequence_item(TSNode item, int depth) {
  Node* built = nullptr;
  for_each_child(item, [&](TSNode part, GrammarType type, const TSTreeCursor*) {
    if (!built && is_node(type)) built = build(part, depth);
  });
  return built ? built : make_null(ts_node_end_byte(item));
}

Node* NodeBuilder::build_mapping_from_pair(TSNode pair, int depth) {
  Node& map = out_.arena.emplace_back();
  map.kind = Kind::Mapping;
  map.flow = true;
  map.span = span_of(pair);
  Node* key = nullptr;
  Node* value = nullptr;
  for_each_child<true>(pair, [&](TSNode part, GrammarType, const TSTreeCursor* at) {
    TSFieldId field = ts_tree_cursor_current_field_id(at);
    if (field == 0) return;
    if (field == kGrammar.key) key = build(part, depth + 1);
    else if (field == kGrammar.value) value = build(part, depth + 1);
  });
  map.pairs.push_back({key ? key : make_null(map.span.begin), value ? value : make_null(map.span.end)});
  return &map;
}

Node* NodeBuilder::build_alias(TSNode node) {
  ++aliases_;
  Node& alias = out_.arena.emplace_back();
  alias.kind = Kind::Alias;
  alias.span = span_of(node);
  std::string_view text = file_.text(alias.span);
  alias.value = std::string(text.substr(text.empty() ? 0 : 1));
  // Only an anchor whose node ended before the alias can be its target: no cycles.
  auto it = anchors_.find(alias.value);
  if (it != anchors_.end() && it->second->span.end <= alias.span.begin) alias.alias_target = it->second;
  return &alias;
}

Node* NodeBuilder::build_scalar(TSNode node, Style style) {
  Node& n = out_.arena.emplace_back();
  n.kind = Kind::Scalar;
  n.span = span_of(node);
  n.type = ScalarType::String;
  n.style = style;
  if (style == Style::Plain) {
    bool typed = false;  // the first named child says how the core schema reads the scalar
    for_each_child(node, [&](TSNode inner, GrammarType inner_type, const TSTreeCursor*) {
      if (typed || !ts_node_is_named(inner)) return;
      typed = true;
      switch (inner_type) {
        case GrammarType::NullScalar: n.type = ScalarType::Null; break;
        case GrammarType::BooleanScalar: n.type = ScalarType::Bool; break;
        case GrammarType::IntegerScalar: n.type = ScalarType::Int; break;
        case GrammarType::FloatScalar: n.type = ScalarType::Float; break;
        case GrammarType::TimestampScalar: n.type = ScalarType::Timestamp; break;
        default: break;
      }
    });
  } else if (style == Style::Literal) {
    std::string_view raw = file_.text(n.span);
    if (!raw.empty() && raw.front() == '>') n.style = Style::Folded;
    for_each_child(node, [](TSNode, GrammarType, const TSTreeCursor*) {});  // the header's comment: `key: | # …`
  }
  n.value = decode_scalar(file_, n, false).value;
  return &n;
}

Span NodeBuilder::first_line(Span span) const {
  std::string_view text = file_.text(span);
  size_t nl = text.find('\n');
  if (nl != std::string_view::npos) span.end = span.begin + static_cast<uint32_t>(nl);
  if (span.end > span.begin && file_.bytes()[span.end - 1] == '\r') --span.end;
  return span;
}

}  // namespace iblint::yaml
