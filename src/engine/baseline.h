#pragma once
// --baseline / --write-baseline: findings already accepted in an existing repository, so that a
// CI gate fails only on new ones.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/report.h"

namespace iblint {

/// One accepted finding. path, rule and fingerprint identify it; line and message are there for
/// the people who read the file and in messages about entries that no longer match.
struct BaselineEntry {
  std::string path;  ///< relative to the baseline file's folder, '/'-separated
  std::string rule;
  std::string fingerprint;  ///< see engine/fingerprint.h
  uint32_t line = 0;
  std::string message;
};

struct Baseline {
  std::filesystem::path file;  ///< where it was read from (paths are relative to its folder)
  std::vector<BaselineEntry> entries;
};

/// Reads a baseline file; nullopt with error set (file, and position for bad JSON) on failure.
std::optional<Baseline> read_baseline(const std::filesystem::path& file, std::string& error);

/// The baseline of every finding in report, as it would be written to file: JSON, entries
/// sorted by path, line and rule, so that the file diffs well under version control.
Baseline make_baseline(const Report& report, const std::filesystem::path& file);
std::string baseline_json(const Baseline& baseline);

/// What applying a baseline did.
struct BaselineOutcome {
  size_t baselined = 0;                     ///< findings matched and removed from the report
  std::vector<BaselineEntry> unused;        ///< entries no finding matched (fixed, or their line changed)
};

/// Removes from report every finding that an entry of baseline matches by path, rule and
/// fingerprint; each entry matches at most one finding.
BaselineOutcome apply_baseline(const Baseline& baseline, Report& report);

}  // namespace iblint
