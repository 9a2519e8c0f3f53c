#include "emit/sarif_emitter.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "emit/emit_support.h"
#include "engine/fingerprint.h"
#include "engine/registry.h"
#include "engine/rule.h"

namespace iblint {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr std::string_view kInformationUri = "https://github.com/iblint/iblint";
constexpr std::string_view kSrcRoot = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "primaryLocationLineHash/v1";
constexpr size_t kMaxDescription = 1024;  // GitHub's limit for short and full descriptions

/// Stands in for the rule of a diagnostic that has none, so that every result has a ruleId.
const RuleInfo kNoRule{"iblint", "unattributed", Severity::Error, "A problem iblint found outside any rule"};

std::string_view level(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

std::string_view security_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return "7.5";
    case Severity::Warning: return "5.0";
    case Severity::Info: return "2.0";
  }
  return "7.5";
}

std::string_view problem_severity(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "recommendation";
  }
  return "error";
}

std::string_view trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

/// At most max bytes of text, cut at a code point boundary and marked with "…" when cut.
std::string truncate(std::string text, size_t max) {
  if (text.size() <= max) return text;
  size_t cut = max - 3;  // room for U+2026
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
  return text + "\xE2\x80\xA6";
}

/// A paragraph that describes the rule, as opposed to a metadata line such as
/// "**Default severity:** error · **Profiles:** all", a table or an HTML comment.
bool is_prose(std::string_view paragraph) {
  if (paragraph.starts_with("**")) {
    size_t label_end = paragraph.find("**", 2);
    if (label_end != std::string_view::npos && paragraph.substr(2, label_end - 2).ends_with(':')) return false;
  }
  return !paragraph.starts_with('|') && !paragraph.starts_with("<!--");
}

/// The first prose paragraph of a markdown page (not a heading, metadata line, table or code
/// block), its lines joined by spaces; a trailing ':' that introduced a list becomes '.'.
std::string first_paragraph(std::string_view page) {
  std::string paragraph;
  bool in_fence = false;
  auto finished = [&] {
    if (paragraph.empty()) return false;
    if (is_prose(paragraph)) return true;
    paragraph.clear();
    return false;
  };
  while (!page.empty()) {
    size_t newline = page.find('\n');
    std::string_view line = trim(page.substr(0, newline));
    page.remove_prefix(newline == std::string_view::npos ? page.size() : newline + 1);
    bool fence = line.starts_with("```") || line.starts_with("~~~");
    if (fence) in_fence = !in_fence;
    if (!fence && !in_fence && !line.empty() && !line.starts_with('#')) {
      if (!paragraph.empty()) paragraph += ' ';
      paragraph += line;
    } else if (finished()) {
      break;
    }
  }
  if (!finished()) return {};
  if (paragraph.ends_with(':')) paragraph.back() = '.';
  return paragraph;
}

// ---- URIs ------------------------------------------------------------------------------------

