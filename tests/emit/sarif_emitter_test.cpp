#include "emit/sarif_emitter.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <algorithm>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "engine/registry.h"
#include "engine/rule.h"
#include "tests/support/diagnostic_builders.h"
#include "tests/support/shell_command.h"

namespace iblint {
namespace {
using test_support::find;
using test_support::make;

using nlohmann::json;

// Test-only rule ids, so that no embedded doc page changes what these tests see.
const RuleInfo kDuplicateStep{"IBT03", "duplicate-step-name", Severity::Error, "Step names must be unique"};
const RuleInfo kTabs{"IBT04", "tab-indent", Severity::Warning, "Indent with spaces"};
const RuleInfo kSecret{"IBT61", "hardcoded-secret", Severity::Error, "Do not hard-code secrets", true};
const RuleInfo kQuietSecret{"IBT62", "weak-permission", Severity::Info, "Prefer narrow permissions", true};
const RuleInfo kNoResults{"IBT09", "never-fires", Severity::Warning, "A rule with no results"};
const RuleInfo kUnlisted{"IBT99", "not-in-report-rules", Severity::Info, "Reported but not listed"};

// Multi-byte UTF-8 ("é", "✓", "😀" outside the BMP), a tab and CRLF line breaks.
const std::string kText =
    "name: caf\xC3\xA9\r\n"                          // 1
    "steps:\r\n"                                     // 2
    "  - name: \xF0\x9F\x98\x80\xE2\x9C\x93Step\r\n"  // 3
    "  - name: \xF0\x9F\x98\x80\xE2\x9C\x93Step\r\n"  // 4
    "\tpassword: hunter2\r\n";                       // 5

constexpr std::string_view kStep = "\xF0\x9F\x98\x80\xE2\x9C\x93Step";

FileResult sample_file(std::string display_path, const std::string& text = kText) {
  FileResult file;
  file.display_path = display_path;
  file.file = std::make_shared<SourceFile>(display_path, text);
  Diagnostic dup = make(kDuplicateStep, find(text, kStep, 1), "step appears twice");
  dup.related.push_back({find(text, kStep, 0), "first defined here"});
  dup.fixes.push_back({"Rename the step", {{dup.span, "Other"}}, false});
  file.diagnostics.push_back(dup);
  file.diagnostics.push_back(make(kTabs, find(text, "\t"), "tab used for indentation"));
  Diagnostic secret = make(kSecret, find(text, "hunter2"), "hard-coded password");
  secret.fixes.push_back({"Delete the value", {{find(text, "hunter2"), ""}}, false});
  file.diagnostics.push_back(secret);
  Span end_of_steps{find(text, "steps:").end, find(text, "steps:").end};
  file.diagnostics.push_back(make(kUnlisted, end_of_steps, "empty span at end of line"));
  return file;
}

Report sample_report() {
  Report report;
  report.files.push_back(sample_file("dir with space/comp#1.yaml"));
  report.rules = {&kDuplicateStep, &kTabs, &kNoResults, &kSecret, &kQuietSecret};  // not kUnlisted
  report.files_linted = 1;
  return report;
}

std::string render(const Report& report) {
  std::ostringstream out;
  emit_sarif(report, out);
  return out.str();
}

json emit(const Report& report) { return json::parse(render(report)); }

std::string cwd_uri() {
  std::string uri = "file://" + std::filesystem::current_path().generic_string();
  if (!uri.ends_with('/')) uri += '/';
  return uri;
}

const json& rule_by_id(const json& run, std::string_view id) {
  for (const json& rule : run["tool"]["driver"]["rules"]) {
    if (rule["id"] == id) return rule;
  }
  static const json none;
  ADD_FAILURE() << "no rule " << id;
  return none;
}

TEST(SarifEmitter, LogHasOneRunWithDriverAndBases) {
  json log = emit(sample_report());
  EXPECT_EQ(log["$schema"], "https://json.schemastore.org/sarif-2.1.0.json");
  EXPECT_EQ(log["version"], "2.1.0");
  ASSERT_EQ(log["runs"].size(), 1u);
  const json& run = log["runs"][0];
  const json& driver = run["tool"]["driver"];
  EXPECT_EQ(driver["name"], "iblint");
  EXPECT_EQ(driver["version"], IBLINT_VERSION);
  EXPECT_EQ(driver["semanticVersion"], IBLINT_VERSION);
  EXPECT_TRUE(driver["informationUri"].get<std::string>().starts_with("https://"));
  EXPECT_EQ(run["columnKind"], "unicodeCodePoints");
  EXPECT_EQ(run["invocations"], json::parse(R"([{"executionSuccessful":true}])"));
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"], cwd_uri());
}

TEST(SarifEmitter, EveryRuleIsDescribedOnceWithUnlistedRulesAdded) {
  json run = emit(sample_report())["runs"][0];
  const json& rules = run["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), 6u);
  std::vector<std::string> ids;
  for (const json& rule : rules) ids.push_back(rule["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"IBT03", "IBT04", "IBT09", "IBT61", "IBT62", "IBT99"}));
  for (const json& rule : rules) {
    SCOPED_TRACE(rule["id"].get<std::string>());
    EXPECT_FALSE(rule["name"].get<std::string>().empty());
    EXPECT_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["help"]["text"].get<std::string>().empty());
    EXPECT_FALSE(rule["help"]["markdown"].get<std::string>().empty());
    EXPECT_TRUE(rule["helpUri"].get<std::string>().starts_with("https://"));
    EXPECT_EQ(rule["properties"]["precision"], "high");
  }
  const json& dup = rule_by_id(run, "IBT03");
  EXPECT_EQ(dup["name"], "duplicate-step-name");
  EXPECT_EQ(dup["shortDescription"]["text"], "Step names must be unique");
  EXPECT_EQ(dup["fullDescription"]["text"], "Step names must be unique");  // no doc page
  EXPECT_EQ(dup["help"]["markdown"], "Step names must be unique");
  EXPECT_EQ(dup["helpUri"], rule_doc_url(kDuplicateStep));
  EXPECT_EQ(dup["defaultConfiguration"]["level"], "error");
  EXPECT_FALSE(dup["properties"].contains("security-severity"));
  EXPECT_FALSE(dup["properties"].contains("tags"));
  EXPECT_EQ(rule_by_id(run, "IBT04")["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(rule_by_id(run, "IBT99")["defaultConfiguration"]["level"], "note");
}

TEST(SarifEmitter, SecurityRulesCarryTagsAndSecuritySeverity) {
  json run = emit(sample_report())["runs"][0];
  const json& secret = rule_by_id(run, "IBT61");
  EXPECT_EQ(secret["properties"]["tags"], json::array({"security"}));
  EXPECT_EQ(secret["properties"]["security-severity"], "7.5");
  EXPECT_EQ(rule_by_id(run, "IBT62")["properties"]["security-severity"], "2.0");
  EXPECT_EQ(rule_by_id(run, "IBT62")["defaultConfiguration"]["level"], "note");
}

TEST(SarifEmitter, ResultsPointAtCodePointRegions) {
  json run = emit(sample_report())["runs"][0];
  const json& results = run["results"];
  ASSERT_EQ(results.size(), 4u);
  for (const json& result : results) {
    SCOPED_TRACE(result.dump());
    EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
    EXPECT_TRUE(result["partialFingerprints"].contains("primaryLocationLineHash/v1"));
    ASSERT_EQ(result["locations"].size(), 1u);
    const json& artifact = result["locations"][0]["physicalLocation"]["artifactLocation"];
    EXPECT_EQ(artifact["uri"], "dir%20with%20space/comp%231.yaml");
    EXPECT_EQ(artifact["uriBaseId"], "%SRCROOT%");
  }
  const json& dup = results[0];
  EXPECT_EQ(dup["ruleId"], "IBT03");
  EXPECT_EQ(dup["level"], "error");
  EXPECT_EQ(dup["message"]["text"], "step appears twice");
  EXPECT_EQ(dup["locations"][0]["physicalLocation"]["region"],
            json::parse(R"({"startLine":4,"startColumn":11,"endLine":4,"endColumn":17})"));
  ASSERT_EQ(dup["relatedLocations"].size(), 1u);
  EXPECT_EQ(dup["relatedLocations"][0]["id"], 1);
  EXPECT_EQ(dup["relatedLocations"][0]["message"]["text"], "first defined here");
  EXPECT_EQ(dup["relatedLocations"][0]["physicalLocation"]["region"]["startLine"], 3);
  const json& fix = dup["fixes"][0];
  EXPECT_EQ(fix["description"]["text"], "Rename the step");
  const json& replacement = fix["artifactChanges"][0]["replacements"][0];
  EXPECT_EQ(replacement["deletedRegion"],
            json::parse(R"({"startLine":4,"startColumn":11,"endLine":4,"endColumn":17})"));
  EXPECT_EQ(replacement["insertedContent"]["text"], "Other");
  EXPECT_EQ(fix["artifactChanges"][0]["artifactLocation"]["uri"], "dir%20with%20space/comp%231.yaml");

  EXPECT_EQ(results[1]["level"], "warning");
  EXPECT_EQ(results[1]["locations"][0]["physicalLocation"]["region"],
            json::parse(R"({"startLine":5,"startColumn":1,"endLine":5,"endColumn":2})"));
  EXPECT_FALSE(results[1].contains("relatedLocations"));
  EXPECT_FALSE(results[1].contains("fixes"));
  EXPECT_EQ(results[3]["ruleId"], "IBT99");
  EXPECT_EQ(results[3]["level"], "note");
  EXPECT_EQ(results[3]["locations"][0]["physicalLocation"]["region"],
            json::parse(R"({"startLine":2,"startColumn":7,"endLine":2,"endColumn":7})"));
}

TEST(SarifEmitter, EmptyReportStillHasRulesAndResultsArrays) {
  Report report;
  json run = emit(report)["runs"][0];
  EXPECT_EQ(run["results"], json::array());
  EXPECT_EQ(run["tool"]["driver"]["rules"], json::array());
  report.rules = {&kNoResults};
  run = emit(report)["runs"][0];
  EXPECT_EQ(run["results"], json::array());
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), 1u);
}

TEST(SarifEmitter, FingerprintsSurviveEditsAboveAndCountRepeats) {
  std::string moved = "# a comment\r\n\r\n" + kText;
  Report before = sample_report();
  Report after;
  after.files.push_back(sample_file("dir with space/comp#1.yaml", moved));
  json a = emit(before)["runs"][0]["results"];
  json b = emit(after)["runs"][0]["results"];
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i]["partialFingerprints"], b[i]["partialFingerprints"]);
    EXPECT_NE(a[i]["locations"][0]["physicalLocation"]["region"]["startLine"],
              b[i]["locations"][0]["physicalLocation"]["region"]["startLine"]);
  }
  // Two findings of one rule on identical lines: same hash, occurrence :1 and :2.
  Report twice = sample_report();
  auto& diagnostics = twice.files[0].diagnostics;
  diagnostics = {make(kDuplicateStep, find(kText, kStep, 0), "x"), make(kDuplicateStep, find(kText, kStep, 1), "x")};
  json r = emit(twice)["runs"][0]["results"];
  std::string first = r[0]["partialFingerprints"]["primaryLocationLineHash/v1"];
  std::string second = r[1]["partialFingerprints"]["primaryLocationLineHash/v1"];
  ASSERT_EQ(first.size(), 18u);
  EXPECT_EQ(first.substr(0, 16), second.substr(0, 16));
  EXPECT_EQ(first.substr(16), ":1");
  EXPECT_EQ(second.substr(16), ":2");
}

TEST(SarifEmitter, PathsOutsideTheCurrentDirectoryAreAbsoluteFileUris) {
  Report report;
  report.files.push_back(sample_file("/nonexistent-iblint/abs dir/x.yaml"));
  report.files.push_back(sample_file("./sub/../y.yaml"));
  report.files.push_back(sample_file(std::filesystem::current_path().string() + "/z.yaml"));
  json results = emit(report)["runs"][0]["results"];
  const json& outside = results[0]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(outside, json::parse(R"({"uri":"file:///nonexistent-iblint/abs%20dir/x.yaml"})"));
  const json& normalized = results[4]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(normalized, json::parse(R"({"uri":"y.yaml","uriBaseId":"%SRCROOT%"})"));
  const json& inside = results[8]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(inside, json::parse(R"({"uri":"z.yaml","uriBaseId":"%SRCROOT%"})"));
}

TEST(SarifEmitter, RegisteredRuleDocsFeedDescriptions) {
  Report report;
  for (const auto& rule : all_rules()) report.rules.push_back(&rule->info());
  json rules = emit(report)["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_EQ(rules.size(), report.rules.size());
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& info = *report.rules[i];
    std::string_view doc = rule_doc(info.id);
    SCOPED_TRACE(std::string(info.id));
    EXPECT_EQ(rules[i]["shortDescription"]["text"], std::string(info.summary));
    EXPECT_TRUE(rules[i]["fullDescription"]["text"].get<std::string>().starts_with(std::string(info.summary)));
    EXPECT_LE(rules[i]["fullDescription"]["text"].get<std::string>().size(), 1024u);
    EXPECT_EQ(rules[i]["help"]["markdown"], doc.empty() ? std::string(info.summary) : std::string(doc));
    if (!doc.empty()) {  // summary, a blank line, then the first prose paragraph of the page
      std::string full = rules[i]["fullDescription"]["text"];
      EXPECT_TRUE(full.starts_with(std::string(info.summary) + "\n\n")) << full;
      EXPECT_EQ(full.find("Default severity"), std::string::npos) << full;
      EXPECT_EQ(full.find("\n#"), std::string::npos) << full;  // no heading
    }
  }
}

TEST(SarifEmitter, NullRuleAndUnreadableFileStillValid) {
  Report report;
  Diagnostic d;
  d.message = "cannot read";
  report.files.push_back({"gone.yaml", nullptr, {d}});
  json run = emit(report)["runs"][0];
  ASSERT_EQ(run["results"].size(), 1u);
  const json& result = run["results"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"][result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
  EXPECT_EQ(result["locations"][0]["physicalLocation"]["region"],
            json::parse(R"({"startLine":1,"startColumn":1,"endLine":1,"endColumn":1})"));
}

// ---- GitHub code scanning's ingestion rules, on the real binary's output ------------------------

/// Runs the built iblint from the source folder; returns stdout.
std::string run_iblint(const std::string& args) {
  return test_support::run_stdout(std::string("cd '") + IBLINT_SOURCE_DIR + "' && '" + IBLINT_BINARY + "' " + args).out;
}

/// What https://docs.github.com/en/code-security/code-scanning (SARIF support) requires or
/// uses beyond the SARIF schema; every check names the rule it enforces.
void expect_code_scanning_rules(const json& log) {
  ASSERT_EQ(log["runs"].size(), 1u) << "one run per tool (a second run of one tool is rejected)";
  const json& run = log["runs"][0];
  ASSERT_TRUE(run.contains("results")) << "results must be present, also when empty";
  ASSERT_TRUE(run["results"].is_array());
  EXPECT_LE(run["results"].size(), 25000u) << "at most 25,000 results per run";
  const json& driver = run["tool"]["driver"];
  EXPECT_FALSE(driver["name"].get<std::string>().empty());
  const json& rules = driver["rules"];
  EXPECT_LE(rules.size(), 25000u);
  std::set<std::string> ids;
  for (const json& rule : rules) {
    std::string id = rule["id"];
    SCOPED_TRACE(id);
    EXPECT_TRUE(ids.insert(id).second) << "rule ids are unique";
    for (const char* field : {"shortDescription", "fullDescription", "help"}) {
      ASSERT_TRUE(rule.contains(field)) << field;
      EXPECT_FALSE(rule[field]["text"].get<std::string>().empty()) << field << " is non-empty";
    }
    EXPECT_LE(rule["shortDescription"]["text"].get<std::string>().size(), 1024u);
    EXPECT_LE(rule["fullDescription"]["text"].get<std::string>().size(), 1024u);
    const json& properties = rule["properties"];
    bool security = properties.contains("tags") &&
                    std::find(properties["tags"].begin(), properties["tags"].end(), "security") != properties["tags"].end();
    if (properties.contains("tags")) {
      EXPECT_LE(properties["tags"].size(), 20u) << "at most 20 tags per rule";
    }
    if (security) {
      ASSERT_TRUE(properties.contains("security-severity")) << "security rules carry security-severity";
      std::string score = properties["security-severity"];
      double value = std::stod(score);
      EXPECT_GT(value, 0.0);
      EXPECT_LE(value, 10.0);
    }
  }
  for (const json& result : run["results"]) {
    SCOPED_TRACE(result.dump());
    ASSERT_TRUE(result.contains("ruleId"));
    EXPECT_TRUE(ids.count(result["ruleId"].get<std::string>())) << "the rule is described in driver.rules";
    EXPECT_EQ(rules[result["ruleIndex"].get<size_t>()]["id"], result["ruleId"]);
    EXPECT_FALSE(result["message"]["text"].get<std::string>().empty());
    ASSERT_TRUE(result.contains("partialFingerprints")) << "partialFingerprints on every result";
    ASSERT_FALSE(result["partialFingerprints"].empty());
    for (const auto& [key, value] : result["partialFingerprints"].items()) EXPECT_FALSE(value.get<std::string>().empty());
    ASSERT_GE(result["locations"].size(), 1u);
    EXPECT_LE(result["locations"].size(), 1000u);
    const json& location = result["locations"][0]["physicalLocation"];
    EXPECT_FALSE(location["artifactLocation"]["uri"].get<std::string>().empty());
    EXPECT_GE(location["region"]["startLine"].get<int>(), 1);
  }
}

TEST(SarifEmitter, RealOutputMeetsGithubCodeScanningRules) {
  json findings = json::parse(run_iblint("--format sarif fixtures/rules"));
  ASSERT_GE(findings["runs"][0]["results"].size(), 50u) << "the bad fixtures produce findings";
  expect_code_scanning_rules(findings);
  // Every registered security rule ran and is described with its score.
  json run = findings["runs"][0];
  size_t security_rules = 0;
  for (const auto& rule : all_rules()) {
    if (!rule->info().security) continue;
    ++security_rules;
    EXPECT_TRUE(rule_by_id(run, rule->info().id)["properties"].contains("security-severity")) << rule->info().id;
  }
  EXPECT_GE(security_rules, 1u);

  json clean = json::parse(run_iblint("--format sarif fixtures/examples/hello-world.yaml"));
  EXPECT_EQ(clean["runs"][0]["results"], json::array());
  expect_code_scanning_rules(clean);
  json nothing = json::parse(run_iblint("--format sarif fixtures/examples/ci-workflow.yml"));  // skipped
  EXPECT_EQ(nothing["runs"][0]["results"], json::array());
  expect_code_scanning_rules(nothing);
}

// ---- the real validator ---------------------------------------------------------------------

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(SarifEmitter, PassesTheSarifMultitoolValidator) {
  const std::filesystem::path tools = std::filesystem::path(IBLINT_SOURCE_DIR) / "tests" / "tools";
  const std::filesystem::path multitool =
      tools / "node_modules" / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool";
  if (!std::filesystem::exists(multitool)) {
    const char* skip = std::getenv("IBLINT_SKIP_SARIF_VALIDATOR");
    if (skip != nullptr && std::string(skip) == "1") {
      GTEST_SKIP() << "IBLINT_SKIP_SARIF_VALIDATOR=1 and the SARIF Multitool is not installed ("
                   << multitool.string() << ")";
    }
    FAIL() << "The SARIF Multitool is not installed (" << multitool.string()
           << " is missing). Install it from the repository root with: npm ci --prefix tests/tools"
           << " (or set IBLINT_SKIP_SARIF_VALIDATOR=1 to skip this test)";
  }

  // One directory per process: test runs from several build trees may run at once.
  std::filesystem::path dir =
      std::filesystem::path(testing::TempDir()) / ("iblint-sarif-validate-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  Report full = sample_report();
  full.files.push_back(sample_file("/nonexistent-iblint/abs dir/x.yaml"));
  Diagnostic unreadable;
  unreadable.message = "cannot read";
  full.files.push_back({"gone.yaml", nullptr, {unreadable}});
  full.files_linted = 3;
  std::filesystem::path full_path = dir / "full.sarif";
  std::filesystem::path empty_path = dir / "empty.sarif";
  std::ofstream(full_path) << render(full);
  Report empty;  // every registered rule, with its doc page, and no results
  for (const auto& rule : all_rules()) empty.rules.push_back(&rule->info());
  empty.rules.push_back(&kNoResults);
  empty.rules.push_back(&kSecret);
  std::ofstream(empty_path) << render(empty);

  std::filesystem::path real_path = dir / "fixtures.sarif";  // the binary on every rule's bad fixtures
  std::ofstream(real_path) << run_iblint("--format sarif fixtures/rules");

  std::filesystem::path output = dir / "validator.txt";
  std::string command = "sh '" + (tools / "sarif-validate.sh").string() + "' '" + full_path.string() + "' '" +
                        empty_path.string() + "' '" + real_path.string() + "' > '" + output.string() + "' 2>&1";
  int status = std::system(command.c_str());
  std::string text = read_file(output);
  ASSERT_TRUE(WIFEXITED(status)) << text;
  EXPECT_EQ(WEXITSTATUS(status), 0) << "sarif-validate.sh failed:\n" << text;
  EXPECT_NE(text.find("sarif-validate: OK"), std::string::npos) << text;
  if (!HasFailure()) std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace iblint
