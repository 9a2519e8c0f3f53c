#include "yaml/parser.h"
#include "yaml/nesting_guard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace iblint::yaml {
namespace {

struct Parsed {
  SourceFile file;
  std::unique_ptr<Stream> stream;
  const Node& root() const { return *stream->documents.at(0); }
};

Parsed parse_text(std::string text) {
  SourceFile file("t.yaml", std::move(text));
  auto stream = parse(file);
  return {std::move(file), std::move(stream)};
}

TEST(YamlParser, BuildsMappingsSequencesAndScalarsWithSpans) {
  Parsed p = parse_text("name: demo\nphases:\n  - name: build\n    steps: []\n");
  ASSERT_TRUE(p.stream->errors.empty());
  const Node& root = p.root();
  ASSERT_TRUE(root.is_mapping());
  ASSERT_EQ(root.pairs.size(), 2u);
  EXPECT_EQ(root.find("name")->value, "demo");
  EXPECT_EQ(p.file.text(root.find("name")->span), "demo");
  const Node* phases = root.find("phases");
  ASSERT_TRUE(phases && phases->is_sequence());
  ASSERT_EQ(phases->items.size(), 1u);
  EXPECT_EQ(phases->items[0]->find("name")->value, "build");
  EXPECT_TRUE(phases->items[0]->find("steps")->flow);
}

TEST(YamlParser, ScalarStylesAndTypes) {
  Parsed p = parse_text(
      "a: plain text\nb: 'it''s'\nc: \"tab\\there\"\nd: |\n  line1\n  line2\ne: >\n  folded\n  text\n"
      "f: 42\ng: 1.0\nh: true\ni: ~\nj:\n");
  ASSERT_TRUE(p.stream->errors.empty());
  const Node& r = p.root();
  EXPECT_EQ(r.find("a")->style, Style::Plain);
  EXPECT_EQ(r.find("b")->style, Style::SingleQuoted);
  EXPECT_EQ(r.find("b")->value, "it's");
  EXPECT_EQ(r.find("c")->style, Style::DoubleQuoted);
  EXPECT_EQ(r.find("c")->value, "tab\there");
  EXPECT_EQ(r.find("d")->style, Style::Literal);
  EXPECT_EQ(r.find("d")->value, "line1\nline2\n");
  EXPECT_EQ(r.find("e")->style, Style::Folded);
  EXPECT_EQ(r.find("e")->value, "folded text\n");
  EXPECT_EQ(r.find("f")->type, ScalarType::Int);
  EXPECT_EQ(r.find("g")->type, ScalarType::Float);
  EXPECT_EQ(r.find("h")->type, ScalarType::Bool);
  EXPECT_TRUE(r.find("i")->is_null());
  EXPECT_TRUE(r.find("j")->is_null());
  EXPECT_EQ(r.find("a")->type, ScalarType::String);
  EXPECT_EQ(r.find("b")->type, ScalarType::String);
}

TEST(YamlParser, DuplicateKeysAreRecordedWithBothSpans) {
  Parsed p = parse_text("a: 1\nb: 2\na: 3\n");
  ASSERT_EQ(p.stream->duplicate_keys.size(), 1u);
  const DuplicateKey& d = p.stream->duplicate_keys[0];
  EXPECT_EQ(d.key, "a");
  EXPECT_EQ(p.file.position(d.span.begin), (Position{3, 1}));
  EXPECT_EQ(p.file.position(d.first.begin), (Position{1, 1}));
}

TEST(YamlParser, TagsAnchorsAndAliases) {
  Parsed p = parse_text("base: &b {x: 1}\ncopy: *b\nref: !Ref Name\n");
  ASSERT_TRUE(p.stream->errors.empty());
  const Node& r = p.root();
  EXPECT_EQ(r.find("base")->anchor, "b");
  const Node* copy = r.find("copy");
  EXPECT_EQ(copy->kind, Kind::Alias);
  EXPECT_EQ(copy->resolved().find("x")->value, "1");
  EXPECT_EQ(r.find("ref")->tag, "!Ref");
  EXPECT_EQ(r.find("ref")->value, "Name");
}

TEST(YamlParser, SelfReferencingAliasDoesNotCycle) {
  Parsed p = parse_text("a: &x [1, *x]\n");
  const Node* a = p.root().find("a");
  ASSERT_TRUE(a && a->is_sequence());
  ASSERT_EQ(a->items.size(), 2u);
  EXPECT_EQ(a->items[1]->alias_target, nullptr);
}

TEST(YamlParser, SyntaxErrorsHavePositions) {
  Parsed p = parse_text("a: 1\nb: [1, 2\nc: 3\n");
  ASSERT_FALSE(p.stream->errors.empty());
  EXPECT_FALSE(p.stream->errors[0].message.empty());
}

TEST(YamlParser, BomAndCrlfKeepFileOffsets) {
  Parsed p = parse_text("\xEF\xBB\xBFkey: value\r\nother: 'x'\r\n");
  ASSERT_TRUE(p.stream->errors.empty());
  const Node* v = p.root().find("key");
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(v->value, "value");
  EXPECT_EQ(p.file.text(v->span), "value");
  EXPECT_EQ(p.file.position(v->span.begin), (Position{1, 6}));
  EXPECT_EQ(p.root().find("other")->value, "x");
}

TEST(YamlParser, CollectsComments) {
  Parsed p = parse_text("# head\na: 1 # trailing\nb: |\n  # not a comment\n");
  ASSERT_EQ(p.stream->comments.size(), 2u);
  EXPECT_EQ(p.file.text(p.stream->comments[1]), "# trailing");
}

/// Every comment's text, in the order the stream lists them.
std::vector<std::string> comment_texts(const Parsed& p) {
  std::vector<std::string> out;
  for (Span c : p.stream->comments) out.emplace_back(p.file.text(c));
  return out;
}

TEST(YamlParser, CollectsCommentsAnywhereInFileOrder) {
  // The node walk collects comments in valid files: each place a comment can sit is here.
  Parsed p = parse_text(
      "# 1 stream\n%YAML 1.2\n--- # 2 after start\nkey: # 3 after key\n  # 4 before value\n  value\n"
      "list:\n  # 5 before item\n  - # 6 after dash\n    a: 1\n  - !tag # 7 after tag\n    &anchor b # 8 after anchor\n"
      "flow: { a: 1, # 9 in flow mapping\n  b: 2 }\nseq: [ 1, # 10 in flow sequence\n  2 ]\n"
      "pair: [ k: # 11 in flow pair\n  v ]\nblock: | # 12 block header\n  # not a comment\n"
      "# 13 end of document\n...\n# 14 between documents\n---\nsecond: 2\n# 15 last\n");
  ASSERT_TRUE(p.stream->errors.empty()) << p.stream->errors[0].message;
  std::vector<std::string> texts = comment_texts(p);
  std::string all;
  for (const std::string& t : texts) all += t + "\n";
  ASSERT_EQ(texts.size(), 15u) << all;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::string number = "# " + std::to_string(i + 1) + " ";
    EXPECT_EQ(texts[i].substr(0, number.size()), number) << texts[i];
  }
}

