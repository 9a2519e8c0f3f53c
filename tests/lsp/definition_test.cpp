#include "lsp/definition.h"

#include <gtest/gtest.h>

#include "tests/lsp/analysis_fixture.h"

namespace iblint::lsp {
namespace {

using testing::Analysed;
using testing::kChaining;

TEST(DefinitionTest, AChainingReferenceLeadsToTheStepItReads) {
  Analysed a(kChaining);
  nlohmann::json d = definition(*a.analysis, a.ranges, "file:///t/doc.yaml", a.at("Say.outputs"));
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(d["uri"], "file:///t/doc.yaml");
  EXPECT_EQ(d["range"]["start"], (nlohmann::json{{"line", 13}, {"character", 14}}));  // `Say` in `- name: Say`
  EXPECT_EQ(d["range"]["end"], (nlohmann::json{{"line", 13}, {"character", 17}}));
}

TEST(DefinitionTest, AParameterReferenceLeadsToItsDeclaration) {
  Analysed a(kChaining);
  nlohmann::json d = definition(*a.analysis, a.ranges, "file:///t/doc.yaml", a.at("{{ Greeting", 5));
  EXPECT_EQ(d["range"]["start"], (nlohmann::json{{"line", 2}, {"character", 4}}));
}

TEST(DefinitionTest, NothingForUnresolvedReferencesOrPlainText) {
  Analysed a(std::string(kChaining) + "            - echo '{{ build.Nope.outputs.stdout }}'\n");
  EXPECT_TRUE(definition(*a.analysis, a.ranges, "u", a.at("Nope")).is_null());
  EXPECT_TRUE(definition(*a.analysis, a.ranges, "u", a.at("unzip")).is_null());
}

}  // namespace
}  // namespace iblint::lsp
