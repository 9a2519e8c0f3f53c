#include "schema/component_schema.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "catalog/action_catalog.h"
#include "tests/support/shell_command.h"
#include "engine/linter.h"
#include "source/source_file.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

TEST(ComponentSchemaTest, IsDraft2020WithADefinitionPerActionModule) {
  json schema = component_schema();
  EXPECT_EQ(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
  EXPECT_EQ(schema["required"], json::array({"schemaVersion", "phases"}));
  const json& step = schema["$defs"]["step"];
  EXPECT_EQ(step["properties"]["action"]["oneOf"].size(), action_catalog().size());
  EXPECT_EQ(step["allOf"].size(), action_catalog().size());
  for (const ActionSpec& action : action_catalog()) {
    ASSERT_TRUE(schema["$defs"].contains("inputs-" + std::string(action.name))) << action.name;
  }
  const json& download = schema["$defs"]["inputs-S3Download"];
  EXPECT_EQ(download["type"], "array");
  EXPECT_EQ(download["items"]["required"], json::array({"source", "destination"}));
  EXPECT_EQ(schema["$defs"]["inputs-ExecuteBash"]["required"], json::array({"commands"}));
  EXPECT_FALSE(schema["$defs"]["inputs-ExecuteBash"].contains("additionalProperties"));  // IB105 only warns
}

using test_support::run;
using test_support::RunResult;

/// Validates documents with ajv (draft 2020-12) against `iblint schema component`, as printed
/// by the binary.
class SchemaValidationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    tools_ = fs::path(IBLINT_SOURCE_DIR) / "tests/tools";
    if (std::system("command -v node >/dev/null 2>&1") != 0 || !fs::exists(tools_ / "node_modules/ajv") ||
        !fs::exists(tools_ / "node_modules/yaml")) {
      GTEST_SKIP() << "node with ajv and yaml is needed: `npm ci --prefix tests/tools` (tools/test.sh does it)";
    }
    schema_ = fs::temp_directory_path() / ("iblint-component-schema-" + std::to_string(::getpid()) + ".json");
    RunResult printed = run(std::string(IBLINT_BINARY) + " schema component > '" + schema_.string() + "'");
    ASSERT_EQ(printed.code, 0) << printed.out;
  }
  void TearDown() override {
    if (!schema_.empty()) fs::remove(schema_);
  }
  RunResult validate(const std::vector<fs::path>& documents) {
    std::string command = "node '" + (tools_ / "validate-schema.js").string() + "' '" + schema_.string() + "'";
    for (const fs::path& d : documents) command += " '" + d.string() + "'";
    return run(command);
  }
  fs::path tools_;
  fs::path schema_;
};

TEST_F(SchemaValidationTest, AcceptsTheExamplesAndEveryGoodRuleFixtureThatIsAComponent) {
  std::vector<fs::path> documents = {fs::path(IBLINT_SOURCE_DIR) / "tests/schema/good/all-fields.yaml",
                                     fs::path(IBLINT_SOURCE_DIR) / "fixtures/examples/hello-world.yaml"};
  for (const char* rule : {"IB103", "IB105", "IB107", "IB201", "IB205", "IB211"}) {  // their good/ cases
    for (const auto& entry : fs::directory_iterator(fs::path(IBLINT_SOURCE_DIR) / "fixtures/rules" / rule / "good")) {
      if (entry.path().extension() == ".yaml" && entry.path().string().find("seed-2020") == std::string::npos) {
        documents.push_back(entry.path());
      }
    }
  }
  RunResult result = validate(documents);
  EXPECT_EQ(result.code, 0) << result.out;
}

TEST_F(SchemaValidationTest, RejectsEachBadDocumentForItsMistake) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"unknown-action.yaml", "/phases/0/steps/0/action must match exactly one schema in oneOf"},
      {"missing-required-input.yaml", "must have required property 'destination'"},
      {"misspelled-required-input.yaml", "/phases/0/steps/0/inputs must have required property 'commands'"},
      {"wrong-on-failure.yaml", "/phases/0/steps/0/onFailure must be equal to one of the allowed values"},
      {"inputs-shape.yaml", "/phases/0/steps/0/inputs must be array"},
      {"missing-phases.yaml", "must have required property 'phases'"},
      {"unknown-step-field.yaml", "must NOT have additional properties {\"additionalProperty\":\"timeout\"}"},
  };
  for (const auto& [file, expected] : cases) {
    RunResult result = validate({fs::path(IBLINT_SOURCE_DIR) / "tests/schema/bad" / file});
    EXPECT_EQ(result.code, 1) << file << "\n" << result.out;
    EXPECT_NE(result.out.find(expected), std::string::npos) << file << "\n" << result.out;
  }
}

TEST_F(SchemaValidationTest, AcceptsEveryCorpusComponentIblintFindsNoErrorIn) {
  const char* env = std::getenv("IBLINT_CORPUS");
  fs::path corpus = env ? fs::path(env) : fs::path(IBLINT_SOURCE_DIR) / ".." / "shared" / "corpus";
  if (!fs::exists(corpus / "INDEX.tsv")) GTEST_SKIP() << "no corpus at " << corpus << " (set IBLINT_CORPUS)";
  std::vector<fs::path> documents;
  for (const auto& entry : fs::recursive_directory_iterator(corpus)) {
    std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".yaml" && ext != ".yml")) continue;
    ReadResult read = read_source_file(entry.path().string());
    if (!read.file) continue;
    LintSettings settings;
    settings.shellcheck = false;
    FileLint lint = lint_file(*read.file, settings);
    // Only whole component documents: a template or a broken file is not the schema's business.
    if (!lint.linted || lint.description != "AWSTOE component document") continue;
    bool error = false;
    for (const Diagnostic& d : lint.diagnostics) error = error || d.severity == Severity::Error;
    if (!error) documents.push_back(entry.path());
  }
  ASSERT_GT(documents.size(), 20u);
  RunResult result = validate(documents);
  EXPECT_EQ(result.code, 0) << result.out;
}

}  // namespace
}  // namespace iblint
