#include "shell/bash_script.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint::shell {
namespace {

struct Parsed {
  std::unique_ptr<SourceFile> file;
  std::unique_ptr<yaml::Stream> stream;
  std::vector<const yaml::Node*> entries() const {
    const yaml::Node& root = *stream->documents.at(0);
    return {root.items.begin(), root.items.end()};
  }
};

Parsed parse_text(std::string text) {
  auto file = std::make_unique<SourceFile>("t.yaml", std::move(text));
  auto stream = yaml::parse(*file);
  return {std::move(file), std::move(stream)};
}

TEST(BashScript, JoinsDecodedEntriesWithNewlines) {
  Parsed p = parse_text("- |\n  a=1\n  echo $a\n- \"echo \\\"x\\\"\"\n- 'it''s'\n- plain\n");
  BashScript s = build_bash_script(*p.file, p.entries());
  EXPECT_EQ(s.text, "a=1\necho $a\n\necho \"x\"\nit's\nplain");
  ASSERT_EQ(s.pieces.size(), 4u);
  EXPECT_EQ(s.pieces[1].begin, 13u);
  EXPECT_EQ(s.line_starts.size(), 6u);
}

TEST(BashScript, MapsLinesAndColumnsToFileSpansInBlockScalars) {
  Parsed p = parse_text("- |\n  a=1\n  echo $a\n");
  BashScript s = build_bash_script(*p.file, p.entries());
  Span span = s.file_span(2, 6, 2, 8);  // `$a`
  EXPECT_EQ(p.file->text(span), "$a");
  EXPECT_EQ(p.file->position(span.begin), (Position{3, 8}));
}

TEST(BashScript, MapsThroughEscapesInDoubleQuotedScalars) {
  // The value is `echo "a<TAB>b" $v`; the escapes \" and \t are two file bytes each.
  Parsed p = parse_text("- x=1\n- \"echo \\\"a\\tb\\\" $v\"\n");
  BashScript s = build_bash_script(*p.file, p.entries());
  EXPECT_EQ(s.text, "x=1\necho \"a\tb\" $v");
  Span span = s.file_span(2, 12, 2, 14);
  EXPECT_EQ(p.file->text(span), "$v");
  Span quoted = s.file_span(2, 6, 2, 11);  // `"a<TAB>b"` as written
  EXPECT_EQ(p.file->text(quoted), "\\\"a\\tb\\\"");
}

TEST(BashScript, ColumnsCountCodePoints) {
  Parsed p = parse_text("- echo é ü $v\n");
  BashScript s = build_bash_script(*p.file, p.entries());
  EXPECT_EQ(s.offset(1, 10), 11u);
  EXPECT_EQ(p.file->text(s.file_span(1, 10, 1, 12)), "$v");
  EXPECT_EQ(s.offset(1, 99), s.text.size());  // clamped to the line's end
  EXPECT_EQ(s.offset(7, 1), s.text.size());
}

TEST(BashScript, ReplacesExpressionsWithSameLengthPlaceholders) {
  Parsed p = parse_text("- echo \"{{ build.A.outputs.stdout }}\" $x\n");
  BashScript s = build_bash_script(*p.file, p.entries());
  EXPECT_EQ(s.text, "echo \"" + std::string(28, '_') + "\" $x");
  ASSERT_EQ(s.placeholders.size(), 1u);
  EXPECT_EQ(s.placeholders[0].begin, 6u);
  EXPECT_EQ(s.placeholders[0].end, 34u);
  EXPECT_TRUE(s.placeholder_on_lines(1, 1));
  EXPECT_EQ(p.file->text(s.file_span(1, 37, 1, 39)), "$x");
}

TEST(BashScript, PlaceholderLinesAreExact) {
  Parsed p = parse_text("- echo a\n- echo {{ Name }}\n- echo b\n");
  BashScript s = build_bash_script(*p.file, p.entries());
  EXPECT_FALSE(s.placeholder_on_lines(1, 1));
  EXPECT_TRUE(s.placeholder_on_lines(2, 2));
  EXPECT_FALSE(s.placeholder_on_lines(3, 3));
  EXPECT_TRUE(s.placeholder_on_lines(1, 3));
}

TEST(BashScript, RangesEndingAtAnEntryEndStayInThatEntry) {
  Parsed p = parse_text("- cd /tmp\n- ls\n");
  BashScript s = build_bash_script(*p.file, p.entries());
  Span span = s.file_span(1, 1, 1, 8);  // all of `cd /tmp`; its end is the joining newline
  EXPECT_EQ(p.file->text(span), "cd /tmp");
  Span both = s.file_span(1, 1, 2, 3);
  EXPECT_EQ(p.file->text(both), "cd /tmp\n- ls");
}

}  // namespace
}  // namespace iblint::shell

namespace iblint::shell {
namespace {

TEST(BashScript, CloudFormationPseudoParametersArePlaceholders) {
  Parsed p = parse_text("- echo ${AWS::Region} ${HOME}\n");
  BashScript s = build_bash_script(*p.file, p.entries());
  EXPECT_EQ(s.text, "echo ______________ ${HOME}");
  EXPECT_TRUE(s.fn_sub_template);
  ASSERT_EQ(s.placeholders.size(), 1u);
  Parsed plain = parse_text("- echo ${HOME}\n");
  EXPECT_FALSE(build_bash_script(*plain.file, plain.entries()).fn_sub_template);
}

}  // namespace
}  // namespace iblint::shell
