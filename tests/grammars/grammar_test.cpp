// Tests of the pinned tree-sitter YAML grammar as patched by grammars/scanner.patch, through the raw
// tree-sitter API: documents beyond the upstream scanner's int16_t rows/columns, and deep block
// indentation, whose scanner state must never be serialized past the runtime's 1024-byte buffer.
//
// The serializer bound is checked for real, not left to AddressSanitizer alone: the 0.20.7 runtime
// serializes into a buffer inside its TSParser object, where ASan cannot see an overrun (upstream's
// 2 bytes landed in padding there). ProbedYaml() is a copy of the language whose
// external_scanner.serialize makes the real serializer write into a guarded heap buffer, counts any
// write past TREE_SITTER_SERIALIZATION_BUFFER_SIZE (returned length or changed guard byte), and checks
// that a fresh scanner deserialized from those bytes serializes back to the same bytes. (With the
// upstream scanner, ASan additionally reports its deserialize reading past the runtime's stored copy
// of the clamped state, and UBSan its misaligned int16_t stores.)

// parser.h first: it defines TSStateId and TSLanguageMetadata only when api.h was not included yet.
#include "grammars/node_modules/@tree-sitter-grammars/tree-sitter-yaml/src/tree_sitter/parser.h"

#include <tree_sitter/api.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

extern "C" const TSLanguage* tree_sitter_yaml();

namespace {

constexpr unsigned kBufferSize = TREE_SITTER_SERIALIZATION_BUFFER_SIZE;
constexpr size_t kGuardSize = 4096;
constexpr unsigned char kGuardByte = 0xA5;

struct ProbeStats {
  size_t calls = 0;
  unsigned max_length = 0;
  size_t overruns = 0;    // returned length > buffer size, or a guard byte changed
  size_t mismatches = 0;  // deserialize + serialize did not give back the same bytes
};

ProbeStats g_stats;
const TSLanguage* g_yaml = nullptr;

// Serializes `payload` into a guarded heap buffer; returns the length the scanner reported.
unsigned GuardedSerialize(void* payload, std::vector<unsigned char>& buf) {
  buf.assign(kBufferSize + kGuardSize, kGuardByte);
  unsigned length = g_yaml->external_scanner.serialize(payload, reinterpret_cast<char*>(buf.data()));
  bool guard_intact = std::all_of(buf.begin() + kBufferSize, buf.end(),
                                  [](unsigned char c) { return c == kGuardByte; });
  if (length > kBufferSize || !guard_intact) ++g_stats.overruns;
  return length;
}

unsigned ProbedSerialize(void* payload, char* runtime_buffer) {
  std::vector<unsigned char> buf;
  unsigned length = GuardedSerialize(payload, buf);
  ++g_stats.calls;
  g_stats.max_length = std::max(g_stats.max_length, length);
  length = std::min(length, kBufferSize);  // never pass an overrun on to the runtime

  void* copy = g_yaml->external_scanner.create();
  g_yaml->external_scanner.deserialize(copy, reinterpret_cast<const char*>(buf.data()), length);
  std::vector<unsigned char> again;
  unsigned again_length = GuardedSerialize(copy, again);
  g_yaml->external_scanner.destroy(copy);
  if (again_length != length || std::memcmp(buf.data(), again.data(), length) != 0) ++g_stats.mismatches;

  std::memcpy(runtime_buffer, buf.data(), length);
  return length;
}

const TSLanguage* ProbedYaml() {
  static const TSLanguage probed = [] {
    g_yaml = tree_sitter_yaml();
    TSLanguage copy = *g_yaml;
    copy.external_scanner.serialize = ProbedSerialize;
    return copy;
  }();
  return &probed;
}

struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};
using TreePtr = std::unique_ptr<TSTree, TreeDeleter>;

struct Parsed {
  TreePtr tree;
  double seconds = 0;
  TSNode root() const { return ts_tree_root_node(tree.get()); }
};

Parsed Parse(const std::string& text, const TSLanguage* language = tree_sitter_yaml()) {
  TSParser* parser = ts_parser_new();
  EXPECT_TRUE(ts_parser_set_language(parser, language));
  auto start = std::chrono::steady_clock::now();
  TreePtr tree(ts_parser_parse_string(parser, nullptr, text.data(), static_cast<uint32_t>(text.size())));
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  ts_parser_delete(parser);
  EXPECT_NE(tree, nullptr);
  return {std::move(tree), elapsed.count()};
}

// Pre-order walk with a cursor (no recursion: the trees below are thousands of levels deep).
template <typename Visit>
void Walk(TSNode root, Visit visit) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  unsigned depth = 0;
  for (;;) {
    if (!visit(ts_tree_cursor_current_node(&cursor))) break;
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      ++depth;
      continue;
    }
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (depth == 0 || !ts_tree_cursor_goto_parent(&cursor)) {
        ts_tree_cursor_delete(&cursor);
        return;
      }
      --depth;
    }
  }
  ts_tree_cursor_delete(&cursor);
}