TEST(YamlParser, CollectsCommentsOfBrokenFilesToo) {
  Parsed p = parse_text("# 1 head\na: [1, 2\n# 2 inside the broken part\nb: 'open\n# 3 tail\n");
  EXPECT_FALSE(p.stream->errors.empty());
  std::vector<std::string> texts = comment_texts(p);
  ASSERT_GE(texts.size(), 1u);
  EXPECT_EQ(texts[0], "# 1 head");
  for (size_t i = 1; i < texts.size(); ++i) EXPECT_LT(p.stream->comments[i - 1].begin, p.stream->comments[i].begin);
}

TEST(YamlParser, DuplicateKeysInSmallAndLargeMappings) {
  std::string text = "a: 1\nb: 2\na: 3\n";
  for (int i = 0; i < 40; ++i) text += "k" + std::to_string(i) + ": x\n";
  text += "k3: again\nk39: again\nb: again\n";
  Parsed p = parse_text(text);
  ASSERT_EQ(p.stream->duplicate_keys.size(), 4u);
  EXPECT_EQ(p.stream->duplicate_keys[0].key, "a");
  EXPECT_EQ(p.file.position(p.stream->duplicate_keys[0].first.begin), (Position{1, 1}));
  EXPECT_EQ(p.stream->duplicate_keys[1].key, "k3");
  EXPECT_EQ(p.file.position(p.stream->duplicate_keys[1].first.begin), (Position{7, 1}));
  EXPECT_EQ(p.stream->duplicate_keys[2].key, "k39");
  EXPECT_EQ(p.stream->duplicate_keys[3].key, "b");
  EXPECT_EQ(p.file.position(p.stream->duplicate_keys[3].first.begin), (Position{2, 1}));
}

