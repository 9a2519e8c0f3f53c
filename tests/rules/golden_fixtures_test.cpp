// Walks fixtures/rules/<ID>/{bad,good}/: every bad file must produce exactly the text output
// stored beside it (NAME.out), every good file must produce nothing. All rules run, so a
// fixture shows everything iblint says about it. Files named *.seed-2020.yaml run with
// --profile seed-2020. Dry-run rules (IB8xx) are reported by `iblint dry-run` only: their
// fixtures are dry-run (lone components as on Linux) and the findings printed as lint prints
// them. Set IBLINT_UPDATE_GOLDEN=1 to rewrite the .out files after a reviewed change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "dryrun/dry_run.h"
#include "emit/text_emitter.h"
#include "engine/linter.h"
#include "engine/project_lint.h"
#include "engine/registry.h"
#include "engine/report.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

const fs::path kRoot = IBLINT_SOURCE_DIR;

bool is_document(const fs::path& p) {
  std::string ext = p.extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The dry run's findings for one fixture of a dry-run rule, in the text format.
std::string dry_run_to_text(const std::shared_ptr<const SourceFile>& file, bool* any) {
  dryrun::DryRunOptions options;
  options.platform = "Linux";
  std::unique_ptr<dryrun::DryRun> run = dryrun::dry_run({file}, options);
  if (!run->plan) {
    *any = true;
    return "no plan: " + run->error + "\n";
  }
  *any = !run->plan->findings.empty();
  Report report = std::move(run->findings);
  report.files_linted = 1;
  std::ostringstream out;
  emit_text(report, out, {});
  return out.str();
}

/// The text report for one fixture, with its path relative to the repository root.
std::string lint_to_text(const fs::path& path, bool* any) {
  std::string relative = fs::relative(path, kRoot).generic_string();
  auto file = std::make_shared<const SourceFile>(relative, read(path));
  std::string rule_id = path.parent_path().parent_path().filename().string();
  if (rule_id.rfind("IB8", 0) == 0) return dry_run_to_text(file, any);
  LintSettings settings;
  if (path.filename().string().find(".seed-2020.") != std::string::npos) settings.profile = Profile::Seed2020;
  FileLint lint = std::move(lint_files({file}, settings).front());  // one-file project: project rules run too
  Report report;
  report.files_linted = 1;
  *any = !lint.diagnostics.empty();
  report.files.push_back({relative, file, std::move(lint.diagnostics)});
  std::ostringstream out;
  emit_text(report, out, {});
  return out.str();
}

std::vector<fs::path> fixtures(const std::string& kind) {
  std::vector<fs::path> out;
  for (const auto& rule_dir : fs::directory_iterator(kRoot / "fixtures" / "rules")) {
    fs::path dir = rule_dir.path() / kind;
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (is_document(entry.path())) out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(GoldenFixtures, BadFixturesMatchTheirExpectedOutput) {
  bool update = std::getenv("IBLINT_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> bad = fixtures("bad");
  ASSERT_FALSE(bad.empty());
  for (const fs::path& path : bad) {
    bool any = false;
    std::string actual = lint_to_text(path, &any);
    fs::path expected_path = path;
    expected_path.replace_extension(".out");
    if (update) {
      std::ofstream(expected_path, std::ios::binary) << actual;
      continue;
    }
    EXPECT_TRUE(any) << path << " is a bad fixture but produced no finding";
    ASSERT_TRUE(fs::exists(expected_path)) << "missing " << expected_path << " (run with IBLINT_UPDATE_GOLDEN=1)";
    EXPECT_EQ(actual, read(expected_path)) << "for fixture " << path;
    // The rule the folder is named for must be among the findings.
    std::string id = path.parent_path().parent_path().filename().string();
    EXPECT_NE(actual.find("[" + id + " "), std::string::npos) << path << " does not trigger " << id;
  }
}

TEST(GoldenFixtures, GoodFixturesProduceNothing) {
  std::vector<fs::path> good = fixtures("good");
  ASSERT_FALSE(good.empty());
  for (const fs::path& path : good) {
    bool any = false;
    std::string actual = lint_to_text(path, &any);
    EXPECT_FALSE(any) << path << " should be clean but gave:\n" << actual;
  }
}

TEST(GoldenFixtures, EveryRuleHasDocsAndFixtures) {
  for (const auto& rule : all_rules()) {
    std::string id(rule->info().id);
    std::string name(rule->info().name);
    EXPECT_TRUE(fs::exists(kRoot / "rules" / (id + "-" + name + ".md"))) << "no doc page for " << id;
    EXPECT_FALSE(rule_doc(id).empty()) << "doc of " << id << " is not embedded";
    fs::path dir = kRoot / "fixtures" / "rules" / id;
    auto has_documents = [&](const fs::path& d) {
      if (!fs::is_directory(d)) return false;
      for (const auto& e : fs::directory_iterator(d)) {
        if (is_document(e.path())) return true;
      }
      return false;
    };
    EXPECT_TRUE(has_documents(dir / "bad")) << "no bad fixture for " << id;
    EXPECT_TRUE(has_documents(dir / "good")) << "no good fixture for " << id;
  }
}

}  // namespace
}  // namespace iblint
