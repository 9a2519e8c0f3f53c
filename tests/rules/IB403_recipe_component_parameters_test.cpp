// IB403 across API request files given together (the golden fixtures are one file each): a
// create-image-recipe request is checked against the create-component request it names.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/project_lint.h"
#include "source/source_file.h"

namespace iblint {
namespace {

const char* kComponent = R"({
  "name": "install-nginx",
  "semanticVersion": "1.0.0",
  "platform": "Linux",
  "data": "name: install-nginx\nschemaVersion: 1.0\nparameters:\n  - Port:\n      type: string\n  - Release:\n      type: string\n      default: stable\nphases:\n  - name: build\n    steps:\n      - name: Install\n        action: ExecuteBash\n        inputs:\n          commands:\n            - \"echo {{ Port }} {{ Release }}\"\n"
})";

std::vector<std::string> findings(const std::string& parameters) {
  std::string recipe = R"({"name": "web-recipe", "semanticVersion": "1.0.0",
    "parentImage": "arn:aws:imagebuilder:us-west-2:aws:image/amazon-linux-2-x86/x.x.x",
    "components": [{"componentArn": "arn:aws:imagebuilder:us-west-2:123456789012:component/install-nginx/1.0.0",
                    "parameters": )" + parameters + "}]}";
  auto component_file = std::make_shared<const SourceFile>("component.json", kComponent);
  auto recipe_file = std::make_shared<const SourceFile>("recipe.json", recipe);
  LintSettings settings;
  settings.shellcheck = false;
  settings.enabled = [](const RuleInfo& info) { return info.id == std::string_view("IB403"); };
  std::vector<FileLint> lints = lint_files({component_file, recipe_file}, settings);
  EXPECT_TRUE(lints[0].diagnostics.empty());  // findings land in the recipe's file
  std::vector<std::string> out;
  for (const Diagnostic& d : lints[1].diagnostics) out.push_back(d.message);
  return out;
}

TEST(RecipeComponentParameters, ApiRecipeIsCheckedAgainstTheApiComponent) {
  EXPECT_TRUE(findings(R"([{"name": "Port", "value": ["8080"]}])").empty());
  std::vector<std::string> found = findings(R"([{"name": "port", "value": ["8080"]}])");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_NE(found[0].find("component `install-nginx` without a value for its parameter `Port`"), std::string::npos) << found[0];
  EXPECT_NE(found[1].find("did you mean `Port`?"), std::string::npos) << found[1];
}

TEST(RecipeComponentParameters, ParametersWithDefaultsMayBeLeftOut) {
  EXPECT_TRUE(findings(R"([{"name": "Port", "value": ["80"]}, {"name": "Release", "value": ["mainline"]}])").empty());
}

}  // namespace
}  // namespace iblint