/// Percent-encodes everything but RFC 3986 unreserved characters and '/'.
std::string percent_encode(std::string_view path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char ch : path) {
    auto c = static_cast<unsigned char>(ch);
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string file_uri(const fs::path& absolute) { return "file://" + percent_encode(absolute.generic_string()); }

/// The artifactLocation for a path as the user gave it: relative to %SRCROOT% when it lies under
/// the current directory, else an absolute file URI.
class UriMaker {
 public:
  UriMaker() {
    std::error_code error;
    fs::path cwd = fs::current_path(error);
    if (!error && cwd.is_absolute()) cwd_ = cwd.lexically_normal();
  }

  /// {"%SRCROOT%": {"uri": "file:///…/"}}, or null when the current directory is unknown.
  Json original_uri_base_ids() const {
    if (!cwd_) return nullptr;
    std::string uri = file_uri(*cwd_);
    if (!uri.ends_with('/')) uri += '/';
    return {{kSrcRoot, {{"uri", uri}}}};
  }

  Json artifact_location(const std::string& path) const {
    fs::path given(path);
    if (!cwd_) {
      if (given.is_absolute()) return {{"uri", file_uri(given.lexically_normal())}};
      return {{"uri", percent_encode(given.lexically_normal().generic_string())}, {"uriBaseId", kSrcRoot}};
    }
    fs::path absolute = (given.is_absolute() ? given : *cwd_ / given).lexically_normal();
    fs::path relative = absolute.lexically_relative(*cwd_);
    bool inside = !relative.empty() && *relative.begin() != ".." && relative != ".";
    if (!inside) return {{"uri", file_uri(absolute)}};
    return {{"uri", percent_encode(relative.generic_string())}, {"uriBaseId", kSrcRoot}};
  }

 private:
  std::optional<fs::path> cwd_;
};

// ---- rules -----------------------------------------------------------------------------------

Json rule_descriptor(const RuleInfo& rule) {
  bool placeholder = &rule == &kNoRule;
  std::string summary(rule.summary.empty() ? rule.name : rule.summary);
  std::string_view doc = placeholder ? std::string_view() : rule_doc(rule.id);
  std::string paragraph = first_paragraph(doc);
  std::string full = paragraph.empty() || paragraph == summary ? summary : summary + "\n\n" + paragraph;
  std::string help = doc.empty() ? summary : std::string(doc);

  Json properties = Json::object();
  if (rule.security) {
    properties["tags"] = Json::array({"security"});
    properties["security-severity"] = security_severity(rule.severity);
  } else {
    properties["problem.severity"] = problem_severity(rule.severity);
  }
  properties["precision"] = "high";

  return {{"id", rule.id},
          {"name", rule.name},
          {"shortDescription", {{"text", truncate(summary, kMaxDescription)}}},
          {"fullDescription", {{"text", truncate(full, kMaxDescription)}}},
          {"helpUri", placeholder ? std::string(kInformationUri) : rule_doc_url(rule)},
          {"help", {{"text", help}, {"markdown", help}}},
          {"defaultConfiguration", {{"level", level(rule.severity)}}},
          {"properties", std::move(properties)}};
}

/// driver.rules: report.rules in order, then any other rule a diagnostic names; one per id.
class RuleTable {
 public:
  explicit RuleTable(const Report& report) {
    for (const RuleInfo* rule : report.rules) {
      if (rule != nullptr) add(*rule);
    }
    for (const FileResult& file : report.files) {
      for (const Diagnostic& d : file.diagnostics) add(d.rule != nullptr ? *d.rule : kNoRule);
    }
  }
  size_t index(const Diagnostic& d) const { return index_.at(d.rule != nullptr ? d.rule->id : kNoRule.id); }
  const RuleInfo& info(const Diagnostic& d) const { return d.rule != nullptr ? *d.rule : kNoRule; }
  Json descriptors() const {
    Json out = Json::array();
    for (const RuleInfo* rule : rules_) out.push_back(rule_descriptor(*rule));
    return out;
  }

 private:
  void add(const RuleInfo& rule) {
    if (index_.emplace(rule.id, rules_.size()).second) rules_.push_back(&rule);
  }
  std::vector<const RuleInfo*> rules_;
  std::map<std::string_view, size_t> index_;
};

// ---- results ---------------------------------------------------------------------------------

Json region(const SourceFile* file, Span span) {
  Range range = range_of(file, span);
  return {{"startLine", range.start.line},
          {"startColumn", range.start.column},
          {"endLine", range.end.line},
          {"endColumn", range.end.column}};
}

Json physical_location(const Json& artifact, const SourceFile* file, Span span) {
  return {{"artifactLocation", artifact}, {"region", region(file, span)}};
}

Json result_json(const Report& report, const UriMaker& uris, const FileResult& file, const Diagnostic& d,
                 const RuleTable& rules, const Json& artifact, const std::string& fingerprint) {
  const SourceFile* source = file.file.get();
  const RuleInfo& rule = rules.info(d);
  std::string message = d.message.empty() ? std::string(rule.summary) : d.message;

  Json result = {{"ruleId", rule.id},
                 {"ruleIndex", rules.index(d)},
                 {"level", level(d.severity)},
                 {"message", {{"text", message}}},
                 {"locations", Json::array({{{"physicalLocation", physical_location(artifact, source, d.span)}}})}};
  if (!d.related.empty()) {
    Json related = Json::array();
    size_t id = 1;
    for (const Related& r : d.related) {
      const FileResult& where = report.related_file(file, r);
      Json where_artifact = &where == &file ? artifact : uris.artifact_location(where.display_path);
      Json location = {{"id", id++}, {"physicalLocation", physical_location(where_artifact, where.file.get(), r.span)}};
      if (!r.message.empty()) location["message"] = {{"text", r.message}};
      related.push_back(std::move(location));
    }
    result["relatedLocations"] = std::move(related);
  }
  result["partialFingerprints"] = {{kFingerprintKey, fingerprint}};

  Json fixes = Json::array();
  for (const Fix& fix : d.fixes) {
    if (fix.edits.empty()) continue;
    Json replacements = Json::array();
    for (const Edit& edit : fix.edits) {
      replacements.push_back(
          {{"deletedRegion", region(source, edit.span)}, {"insertedContent", {{"text", edit.replacement}}}});
    }
    fixes.push_back({{"description", {{"text", fix.title.empty() ? std::string("Fix") : fix.title}}},
                     {"artifactChanges",
                      Json::array({{{"artifactLocation", artifact}, {"replacements", std::move(replacements)}}})}});
  }
  if (!fixes.empty()) result["fixes"] = std::move(fixes);
  return result;
}

}  // namespace

void emit_sarif(const Report& report, std::ostream& out) {
  RuleTable rules(report);
  UriMaker uris;

  Json results = Json::array();
  for (const FileResult& file : report.files) {
    Json artifact = uris.artifact_location(file.display_path);
    std::vector<std::string> prints = fingerprints(file);  // shared with --baseline
    for (size_t i = 0; i < file.diagnostics.size(); ++i) {
      results.push_back(result_json(report, uris, file, file.diagnostics[i], rules, artifact, prints[i]));
    }
  }

  Json driver = {{"name", "iblint"},
                 {"version", IBLINT_VERSION},
                 {"semanticVersion", IBLINT_VERSION},
                 {"informationUri", kInformationUri},
                 {"rules", rules.descriptors()}};
  Json run = {{"tool", {{"driver", std::move(driver)}}},
              {"invocations", Json::array({{{"executionSuccessful", true}}})}};
  Json bases = uris.original_uri_base_ids();
  if (!bases.is_null()) run["originalUriBaseIds"] = std::move(bases);
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  Json log = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
              {"version", "2.1.0"},
              {"runs", Json::array({std::move(run)})}};
  // Text from the input may hold invalid UTF-8; it becomes U+FFFD rather than an exception.
  out << log.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace iblint
