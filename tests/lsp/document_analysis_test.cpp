#include "lsp/document_analysis.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "lsp/settings.h"
#include "lsp/text_document.h"
#include "tests/lsp/analysis_fixture.h"

namespace iblint::lsp {
namespace {

using testing::Analysed;
using testing::kChaining;

TEST(DocumentAnalysisTest, LintsTheDocumentsCurrentTextAndRemembersItsVersion) {
  Analysed a(kChaining);
  EXPECT_EQ(a.analysis->version(), 3);
  EXPECT_TRUE(a.analysis->lint().linted);
  EXPECT_TRUE(a.analysis->lint().diagnostics.empty());
  EXPECT_EQ(a.analysis->file().bytes(), kChaining);
  ASSERT_EQ(a.analysis->components().size(), 1u);
}

TEST(DocumentAnalysisTest, FindsTheStepAndTheExpressionAtAnOffset) {
  Analysed a(kChaining);
  std::optional<StepAt> step = a.analysis->step_at(a.at("unzip"));
  ASSERT_TRUE(step);
  EXPECT_EQ(step->step->name, "Say");
  EXPECT_FALSE(a.analysis->step_at(a.at("parameters")));

  std::optional<ExpressionAt> expression = a.analysis->expression_at(a.at("Fetch.inputs"));
  ASSERT_TRUE(expression);
  EXPECT_EQ(expression->expression->text(), "build.Fetch.inputs[0].destination");
  EXPECT_EQ(a.document.text().substr(expression->span.begin, expression->span.end - expression->span.begin),
            "{{ build.Fetch.inputs[0].destination }}");
  EXPECT_FALSE(a.analysis->expression_at(a.at("unzip")));
}

TEST(DocumentAnalysisTest, AFileThatIsNotAComponentHasNoModel) {
  Analysed a("apiVersion: v1\nkind: Pod\n");
  EXPECT_FALSE(a.analysis->lint().linted);
  EXPECT_TRUE(a.analysis->components().empty());
}

TEST(DocumentAnalysisTest, AnOpenTemplateGetsTheResourceRules) {
  // A recipe whose component Ref points at nothing: IB402, a project rule, must reach the editor.
  const std::string text =
      "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Recipe:\n    Type: AWS::ImageBuilder::ImageRecipe\n"
      "    Properties:\n      Name: web-recipe\n      Version: 1.0.0\n"
      "      ParentImage: arn:aws:imagebuilder:us-west-2:aws:image/amazon-linux-2-x86/x.x.x\n"
      "      Components:\n        - ComponentArn: !Ref Missing\n";
  TextDocument document("file:///t/template.yaml", text, 1);
  DocumentSettings settings = document_settings(ClientSettings{}, nullptr, std::string("/t/template.yaml"));
  auto analysis = DocumentAnalysis::analyze(document, "/t/template.yaml", settings.lint);
  const auto& found = analysis->lint().diagnostics;
  EXPECT_TRUE(std::any_of(found.begin(), found.end(), [](const Diagnostic& d) { return d.rule->id == "IB402"; }))
      << found.size() << " findings";
}

}  // namespace
}  // namespace iblint::lsp
