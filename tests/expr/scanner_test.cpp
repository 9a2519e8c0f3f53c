#include "expr/scanner.h"

#include <gtest/gtest.h>

namespace iblint::expr {
namespace {

std::string at(std::string_view value, Range r) { return std::string(value.substr(r.begin, r.end - r.begin)); }

TEST(ExprScanner, VariableLoopAndChainingForms) {
  std::string_view v = "a {{ Name }} b {{loop.value}} {{ myLoop.index }} {{ build.Step.outputs.stdout }}";
  ScanResult r = scan(v);
  ASSERT_TRUE(r.errors.empty());
  ASSERT_EQ(r.expressions.size(), 4u);
  EXPECT_EQ(r.expressions[0].kind, ExpressionKind::Variable);
  EXPECT_EQ(at(v, r.expressions[0].range), "{{ Name }}");
  EXPECT_EQ(at(v, r.expressions[0].segments[0].range), "Name");
  EXPECT_EQ(r.expressions[1].kind, ExpressionKind::Loop);
  EXPECT_EQ(r.expressions[2].kind, ExpressionKind::Loop);
  const Expression& c = r.expressions[3];
  EXPECT_EQ(c.kind, ExpressionKind::Chaining);
  EXPECT_EQ(c.text(), "build.Step.outputs.stdout");
  EXPECT_EQ(at(v, c.segments[1].range), "Step");
  EXPECT_EQ(at(v, c.segments[3].range), "stdout");
}

TEST(ExprScanner, IndexAfterInputsOrOutputs) {
  std::string_view v = "{{ build.Get.inputs[1].destination }} {{ build.Get.outputs[x].a }}";
  ScanResult r = scan(v);
  ASSERT_EQ(r.expressions.size(), 2u);
  ASSERT_TRUE(r.expressions[0].index);
  EXPECT_EQ(r.expressions[0].index->value, 1u);
  EXPECT_EQ(at(v, r.expressions[0].index->range), "1");
  EXPECT_EQ(r.expressions[0].text(), "build.Get.inputs[1].destination");
  ASSERT_TRUE(r.expressions[1].index);
  EXPECT_FALSE(r.expressions[1].index->value);
}

TEST(ExprScanner, SyntaxErrorsPointAtTheMistake) {
  std::string_view v = "{{ }} {{ build.X.output.y }} {{ a.b.outputs }} {{ a. }} {{ unclosed";
  ScanResult r = scan(v);
  EXPECT_TRUE(r.expressions.empty());
  ASSERT_EQ(r.errors.size(), 5u);
  EXPECT_NE(r.errors[0].message.find("empty"), std::string::npos);
  EXPECT_EQ(at(v, r.errors[1].range), "output");
  EXPECT_NE(r.errors[1].message.find("did you mean `outputs`"), std::string::npos);
  EXPECT_NE(r.errors[2].message.find("names no field"), std::string::npos);
  EXPECT_NE(r.errors[3].message.find("expected a name"), std::string::npos);
  EXPECT_EQ(at(v, r.errors[4].range), "{{");
  EXPECT_NE(r.errors[4].message.find("not closed"), std::string::npos);
}

TEST(ExprScanner, ImageBuilderPlaceholdersAreNotOurs) {
  ScanResult r = scan("ami-{{ imagebuilder:buildDate }} {{ssm:/a/b}} {{{ imagebuilder:parentImage }}} {{workingDirectory}}");
  EXPECT_TRUE(r.expressions.empty());
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.foreign.size(), 4u);
}

TEST(ExprScanner, IndexOnlyAfterInputsOrOutputs) {
  ScanResult r = scan("{{ build[0].X.outputs.y }}");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_NE(r.errors[0].message.find("may only follow"), std::string::npos);
}

TEST(ExprScanner, AnOpeningBeforeTheCloseIsUnclosedOneAfterItIsNot) {
  // `{{ a {{ b }}`: the first `{{` meets another before any `}}`; `{{ a }}{{ b }}` is two.
  ScanResult nested = scan("{{ a {{ b }}");
  ASSERT_EQ(nested.errors.size(), 1u);
  EXPECT_EQ(nested.errors[0].range.begin, 0u);
  ASSERT_EQ(nested.expressions.size(), 1u);
  EXPECT_EQ(nested.expressions[0].segments[0].text, "b");
  ScanResult adjacent = scan("{{ a }}{{ b }}");
  EXPECT_TRUE(adjacent.errors.empty());
  EXPECT_EQ(adjacent.expressions.size(), 2u);
  ScanResult last_one = scan("{{ a }} and then a long tail with no more braces at all");
  EXPECT_TRUE(last_one.errors.empty());
  EXPECT_EQ(last_one.expressions.size(), 1u);
}

TEST(ExprScanner, NoBracesNoWork) {
  EXPECT_FALSE(may_hold_expression("echo ${HOME}"));
  EXPECT_TRUE(scan("plain text").expressions.empty());
}

}  // namespace
}  // namespace iblint::expr
