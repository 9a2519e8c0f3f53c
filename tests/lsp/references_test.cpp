#include "lsp/references.h"

#include <gtest/gtest.h>

#include "tests/lsp/analysis_fixture.h"

namespace iblint::lsp {
namespace {

using testing::Analysed;
using testing::kChaining;

ReferenceTarget resolve_at(const Analysed& a, uint32_t offset) {
  std::optional<ExpressionAt> at = a.analysis->expression_at(offset);
  EXPECT_TRUE(at);
  return at ? resolve_reference(*at, a.analysis->file()) : ReferenceTarget{};
}

TEST(ReferencesTest, ChainingResolvesToTheStepsName) {
  Analysed a(kChaining);
  ReferenceTarget t = resolve_at(a, a.at("Fetch.inputs"));
  ASSERT_TRUE(t.definition);
  EXPECT_EQ(t.definition->value, "Fetch");
}

TEST(ReferencesTest, UnknownPhasesStepsAndOutputsAreSaidSo) {
  Analysed a(std::string(kChaining) +
             "            - echo '{{ test.X.outputs.stdout }} {{ build.Nope.outputs.stdout }} {{ build.Fetch.outputs.stdout }}'\n");
  ReferenceTarget t = resolve_at(a, a.at("test.X"));
  EXPECT_FALSE(t.definition);
  EXPECT_EQ(t.markdown, "No phase `test` in this document.");
  t = resolve_at(a, a.at("build.Nope"));
  EXPECT_EQ(t.markdown, "No step `Nope` in phase `build`.");
  t = resolve_at(a, a.at("build.Fetch.outputs"));
  EXPECT_NE(t.markdown.find("`S3Download` has no output `stdout`."), std::string::npos) << t.markdown;
}

TEST(ReferencesTest, LoopVariablesOutsideALoopAreExplained) {
  Analysed a(std::string(kChaining) + "      - name: After\n        action: ExecuteBash\n        inputs:\n"
                                      "          commands: ['echo {{ loop.index }}']\n");
  ReferenceTarget t = resolve_at(a, a.at("loop.index"));
  EXPECT_FALSE(t.definition);
  EXPECT_NE(t.markdown.find("this step has no `loop`"), std::string::npos) << t.markdown;
}

}  // namespace
}  // namespace iblint::lsp
