// Walks fixtures/dryrun/: each input (a file NAME.yaml|NAME.json, or a folder NAME/ holding
// the files of one pipeline) must plan to exactly NAME.plan.json and NAME.plan.txt beside it.
// Lone components plan as on Linux; NAME.params (NAME=VALUE lines) gives --param values. Set
// IBLINT_UPDATE_GOLDEN=1 to rewrite the expected plans after a reviewed change.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dryrun/dry_run.h"
#include "dryrun/plan_json.h"
#include "dryrun/plan_text.h"

namespace iblint::dryrun {
namespace {
namespace fs = std::filesystem;

const fs::path kRoot = IBLINT_SOURCE_DIR;
const fs::path kFixtures = kRoot / "fixtures" / "dryrun";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool is_input(const fs::path& p) {
  std::string name = p.filename().string();
  if (name.ends_with(".plan.json")) return false;
  return name.ends_with(".yaml") || name.ends_with(".yml") || name.ends_with(".json");
}

struct Case {
  std::string name;
  std::vector<fs::path> inputs;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    const fs::path& p = entry.path();
    if (entry.is_directory()) {
      Case c{p.filename().string(), {}};
      for (const auto& f : fs::directory_iterator(p)) {
        if (is_input(f.path())) c.inputs.push_back(f.path());
      }
      std::sort(c.inputs.begin(), c.inputs.end());
      out.push_back(std::move(c));
    } else if (is_input(p)) {
      out.push_back({p.stem().string(), {p}});
    }
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

DryRunOptions options_for(const Case& c) {
  DryRunOptions options;
  options.platform = "Linux";
  std::istringstream params(read(kFixtures / (c.name + ".params")));
  for (std::string line; std::getline(params, line);) {
    size_t eq = line.find('=');
    if (eq != std::string::npos) options.overrides[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return options;
}

TEST(GoldenPlans, EveryFixturePlansToItsExpectedJsonAndText) {
  bool update = std::getenv("IBLINT_UPDATE_GOLDEN") != nullptr;
  std::vector<Case> all = cases();
  ASSERT_GE(all.size(), 2u);
  for (const Case& c : all) {
    std::vector<std::shared_ptr<const SourceFile>> files;
    for (const fs::path& p : c.inputs) {
      files.push_back(std::make_shared<const SourceFile>(fs::relative(p, kRoot).generic_string(), read(p)));
    }
    std::unique_ptr<DryRun> run = dry_run(files, options_for(c));
    ASSERT_TRUE(run->plan) << c.name << ": " << run->error;
    std::string json = plan_json(*run->plan, run->findings).dump(2) + "\n";
    std::ostringstream text;
    emit_plan_text(*run->plan, run->findings, text);
    fs::path json_path = kFixtures / (c.name + ".plan.json");
    fs::path text_path = kFixtures / (c.name + ".plan.txt");
    if (update) {
      std::ofstream(json_path, std::ios::binary) << json;
      std::ofstream(text_path, std::ios::binary) << text.str();
      continue;
    }
    ASSERT_TRUE(fs::exists(json_path)) << "missing " << json_path << " (run with IBLINT_UPDATE_GOLDEN=1)";
    EXPECT_EQ(json, read(json_path)) << "for " << c.name;
    EXPECT_EQ(text.str(), read(text_path)) << "for " << c.name;
  }
}

}  // namespace
}  // namespace iblint::dryrun
