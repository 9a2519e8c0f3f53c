#pragma once
#include <cstddef>
#include <deque>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/profile.h"
#include "engine/rule.h"
#include "engine/rule_selection.h"
#include "engine/severity.h"
#include "source/source_file.h"
#include "source/span.h"

namespace iblint {

/// A problem in a configuration file: printed as `path:line:col: message`.
struct ConfigError {
  std::string path;
  Position position;  ///< line 0: about the file as a whole (it could not be read)
  std::string message;
  std::string to_string() const;
};

/// Matches a whole '/'-separated relative path against a glob: `*` matches within one path
/// segment, `?` one character other than '/', and a `**` segment any number of segments
/// (zero included). Everything else is literal; a `*` in path is an ordinary character, which a
/// pattern's `*` covers like any other. A leading `./` or `/` and a trailing `/` in the
/// pattern are ignored.
bool glob_match(std::string_view pattern, std::string_view path);

/// How `exclude` and `overrides.files` patterns match a path relative to the config directory:
/// a pattern without '/' matches a file or directory name at any depth (`*.yml`, `vendor`); a
/// pattern with '/' matches from the config directory (`legacy/**/*.yaml`). A pattern also
/// matches everything inside a directory it matches (`legacy` and `legacy/` cover legacy/a.yml).
bool path_pattern_matches(std::string_view pattern, std::string_view relative_path);

/// One `overrides` entry: settings for the files matching any of its globs.
struct ConfigOverride {
  std::vector<std::string> files;
  RuleSelection selection;
  std::optional<Profile> profile;
};

/// The settings of one `.iblint.yaml`.
struct Config {
  std::filesystem::path file;  ///< the configuration file, absolute
  std::filesystem::path dir;   ///< its directory, absolute and normal: patterns start here
  RuleSelection selection;
  std::vector<std::string> exclude;
  std::optional<Profile> profile;
  std::optional<Severity> fail_on;
  std::vector<ConfigOverride> overrides;
  /// `trusted-accounts`: 12-digit account ids and organization / organizational-unit ARNs the
  /// AMI may be shared with (IB606); nullopt when the key is not written.
  std::optional<std::vector<std::string>> trusted_accounts;

  /// Whether file (or directory) matches an `exclude` pattern. Files outside dir never do.
  bool excluded(const std::filesystem::path& file) const;
  /// The base selection merged with every matching override's, in order.
  RuleSelection selection_for(const std::filesystem::path& file) const;
  /// The last matching override's profile, else the base one; nullopt when none is set.
  std::optional<Profile> profile_for(const std::filesystem::path& file) const;
  /// file's path relative to dir with '/' separators; nullopt when file is not inside dir.
  std::optional<std::string> relative_path(const std::filesystem::path& file) const;
};

/// Reads and checks a configuration file. Never throws: every problem (unreadable file, YAML
/// syntax, unknown keys with a did-you-mean, wrong types, bad values, unknown rules) is
/// appended to errors, and then the result is nullopt. ConfigError::path is path as given.
std::optional<Config> load_config(const std::string& path, std::vector<ConfigError>& errors,
                                  const std::vector<const RuleInfo*>& known_rules);

/// load_config for text already read; dir is the directory patterns are relative to.
std::optional<Config> parse_config(const SourceFile& file, const std::filesystem::path& dir,
                                   std::vector<ConfigError>& errors, const std::vector<const RuleInfo*>& known_rules);

/// File names looked for in each directory, in order of preference.
inline constexpr std::string_view kConfigFileNames[] = {".iblint.yaml", ".iblint.yml"};

/// Finds the configuration that applies to each file: the nearest `.iblint.yaml` (or
/// `.iblint.yml`) in the file's directory or any directory above it, up to the filesystem
/// root. Results are cached per directory, so each configuration file is read once per run.
class ConfigFinder {
 public:
  /// Discovery mode.
  explicit ConfigFinder(std::vector<const RuleInfo*> known_rules);
  /// `--config FILE`: every file gets this configuration.
  explicit ConfigFinder(Config fixed);

  /// The configuration for file, or null when there is none. When the nearest configuration
  /// file has errors they are appended to errors (the first time only) and the result is null
  /// for every file it would cover: callers should stop when errors is not empty.
  const Config* for_file(const std::filesystem::path& file, std::vector<ConfigError>& errors);
  /// The same, for the files of a directory (e.g. to prune excluded directories while walking).
  const Config* for_directory(const std::filesystem::path& dir, std::vector<ConfigError>& errors);

  /// How many configuration files have been read (for tests: caching works).
  size_t configs_read() const { return configs_read_; }

 private:
  std::vector<const RuleInfo*> known_rules_;
  std::optional<Config> fixed_;
  std::deque<Config> configs_;  ///< stable addresses
  std::unordered_map<std::string, const Config*> by_dir_;
  size_t configs_read_ = 0;
};

}  // namespace iblint
