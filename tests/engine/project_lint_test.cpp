#include "engine/project_lint.h"

#include <gtest/gtest.h>

#include "engine/registry.h"
#include "load/project_loader.h"

namespace iblint {
namespace {

std::shared_ptr<const SourceFile> file(std::string path, std::string text) {
  return std::make_shared<const SourceFile>(std::move(path), std::move(text));
}

TEST(ProjectLint, FindingsCarryTheirFileAndRespectEnabled) {
  auto pipeline = file("p.json", R"({"name": "web-pipeline", "imageRecipeArn": "nope", "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/i"})");
  auto project = load_project({{pipeline, yaml::parse(*pipeline)}});
  std::vector<Diagnostic> all = lint_project(*project, Profile::Current);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].file, pipeline.get());
  EXPECT_EQ(all[0].rule->id, "IB402");
  EXPECT_TRUE(lint_project(*project, Profile::Current, [](const RuleInfo& r) { return r.id != "IB402"; }).empty());
}

TEST(ProjectLint, LintFilesLinksFilesAndFinishesEach) {
  auto pipeline = file("p.json", R"({"name": "web-pipeline", "imageRecipeArn": "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/web-recipe/1.0.0",
    "infrastructureConfigurationArn": "arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/i"})");
  auto recipe = file("r.json", R"({"name": "web-recipe", "semanticVersion": "1.0.0", "parentImage": "ami-1", "components": [{"componentArn": "bad"}]})");
  auto component = file("c.yaml", "name: c\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n        action: Nope\n");
  std::vector<FileLint> lints = lint_files({pipeline, recipe, component}, {});
  ASSERT_EQ(lints.size(), 3u);
  EXPECT_TRUE(lints[0].diagnostics.empty());
  ASSERT_EQ(lints[1].diagnostics.size(), 1u);
  EXPECT_EQ(lints[1].diagnostics[0].rule->id, "IB402");
  ASSERT_EQ(lints[2].diagnostics.size(), 1u);
  EXPECT_EQ(lints[2].diagnostics[0].rule->id, "IB104");
  for (const FileLint& l : lints) EXPECT_TRUE(l.finished);
}

TEST(ProjectLint, ProjectRulesAreRegisteredAndNeverRunPerFile) {
  const Rule* rule = find_rule("IB402");
  ASSERT_NE(rule, nullptr);
  EXPECT_TRUE(rule->is_project_rule());
  EXPECT_FALSE(rule->needs_component());
  SourceFile pipeline("p.json", R"({"name": "p", "imageRecipeArn": "nope", "infrastructureConfigurationArn": "x"})");
  FileLint alone = lint_file(pipeline, {});  // no project: no project findings
  EXPECT_TRUE(alone.linted);
  EXPECT_TRUE(alone.diagnostics.empty());
}

}  // namespace
}  // namespace iblint
