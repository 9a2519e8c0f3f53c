#include "engine/baseline.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <tuple>

#include <nlohmann/json.hpp>

#include "engine/fingerprint.h"
#include "engine/rule.h"
#include "util/json_nesting.h"

namespace iblint {
namespace fs = std::filesystem;
namespace {

using Json = nlohmann::ordered_json;
constexpr int kFormatVersion = 1;

/// A report path as the baseline spells it: relative to the baseline's folder when it lies under
/// it, else absolute; '/'-separated and normalised either way, so `./a.yaml` and `a.yaml` agree.
std::string baseline_path(const std::string& display_path, const fs::path& baseline_file) {
  std::error_code error;
  fs::path absolute = fs::absolute(display_path, error).lexically_normal();
  fs::path base = fs::absolute(baseline_file, error).parent_path().lexically_normal();
  fs::path relative = absolute.lexically_relative(base);
  if (relative.empty() || *relative.begin() == "..") return absolute.generic_string();
  return relative.generic_string();
}

using Key = std::tuple<std::string, std::string, std::string>;  // path, rule, fingerprint

/// The rule id an entry records; a finding outside any rule (none today) gets the tool's name.
std::string rule_key(const Diagnostic& d) { return d.rule != nullptr ? std::string(d.rule->id) : "iblint"; }

}  // namespace

std::optional<Baseline> read_baseline(const fs::path& file, std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = file.string() + ": cannot read the baseline file";
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (json_nested_deeper_than(text.str())) {
    error = file.string() + ": not a baseline file: nested deeper than " + std::to_string(kMaxJsonNesting) + " levels";
    return std::nullopt;
  }
  Json json;
  try {
    json = Json::parse(text.str());
  } catch (const nlohmann::json::parse_error& e) {
    error = file.string() + ": not a baseline file: invalid JSON at byte " + std::to_string(e.byte);
    return std::nullopt;
  }
  auto shape_error = [&](const std::string& what) {
    error = file.string() + ": not an iblint baseline: " + what + " (write one with --write-baseline)";
    return std::nullopt;
  };
  if (!json.is_object() || !json.contains("iblint-baseline") || !json["iblint-baseline"].is_number_integer()) {
    return shape_error("expected an object with \"iblint-baseline\": " + std::to_string(kFormatVersion));
  }
  if (json["iblint-baseline"].get<int>() != kFormatVersion) {
    return shape_error("format " + json["iblint-baseline"].dump() + " is not the supported " +
                       std::to_string(kFormatVersion));
  }
  if (!json.contains("findings") || !json["findings"].is_array()) return shape_error("\"findings\" must be an array");
  Baseline baseline{file, {}};
  size_t index = 0;
  for (const Json& item : json["findings"]) {
    std::string where = "findings[" + std::to_string(index++) + "]";
    if (!item.is_object()) return shape_error(where + " must be an object");
    for (const char* key : {"path", "rule", "fingerprint"}) {
      if (!item.contains(key) || !item[key].is_string() || item[key].get<std::string>().empty()) {
        return shape_error(where + "." + key + " must be a non-empty string");
      }
    }
    BaselineEntry entry;
    entry.path = item["path"].get<std::string>();
    entry.rule = item["rule"].get<std::string>();
    entry.fingerprint = item["fingerprint"].get<std::string>();
    if (item.contains("line") && item["line"].is_number_unsigned()) entry.line = item["line"].get<uint32_t>();
    if (item.contains("message") && item["message"].is_string()) entry.message = item["message"].get<std::string>();
    baseline.entries.push_back(std::move(entry));
  }
  return baseline;
}

Baseline make_baseline(const Report& report, const fs::path& file) {
  Baseline baseline{file, {}};
  for (const FileResult& result : report.files) {
    std::vector<std::string> prints = fingerprints(result);
    std::string path = baseline_path(result.display_path, file);
    for (size_t i = 0; i < result.diagnostics.size(); ++i) {
      const Diagnostic& d = result.diagnostics[i];
      uint32_t line = result.file ? result.file->position(std::min(d.span.begin, result.file->size())).line : 0;
      baseline.entries.push_back({path, rule_key(d), prints[i], line, d.message});
    }
  }
  std::stable_sort(baseline.entries.begin(), baseline.entries.end(), [](const BaselineEntry& a, const BaselineEntry& b) {
    return std::tie(a.path, a.line, a.rule, a.fingerprint) < std::tie(b.path, b.line, b.rule, b.fingerprint);
  });
  return baseline;
}

std::string baseline_json(const Baseline& baseline) {
  Json findings = Json::array();
  for (const BaselineEntry& e : baseline.entries) {
    findings.push_back(
        {{"path", e.path}, {"rule", e.rule}, {"fingerprint", e.fingerprint}, {"line", e.line}, {"message", e.message}});
  }
  Json json = {{"iblint-baseline", kFormatVersion},
               {"comment", "Findings accepted when this file was written; iblint --baseline reports only others. "
                           "Regenerate with --write-baseline."},
               {"findings", std::move(findings)}};
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

BaselineOutcome apply_baseline(const Baseline& baseline, Report& report) {
  std::map<Key, std::vector<size_t>> available;  // entry indexes not matched yet
  for (size_t i = 0; i < baseline.entries.size(); ++i) {
    const BaselineEntry& e = baseline.entries[i];
    available[{e.path, e.rule, e.fingerprint}].push_back(i);
  }
  std::vector<bool> used(baseline.entries.size(), false);
  BaselineOutcome outcome;
  for (FileResult& result : report.files) {
    std::vector<std::string> prints = fingerprints(result);
    std::string path = baseline_path(result.display_path, baseline.file);
    std::vector<Diagnostic> kept;
    for (size_t i = 0; i < result.diagnostics.size(); ++i) {
      Diagnostic& d = result.diagnostics[i];
      auto it = available.find({path, rule_key(d), prints[i]});
      if (it != available.end() && !it->second.empty()) {
        used[it->second.back()] = true;
        it->second.pop_back();
        ++outcome.baselined;
      } else {
        kept.push_back(std::move(d));
      }
    }
    result.diagnostics = std::move(kept);
  }
  for (size_t i = 0; i < baseline.entries.size(); ++i) {
    if (!used[i]) outcome.unused.push_back(baseline.entries[i]);
  }
  return outcome;
}

}  // namespace iblint