TEST(YamlParser, DeepNestingStopsAtTheLimitWithAnError) {
  std::string text;
  for (int i = 0; i < kMaxDepth + 50; ++i) text += "[";
  for (int i = 0; i < kMaxDepth + 50; ++i) text += "]";
  Parsed p = parse_text(text);
  EXPECT_TRUE(p.stream->too_deep);
  EXPECT_FALSE(p.stream->errors.empty());
}

TEST(YamlParser, NestingTooDeepForTheParserIsRefusedBeforeParsing) {
  // 70,000 compact block sequences: tree-sitter 0.20.7 corrupts its heap on this (see nesting_guard.h).
  std::string text;
  for (int i = 0; i < 70000; ++i) text += "- ";
  Parsed p = parse_text(text + "x\n");
  EXPECT_TRUE(p.stream->not_parsed);
  EXPECT_TRUE(p.stream->too_deep);
  ASSERT_EQ(p.stream->errors.size(), 1u);
  EXPECT_EQ(p.stream->errors[0].span.begin, 2 * kMaxParseNesting);  // the indicator one level too deep
  EXPECT_NE(p.stream->errors[0].message.find("deeper than 10000"), std::string::npos);
  ASSERT_EQ(p.stream->documents.size(), 1u);
  EXPECT_TRUE(p.stream->documents[0]->is_null());
}

TEST(YamlParser, EmbeddedRangesNestedTooDeepAreRefusedToo) {
  std::string deep(20000, '[');
  SourceFile file("t.yaml", "Data: |\n  " + deep + "\n");
  uint32_t begin = static_cast<uint32_t>(file.bytes().find('['));
  std::unique_ptr<Stream> stream = parse_ranges(file, {{begin, file.size()}});
  EXPECT_TRUE(stream->not_parsed);
  ASSERT_EQ(stream->errors.size(), 1u);
  EXPECT_EQ(stream->errors[0].span.begin, begin + kMaxParseNesting);
}

TEST(YamlParser, SeventyThousandCommentsInARowParseAndAreAllCollected) {
  // tree-sitter 0.20.7 frees memory twice after about 65,000 comments in a row (comment_runs.h).
  std::string text = "a: 1\n";
  for (int i = 0; i < 70000; ++i) text += "# comment\n";
  Parsed p = parse_text(text + "b: 2 # last\n");
  EXPECT_TRUE(p.stream->errors.empty());
  EXPECT_EQ(p.stream->comments.size(), 70001u);
  EXPECT_EQ(p.file.text(p.stream->comments.back()), "# last");
  EXPECT_EQ(p.root().find("b")->value, "2");
}

TEST(YamlParser, MultipleDocuments) {
  Parsed p = parse_text("a: 1\n---\nb: 2\n");
  ASSERT_EQ(p.stream->documents.size(), 2u);
  EXPECT_NE(p.stream->documents[1]->find("b"), nullptr);
}

}  // namespace
}  // namespace iblint::yaml
