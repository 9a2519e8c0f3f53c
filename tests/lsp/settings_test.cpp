#include "lsp/settings.h"

#include <gtest/gtest.h>

#include "engine/registry.h"
#include "engine/rule_selection.h"

namespace iblint::lsp {
namespace {

const RuleInfo& rule(std::string_view id) { return find_rule(id)->info(); }

TEST(SettingsTest, ReadsEverySettingInsideOrWithoutTheIblintSection) {
  std::vector<std::string> problems;
  nlohmann::json inner = {{"select", {"IB1"}}, {"ignore", "IB106"}, {"severity", {{"IB105", "warning"}}},
                          {"profile", "seed-2020"}, {"platform", "windows"}, {"shellcheck", false},
                          {"debounceMs", 25}, {"config", "/x/.iblint.yaml"}, {"unknownKey", 1}};
  for (const nlohmann::json& settings : {nlohmann::json{{"iblint", inner}}, inner}) {
    ClientSettings s = parse_client_settings(settings, problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_TRUE(s.selection.enabled(rule("IB103")));
    EXPECT_FALSE(s.selection.enabled(rule("IB106")));
    EXPECT_FALSE(s.selection.enabled(rule("IB201")));
    EXPECT_EQ(s.selection.severity(rule("IB105")), Severity::Warning);
    EXPECT_EQ(s.profile, Profile::Seed2020);
    EXPECT_EQ(s.platform, 2u);
    EXPECT_FALSE(s.shellcheck);
    EXPECT_EQ(s.debounce_ms, 25);
    EXPECT_EQ(s.config_path, "/x/.iblint.yaml");
  }
  EXPECT_TRUE(parse_client_settings(nullptr, problems).shellcheck);
  EXPECT_TRUE(problems.empty());
}

TEST(SettingsTest, WrongValuesAreReportedAndLeftAtTheirDefaults) {
  std::vector<std::string> problems;
  ClientSettings s = parse_client_settings({{"select", {"IB99x"}}, {"profile", "2019"}, {"platform", 3},
                                            {"shellcheck", "no"}, {"debounceMs", -5}, {"severity", {{"IB103", "fatal"}}}},
                                           problems);
  EXPECT_EQ(problems.size(), 6u);
  EXPECT_TRUE(s.selection.select.empty());
  EXPECT_FALSE(s.profile);
  EXPECT_TRUE(s.shellcheck);
  EXPECT_EQ(s.debounce_ms, 150);
  problems.clear();
  parse_client_settings(42, problems);
  EXPECT_EQ(problems, std::vector<std::string>{"iblint settings must be an object"});
}

TEST(SettingsTest, ClientSettingsSitOnTopOfTheConfigurationFile) {
  Config config;
  config.dir = "/proj";
  config.selection.ignore = {"IB106"};
  config.selection.severities = {{"IB103", Severity::Warning}};
  config.profile = Profile::Seed2020;
  config.exclude = {"vendor/**"};
  ClientSettings client;
  client.selection.ignore = {"IB103"};
  DocumentSettings d = document_settings(client, &config, "/proj/a.yaml");
  EXPECT_FALSE(d.excluded);
  EXPECT_EQ(d.profile, Profile::Seed2020);
  EXPECT_FALSE(d.lint.enabled(rule("IB106")));
  EXPECT_FALSE(d.lint.enabled(rule("IB103")));
  EXPECT_TRUE(d.lint.enabled(rule("IB104")));
  EXPECT_TRUE(document_settings(client, &config, "/proj/vendor/x.yaml").excluded);

  client = {};
  client.profile = Profile::Current;
  d = document_settings(client, &config, std::nullopt);
  EXPECT_EQ(d.profile, Profile::Current);
  EXPECT_EQ(d.lint.severity(rule("IB103"), Severity::Error), Severity::Warning);
  d = document_settings(client, nullptr, "/elsewhere/a.yaml");
  EXPECT_TRUE(d.lint.enabled(rule("IB106")));
}

}  // namespace
}  // namespace iblint::lsp
