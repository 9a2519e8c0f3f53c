#include "lsp/settings.h"

#include <filesystem>

#include "catalog/action_catalog.h"

namespace iblint::lsp {
namespace {

std::vector<std::string> string_list(const nlohmann::json& value, const char* key, std::vector<std::string>& problems) {
  std::vector<std::string> out;
  if (value.is_string()) {
    out.push_back(value.get<std::string>());
    return out;
  }
  if (value.is_array()) {
    for (const auto& item : value) {
      if (item.is_string()) out.push_back(item.get<std::string>());
      else problems.push_back(std::string("`") + key + "` must hold rule ids or names (strings)");
    }
    return out;
  }
  problems.push_back(std::string("`") + key + "` must be a list of rule ids or names");
  return out;
}

}  // namespace

ClientSettings parse_client_settings(const nlohmann::json& settings, std::vector<std::string>& problems) {
  ClientSettings out;
  const nlohmann::json* section = &settings;
  if (settings.is_object() && settings.contains("iblint")) section = &settings["iblint"];
  if (section->is_null()) return out;
  if (!section->is_object()) {
    problems.push_back("iblint settings must be an object");
    return out;
  }
  const nlohmann::json& s = *section;
  if (s.contains("select") && !s["select"].is_null()) out.selection.select = string_list(s["select"], "select", problems);
  if (s.contains("ignore") && !s["ignore"].is_null()) out.selection.ignore = string_list(s["ignore"], "ignore", problems);
  if (s.contains("severity") && !s["severity"].is_null()) {
    if (!s["severity"].is_object()) {
      problems.push_back("`severity` must map rules to error, warning or info");
    } else {
      for (const auto& [rule, level] : s["severity"].items()) {
        std::optional<Severity> severity = level.is_string() ? parse_severity(level.get<std::string>()) : std::nullopt;
        if (severity) out.selection.severities.emplace_back(rule, *severity);
        else problems.push_back("severity of `" + rule + "` must be error, warning or info");
      }
    }
  }
  for (const std::string& message : out.selection.validate(registered_rules())) problems.push_back(message);
  if (!problems.empty()) out.selection = {};  // a half-applied selection would surprise more than none
  if (s.contains("profile") && !s["profile"].is_null()) {
    out.profile = s["profile"].is_string() ? parse_profile(s["profile"].get<std::string>()) : std::nullopt;
    if (!out.profile) problems.push_back("`profile` must be current or seed-2020");
  }
  if (s.contains("platform") && !s["platform"].is_null()) {
    std::string platform = s["platform"].is_string() ? s["platform"].get<std::string>() : "?";
    out.platform = platform == "linux" ? kLinux : platform == "windows" ? kWindows : platform == "macos" ? kMacOS : 0u;
    if (out.platform == 0 && platform != "auto") problems.push_back("`platform` must be linux, windows, macos or auto");
  }
  if (s.contains("shellcheck") && !s["shellcheck"].is_null()) {
    if (s["shellcheck"].is_boolean()) out.shellcheck = s["shellcheck"].get<bool>();
    else problems.push_back("`shellcheck` must be true or false");
  }
  if (s.contains("debounceMs") && !s["debounceMs"].is_null()) {
    if (s["debounceMs"].is_number_integer() && s["debounceMs"].get<int64_t>() >= 0 && s["debounceMs"].get<int64_t>() <= 10000) {
      out.debounce_ms = static_cast<int>(s["debounceMs"].get<int64_t>());
    } else {
      problems.push_back("`debounceMs` must be a whole number of milliseconds from 0 to 10000");
    }
  }
  if (s.contains("config") && !s["config"].is_null()) {
    if (s["config"].is_string()) out.config_path = s["config"].get<std::string>();
    else problems.push_back("`config` must be the path of a configuration file");
  }
  return out;
}

DocumentSettings document_settings(const ClientSettings& client, const Config* config,
                                   const std::optional<std::string>& path) {
  DocumentSettings out;
  std::filesystem::path file = path ? std::filesystem::path(*path) : std::filesystem::path();
  if (config && path && config->excluded(file)) out.excluded = true;
  auto selection = std::make_shared<RuleSelection>(config && path ? config->selection_for(file)
                                                   : config ? config->selection : RuleSelection{});
  selection->merge(client.selection);
  out.selection = selection;
  std::optional<Profile> configured = config && path ? config->profile_for(file) : config ? config->profile : std::nullopt;
  out.profile = client.profile.value_or(configured.value_or(Profile::Current));
  out.lint.profile = out.profile;
  out.lint.platform = client.platform;
  out.lint.shellcheck = client.shellcheck;
  // An open template or request is a project of its own: the resource rules (IB4xx-IB6xx) run
  // on it as `iblint FILE` would run them.
  out.lint.single_file_project = true;
  if (config) out.lint.trusted_accounts = config->trusted_accounts;
  out.lint.enabled = [selection](const RuleInfo& rule) { return selection->enabled(rule); };
  out.lint.severity = [selection](const RuleInfo& rule, Severity reported) {
    return selection->severity_override(rule).value_or(reported);
  };
  return out;
}

}  // namespace iblint::lsp