TSNode FirstOfType(TSNode root, std::string_view type) {
  TSNode found{};
  if (ts_node_is_null(root)) return found;
  Walk(root, [&](TSNode n) {
    if (type == ts_node_type(n)) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

size_t CountOfType(TSNode root, std::string_view type) {
  size_t count = 0;
  Walk(root, [&](TSNode n) {
    count += type == ts_node_type(n);
    return true;
  });
  return count;
}

std::string Text(const std::string& source, TSNode n) {
  if (ts_node_is_null(n)) return "<null>";
  return source.substr(ts_node_start_byte(n), ts_node_end_byte(n) - ts_node_start_byte(n));
}

// Null-safe accessors, so that a broken parse fails the expectations instead of crashing the test.
uint32_t PairCount(TSNode map) { return ts_node_is_null(map) ? 0 : ts_node_named_child_count(map); }
TSNode Pair(TSNode map, uint32_t i) { return i < PairCount(map) ? ts_node_named_child(map, i) : TSNode{}; }
TSNode Key(TSNode pair) { return ts_node_is_null(pair) ? pair : ts_node_child_by_field_name(pair, "key", 3); }
TSNode Value(TSNode pair) { return ts_node_is_null(pair) ? pair : ts_node_child_by_field_name(pair, "value", 5); }

// "- - - ... - x": `levels` compact nested block sequences on one line, 2 columns per level.
std::string NestedSequences(size_t levels) {
  std::string s;
  for (size_t i = 0; i < levels; ++i) s += "- ";
  return s + "x\n";
}

// "a:\n  a:\n    a:\n ... a: leaf" with `levels` nested block mappings, `step` spaces per level.
std::string NestedMappings(size_t levels, size_t step) {
  std::string s;
  for (size_t i = 0; i < levels; ++i) {
    s.append(i * step, ' ');
    s += i + 1 == levels ? "a: leaf\n" : "a:\n";
  }
  return s;
}

// Upstream kept rows in int16_t: past line 32,767 the whole file became one ERROR node.
TEST(GrammarYaml, HundredThousandLineMappingParsesWithoutError) {
  constexpr size_t kLines = 100000;
  std::string text;
  text.reserve(kLines * 16);
  for (size_t i = 0; i < kLines; ++i) text += "key" + std::to_string(i) + ": v\n";

  Parsed p = Parse(text);
  EXPECT_FALSE(ts_node_has_error(p.root()));
  TSNode mapping = FirstOfType(p.root(), "block_mapping");
  ASSERT_FALSE(ts_node_is_null(mapping));
  ASSERT_EQ(ts_node_named_child_count(mapping), kLines);
  TSNode last_key = Key(ts_node_named_child(mapping, kLines - 1));
  ASSERT_FALSE(ts_node_is_null(last_key));
  EXPECT_EQ(Text(text, last_key), "key99999");
  EXPECT_EQ(ts_node_start_point(last_key).row, kLines - 1);
  EXPECT_EQ(ts_node_start_point(last_key).column, 0u);
  EXPECT_LT(p.seconds, 60.0);
}

// Upstream kept columns in int16_t, so a key starting or ending past column 32,767 broke the block
// mapping (a long value alone happened to survive the wrap-around; it is checked too).
TEST(GrammarYaml, FortyThousandColumnLinesParseWithoutError) {
  const std::string wide(40000, 'x');
  struct Case {
    const char* name;
    std::string text;
    std::vector<std::string> keys;  // of the top-level mapping
  };
  const Case cases[] = {
      {"wide value", "wide: " + wide + "\nnext: 1\n", {"wide", "next"}},
      {"wide key", wide + ": v\nnext: 1\n", {"<40000 chars>", "next"}},
      {"wide indentation", "outer:\n" + std::string(40000, ' ') + "inner: 1\nnext: 1\n", {"outer", "next"}},
  };
  std::vector<Parsed> parsed;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    parsed.push_back(Parse(c.text));
    EXPECT_FALSE(ts_node_has_error(parsed.back().root()));
    TSNode mapping = FirstOfType(parsed.back().root(), "block_mapping");
    std::vector<std::string> keys;
    for (uint32_t i = 0; i < PairCount(mapping); ++i) {
      std::string key = Text(c.text, Key(Pair(mapping, i)));
      keys.push_back(key.size() > 100 ? "<" + std::to_string(key.size()) + " chars>" : key);
    }
    EXPECT_EQ(keys, c.keys);
  }
  // The first case's value spans its whole line; the last case's inner key sits at column 40,000.
  TSNode value = Value(Pair(FirstOfType(parsed[0].root(), "block_mapping"), 0));
  ASSERT_FALSE(ts_node_is_null(value));
  EXPECT_EQ(ts_node_end_point(value).column, 6u + wide.size());
  TSNode outer = Pair(FirstOfType(parsed[2].root(), "block_mapping"), 0);
  TSNode inner = Pair(FirstOfType(Value(outer), "block_mapping"), 0);
  ASSERT_FALSE(ts_node_is_null(inner));
  EXPECT_EQ(Text(cases[2].text, Key(inner)), "inner");
  EXPECT_EQ(ts_node_start_point(inner).column, 40000u);
}

// 20,000 levels of block indentation. As nested mappings that would take 200 MB of leading spaces,
// so the levels are compact nested sequences on one line of 40,002 columns ("- - - ... x"). The
// nesting is far deeper than the serialized scanner state holds, so ERROR nodes are expected: the
// parse must just finish, in reasonable time, without a crash or (under ASan) a memory error.
TEST(GrammarYaml, TwentyThousandLevelIndentationFinishes) {
  constexpr size_t kLevels = 20000;
  const std::string text = NestedSequences(kLevels);
  Parsed p = Parse(text);
  EXPECT_EQ(ts_node_end_byte(p.root()), text.size());
  EXPECT_LT(p.seconds, 60.0);
}

// 400 levels need 17 + 400 * 2 bytes of scanner state: it fits whole, so the parse is clean. Upstream
// used 10 + 4 bytes per level and wrote past the 1024-byte buffer from about 254 levels.
TEST(GrammarSerializer, FourHundredLevelMappingStaysInBufferAndParsesCleanly) {
  constexpr size_t kLevels = 400;
  const std::string text = NestedMappings(kLevels, 2);
  g_stats = {};
  Parsed p = Parse(text, ProbedYaml());

  EXPECT_GT(g_stats.calls, 0u);
  EXPECT_EQ(g_stats.overruns, 0u) << "largest serialized state: " << g_stats.max_length << " bytes";
  EXPECT_LE(g_stats.max_length, kBufferSize);
  EXPECT_EQ(g_stats.mismatches, 0u);
  EXPECT_FALSE(ts_node_has_error(p.root()));
  EXPECT_EQ(CountOfType(p.root(), "block_mapping"), kLevels);
  TSNode deepest{};
  Walk(p.root(), [&](TSNode n) {
    if (std::string_view("block_mapping_pair") == ts_node_type(n)) deepest = n;
    return true;
  });
  ASSERT_FALSE(ts_node_is_null(deepest));
  EXPECT_EQ(ts_node_start_point(deepest).row, kLevels - 1);
  EXPECT_EQ(ts_node_start_point(deepest).column, 2 * (kLevels - 1));
}

// The documented capacity: with indentation steps below 128 columns, 503 levels fit in
// 17 + 503 * 2 = 1023 bytes and still parse cleanly.
TEST(GrammarSerializer, FiveHundredThreeLevelsFitExactly) {
  constexpr size_t kLevels = 503;
  const std::string text = NestedSequences(kLevels);
  g_stats = {};
  Parsed p = Parse(text, ProbedYaml());
  EXPECT_EQ(g_stats.overruns, 0u);
  EXPECT_EQ(g_stats.mismatches, 0u);
  EXPECT_EQ(g_stats.max_length, 17u + 2 * kLevels);
  EXPECT_FALSE(ts_node_has_error(p.root()));
  EXPECT_EQ(CountOfType(p.root(), "block_sequence"), kLevels);
}

// Deeper than the buffer holds: the deepest levels are dropped from the serialized state (the parse
// may contain ERROR nodes), but no write may pass the buffer and every state must round-trip.
TEST(GrammarSerializer, TwoThousandLevelMappingNeverOverrunsTheBuffer) {
  const std::string text = NestedMappings(2000, 1);  // about 2 MB
  g_stats = {};
  Parsed p = Parse(text, ProbedYaml());
  EXPECT_GT(g_stats.calls, 0u);
  EXPECT_EQ(g_stats.overruns, 0u) << "largest serialized state: " << g_stats.max_length << " bytes";
  EXPECT_LE(g_stats.max_length, kBufferSize);
  EXPECT_EQ(g_stats.mismatches, 0u);
  EXPECT_LT(p.seconds, 60.0);
}

TEST(GrammarSerializer, TwentyThousandLevelSequenceNeverOverrunsTheBuffer) {
  constexpr size_t kLevels = 20000;
  const std::string text = NestedSequences(kLevels);
  g_stats = {};
  Parsed p = Parse(text, ProbedYaml());
  EXPECT_GT(g_stats.calls, 0u);
  EXPECT_EQ(g_stats.overruns, 0u) << "largest serialized state: " << g_stats.max_length << " bytes";
  EXPECT_LE(g_stats.max_length, kBufferSize);
  EXPECT_EQ(g_stats.mismatches, 0u);
  EXPECT_LT(p.seconds, 60.0);
}

}  // namespace
