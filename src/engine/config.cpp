#include "engine/config.h"

#include <algorithm>
#include <regex>
#include <system_error>

#include "util/edit_distance.h"
#include "util/wildcard_match.h"
#include "yaml/parser.h"

namespace iblint {

namespace fs = std::filesystem;

std::string ConfigError::to_string() const {
  if (position.line == 0) return path + ": " + message;
  return path + ":" + std::to_string(position.line) + ":" + std::to_string(position.column) + ": " + message;
}

// ---------------------------------------------------------------------------------------------
// Globs

namespace {

std::vector<std::string_view> split_segments(std::string_view path) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

std::string_view trim_pattern(std::string_view pattern) {
  while (true) {
    if (pattern.starts_with("./")) pattern.remove_prefix(2);
    else if (pattern.starts_with("/")) pattern.remove_prefix(1);
    else break;
  }
  while (pattern.ends_with("/")) pattern.remove_suffix(1);
  return pattern;
}

bool segments_match(const std::vector<std::string_view>& pattern, size_t pi, const std::vector<std::string_view>& path,
                    size_t si) {
  while (pi < pattern.size()) {
    if (pattern[pi] == "**") {
      while (pi < pattern.size() && pattern[pi] == "**") ++pi;  // `**/**` is `**`
      if (pi == pattern.size()) return true;
      for (size_t k = si; k <= path.size(); ++k) {
        if (segments_match(pattern, pi, path, k)) return true;
      }
      return false;
    }
    if (si == path.size() || !wildcard_match(pattern[pi], path[si])) return false;
    ++pi;
    ++si;
  }
  return si == path.size();
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  std::vector<std::string_view> p = split_segments(trim_pattern(pattern));
  std::vector<std::string_view> s = split_segments(path);
  return segments_match(p, 0, s, 0);
}

bool path_pattern_matches(std::string_view pattern, std::string_view relative_path) {
  pattern = trim_pattern(pattern);
  if (pattern.empty()) return false;
  std::vector<std::string_view> path = split_segments(relative_path);
  if (pattern.find('/') == std::string_view::npos) {
    if (pattern == "**") return !path.empty();
    return std::any_of(path.begin(), path.end(), [&](std::string_view name) { return wildcard_match(pattern, name); });
  }
  std::vector<std::string_view> p = split_segments(pattern);
  // The path itself or any directory above it.
  std::vector<std::string_view> prefix;
  for (std::string_view segment : path) {
    prefix.push_back(segment);
    if (segments_match(p, 0, prefix, 0)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Config

std::optional<std::string> Config::relative_path(const fs::path& file) const {
  std::error_code ec;
  fs::path abs = fs::absolute(file, ec);
  if (ec) return std::nullopt;
  fs::path rel = abs.lexically_normal().lexically_relative(dir);
  if (rel.empty() || rel == ".") return std::nullopt;
  if (*rel.begin() == "..") return std::nullopt;
  return rel.generic_string();
}

namespace {

bool any_matches(const std::vector<std::string>& patterns, const std::string& relative) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& p) { return path_pattern_matches(p, relative); });
}

}  // namespace

bool Config::excluded(const fs::path& file) const {
  std::optional<std::string> rel = relative_path(file);
  return rel && any_matches(exclude, *rel);
}

RuleSelection Config::selection_for(const fs::path& file) const {
  RuleSelection result = selection;
  std::optional<std::string> rel = relative_path(file);
  if (!rel) return result;
  for (const ConfigOverride& o : overrides) {
    if (any_matches(o.files, *rel)) result.merge(o.selection);
  }
  return result;
}

std::optional<Profile> Config::profile_for(const fs::path& file) const {
  std::optional<Profile> result = profile;
  std::optional<std::string> rel = relative_path(file);
  if (!rel) return result;
  for (const ConfigOverride& o : overrides) {
    if (o.profile && any_matches(o.files, *rel)) result = o.profile;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Parsing

namespace {

constexpr std::string_view kTopKeys[] = {"select",  "ignore",    "severity", "exclude",
                                         "profile", "fail-on",   "overrides", "trusted-accounts"};
constexpr std::string_view kOverrideKeys[] = {"files", "select", "ignore", "severity", "profile"};

std::string quoted_list(const std::vector<std::string_view>& words, std::string_view last_joiner) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? std::string(last_joiner) : std::string(", ");
    out += "`" + std::string(words[i]) + "`";
  }
  return out;
}

class ConfigParser {
 public:
  ConfigParser(const SourceFile& file, std::vector<ConfigError>& errors, const std::vector<const RuleInfo*>& known)
      : file_(file), errors_(errors), known_(known) {}

  bool parse(Config& config) {
    size_t errors_before = errors_.size();
    std::unique_ptr<yaml::Stream> stream = yaml::parse(file_);
    for (const yaml::SyntaxError& e : stream->errors) error(e.span.begin, e.message);
    for (const yaml::DuplicateKey& d : stream->duplicate_keys) {
      error(d.span.begin, "duplicate key `" + d.key + "`; it is first set on line " +
                              std::to_string(file_.line_of(d.first.begin)));
    }
    if (stream->documents.size() > 1) {
      error(stream->documents[1]->span.begin, "the configuration must be a single YAML document");
    }
    if (errors_.size() == errors_before && !stream->documents.empty()) {
      const yaml::Node& root = stream->documents.front()->resolved();
      if (root.is_mapping()) {
        parse_top(root, config);
      } else if (!root.is_null()) {  // an empty file is an empty configuration
        error(root.span.begin, "the configuration must be a mapping of settings, not " + std::string(yaml::describe(root)));
      }
    }
    return errors_.size() == errors_before;
  }

 private:
  void error(uint32_t offset, std::string message) {
    errors_.push_back({file_.path(), file_.position(offset), std::move(message)});
  }

  /// Where to point at a value: an absent (null) value has no text of its own, so its key.
  static uint32_t where(const yaml::Pair& pair) {
    const yaml::Node& v = pair.value->resolved();
    return v.is_null() && v.span.empty() ? pair.key->span.begin : pair.value->span.begin;
  }

  /// The key's name, or nullopt after reporting a key that is not a string.
  std::optional<std::string> key_name(const yaml::Pair& pair) {
    const yaml::Node& key = pair.key->resolved();
    if (!key.is_scalar() || key.is_null()) {
      error(pair.key->span.begin, "setting names must be strings, not " + std::string(yaml::describe(key)));
      return std::nullopt;
    }
    return key.value;
  }

  void unknown_key(const yaml::Pair& pair, const std::string& name, const std::string_view* keys, size_t count,
                   std::string_view where_text) {
    std::vector<std::string_view> candidates(keys, keys + count);
    std::string message = "unknown key `" + name + "`" + std::string(where_text);
    std::string suggestion = closest(name, candidates, typo_distance(name));
    if (!suggestion.empty()) {
      message += "; did you mean `" + suggestion + "`?";
    } else {
      message += "; expected one of " + quoted_list(candidates, " or ");
    }
    error(pair.key->span.begin, message);
  }

  void parse_top(const yaml::Node& root, Config& config) {
    for (const yaml::Pair& pair : root.pairs) {
      std::optional<std::string> name = key_name(pair);
      if (!name) continue;
      if (*name == "select") {
        selectors(pair, *name, config.selection.select);
      } else if (*name == "ignore") {
        selectors(pair, *name, config.selection.ignore);
      } else if (*name == "severity") {
        severities(pair, config.selection.severities);
      } else if (*name == "exclude") {
        patterns(pair, *name, config.exclude);
      } else if (*name == "profile") {
        config.profile = profile(pair);
      } else if (*name == "fail-on") {
        config.fail_on = severity_value(pair, "fail-on");
      } else if (*name == "overrides") {
        overrides(pair, config.overrides);
      } else if (*name == "trusted-accounts") {
        config.trusted_accounts = trusted_accounts(pair);
      } else {
        unknown_key(pair, *name, kTopKeys, std::size(kTopKeys), "");
      }
    }
  }

  /// The items of a list value; null counts as an empty list. Reports anything else.
  const yaml::Node* list(const yaml::Pair& pair, std::string_view name, std::string_view of_what) {
    const yaml::Node& v = pair.value->resolved();
    if (v.is_null()) return nullptr;
    if (!v.is_sequence()) {
      error(where(pair), "`" + std::string(name) + "` must be a list of " + std::string(of_what) + ", not " +
                             std::string(yaml::describe(v)));
      return nullptr;
    }
    return &v;
  }

  /// A string item; reports anything else.
  const yaml::Node* string_item(const yaml::Node* item, std::string_view name) {
    const yaml::Node& v = item->resolved();
    if (!v.is_string()) {
      error(item->span.begin, "each `" + std::string(name) + "` entry must be a string, not " +
                                  std::string(yaml::describe(v)));
      return nullptr;
    }
    return &v;
  }

  void selectors(const yaml::Pair& pair, std::string_view name, std::vector<std::string>& out) {
    const yaml::Node* seq = list(pair, name, "rule ids, names or id prefixes");
    if (!seq) return;
    for (const yaml::Node* item : seq->items) {
      const yaml::Node* s = string_item(item, name);
      if (!s) continue;
      if (std::string problem = check_selector(s->value, known_); !problem.empty()) {
        error(item->span.begin, problem);
        continue;
      }
      out.push_back(s->value);
    }
  }

  void patterns(const yaml::Pair& pair, std::string_view name, std::vector<std::string>& out) {
    const yaml::Node* seq = list(pair, name, "glob patterns");
    if (!seq) return;
    for (const yaml::Node* item : seq->items) {
      const yaml::Node* s = string_item(item, name);
      if (!s) continue;
      std::string_view p = trim_pattern(s->value);
      if (p.empty()) {
        error(item->span.begin, "empty pattern in `" + std::string(name) + "`");
        continue;
      }
      std::vector<std::string_view> segments = split_segments(p);
      if (std::find(segments.begin(), segments.end(), "..") != segments.end()) {
        error(item->span.begin, "`" + std::string(name) +
                                    "` patterns are relative to the configuration file's directory and cannot "
                                    "contain `..`");
        continue;
      }
      out.push_back(s->value);
    }
  }

  /// A scalar string value checked against choices; reports and returns nullopt otherwise.
  std::optional<std::string> choice(const yaml::Pair& pair, std::string_view name,
                                    const std::vector<std::string_view>& choices) {
    const yaml::Node& v = pair.value->resolved();
    std::string expected = quoted_list(choices, " or ");
    if (!v.is_string()) {
      error(where(pair), "`" + std::string(name) + "` must be " + expected + ", not " + std::string(yaml::describe(v)));
      return std::nullopt;
    }
    if (std::find(choices.begin(), choices.end(), v.value) != choices.end()) return v.value;
    std::string message = "invalid " + std::string(name) + " `" + v.value + "`; expected " + expected;
    std::string suggestion = closest(v.value, choices, 3);
    if (!suggestion.empty()) message += "; did you mean `" + suggestion + "`?";
    error(pair.value->span.begin, message);
    return std::nullopt;
  }

  std::optional<Severity> severity_value(const yaml::Pair& pair, std::string_view name) {
    std::optional<std::string> s = choice(pair, name, {"error", "warning", "info"});
    return s ? parse_severity(*s) : std::nullopt;
  }

  /// Account ids (written quoted or not: YAML reads 123456789012 as a number) and
  /// organization / organizational-unit ARNs.
  std::optional<std::vector<std::string>> trusted_accounts(const yaml::Pair& pair) {
    static const std::regex kAccount("[0-9]{12}");
    static const std::regex kOrganization("arn:aws[^:]*:organizations::[0-9]{12}:organization/o-[a-z0-9]{10,32}");
    static const std::regex kUnit("arn:aws[^:]*:organizations::[0-9]{12}:ou/o-[a-z0-9]{10,32}/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}");
    std::vector<std::string> out;
    const yaml::Node* seq = list(pair, "trusted-accounts", "account ids and organization ARNs");
    if (!seq) return pair.value->resolved().is_null() ? std::optional(out) : std::nullopt;
    for (const yaml::Node* item : seq->items) {
      const yaml::Node& v = item->resolved();
      if (!v.is_scalar() || v.is_null()) {
        error(item->span.begin, "each `trusted-accounts` entry must be an account id or an organization ARN, not " +
                                    std::string(yaml::describe(v)));
        continue;
      }
      if (!std::regex_match(v.value, kAccount) && !std::regex_match(v.value, kOrganization) &&
          !std::regex_match(v.value, kUnit)) {
        error(item->span.begin, "`" + v.value +
                                    "` in `trusted-accounts` is not a 12-digit account id, an organization ARN "
                                    "(`arn:aws:organizations::<account>:organization/o-…`) or an organizational-unit ARN");
        continue;
      }
      out.push_back(v.value);
    }
    return out;
  }

  std::optional<Profile> profile(const yaml::Pair& pair) {
    std::optional<std::string> s = choice(pair, "profile", {"current", "seed-2020"});
    return s ? parse_profile(*s) : std::nullopt;
  }

  void severities(const yaml::Pair& pair, std::vector<std::pair<std::string, Severity>>& out) {
    const yaml::Node& v = pair.value->resolved();
    if (v.is_null()) return;
    if (!v.is_mapping()) {
      error(where(pair), "`severity` must be a mapping from rule to severity (`IB103: warning`), not " +
                             std::string(yaml::describe(v)));
      return;
    }
    for (const yaml::Pair& entry : v.pairs) {
      std::optional<std::string> rule = key_name(entry);
      if (!rule) continue;
      bool ok = true;
      if (std::string problem = check_selector(*rule, known_); !problem.empty()) {
        error(entry.key->span.begin, problem);
        ok = false;
      }
      std::optional<Severity> s = severity_value(entry, "severity");
      if (ok && s) out.emplace_back(*rule, *s);
    }
  }

  void overrides(const yaml::Pair& pair, std::vector<ConfigOverride>& out) {
    const yaml::Node* seq = list(pair, "overrides", "mappings, each with `files` and the settings for them");
    if (!seq) return;
    for (const yaml::Node* item : seq->items) {
      const yaml::Node& entry = item->resolved();
      if (!entry.is_mapping()) {
        error(item->span.begin, "each `overrides` entry must be a mapping with `files` and settings, not " +
                                    std::string(yaml::describe(entry)));
        continue;
      }
      ConfigOverride o;
      bool has_files = false;
      for (const yaml::Pair& p : entry.pairs) {
        std::optional<std::string> name = key_name(p);
        if (!name) continue;
        if (*name == "files") {
          has_files = true;
          size_t before = errors_.size();
          patterns(p, "files", o.files);
          if (o.files.empty() && errors_.size() == before) {
            error(where(p), "`files` must list at least one glob pattern");
          }
        } else if (*name == "select") {
          selectors(p, *name, o.selection.select);
        } else if (*name == "ignore") {
          selectors(p, *name, o.selection.ignore);
        } else if (*name == "severity") {
          severities(p, o.selection.severities);
        } else if (*name == "profile") {
          o.profile = profile(p);
        } else {
          unknown_key(p, *name, kOverrideKeys, std::size(kOverrideKeys), " in an `overrides` entry");
        }
      }
      if (!has_files) error(item->span.begin, "this `overrides` entry needs `files`: the glob patterns it applies to");
      out.push_back(std::move(o));
    }
  }

  const SourceFile& file_;
  std::vector<ConfigError>& errors_;
  const std::vector<const RuleInfo*>& known_;
};

fs::path normal_absolute(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  return (ec ? p : abs).lexically_normal();
}

}  // namespace

std::optional<Config> parse_config(const SourceFile& file, const fs::path& dir, std::vector<ConfigError>& errors,
                                   const std::vector<const RuleInfo*>& known_rules) {
  Config config;
  config.dir = normal_absolute(dir);
  // "a/b/" normalizes to "a/b/", with an empty filename; directories are kept without it.
  if (!config.dir.has_filename() && config.dir != config.dir.root_path()) config.dir = config.dir.parent_path();
  config.file = config.dir / fs::path(file.path()).filename();
  if (!ConfigParser(file, errors, known_rules).parse(config)) return std::nullopt;
  return config;
}

std::optional<Config> load_config(const std::string& path, std::vector<ConfigError>& errors,
                                  const std::vector<const RuleInfo*>& known_rules) {
  ReadResult read = read_source_file(path);
  if (!read.file) {
    errors.push_back({path, Position{0, 0}, "cannot read configuration: " + read.error});
    return std::nullopt;
  }
  fs::path abs = normal_absolute(path);
  std::optional<Config> config = parse_config(*read.file, abs.parent_path(), errors, known_rules);
  if (config) config->file = abs;
  return config;
}

// ---------------------------------------------------------------------------------------------
// Discovery

namespace {

/// How a discovered configuration file is named in messages: relative to the working
/// directory when inside it, else absolute.
std::string display_path(const fs::path& abs) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (!ec) {
    fs::path rel = abs.lexically_relative(cwd.lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") return rel.string();
  }
  return abs.string();
}

}  // namespace

ConfigFinder::ConfigFinder(std::vector<const RuleInfo*> known_rules) : known_rules_(std::move(known_rules)) {}

ConfigFinder::ConfigFinder(Config fixed) : fixed_(std::move(fixed)) {}

const Config* ConfigFinder::for_file(const fs::path& file, std::vector<ConfigError>& errors) {
  if (fixed_) return &*fixed_;
  return for_directory(normal_absolute(file).parent_path(), errors);
}

const Config* ConfigFinder::for_directory(const fs::path& directory, std::vector<ConfigError>& errors) {
  if (fixed_) return &*fixed_;
  fs::path dir = normal_absolute(directory);
  if (!dir.has_filename() && dir != dir.root_path()) dir = dir.parent_path();
  std::vector<std::string> visited;
  const Config* found = nullptr;
  for (fs::path d = dir;; d = d.parent_path()) {
    std::string key = d.string();
    if (auto it = by_dir_.find(key); it != by_dir_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    bool stop = false;
    for (std::string_view name : kConfigFileNames) {
      fs::path candidate = d / name;
      std::error_code ec;
      if (!fs::is_regular_file(candidate, ec)) continue;
      ++configs_read_;
      std::optional<Config> config = load_config(display_path(candidate), errors, known_rules_);
      if (config) {
        config->file = candidate;
        config->dir = d;
        configs_.push_back(std::move(*config));
        found = &configs_.back();
      }
      stop = true;  // the nearest file decides, even when it has errors
      break;
    }
    if (stop || !d.has_parent_path() || d.parent_path() == d) break;
  }
  for (const std::string& key : visited) by_dir_[key] = found;
  return found;
}

}  // namespace iblint
