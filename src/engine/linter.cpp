#include "engine/linter.h"

#include <algorithm>

#include "engine/registry.h"
#include "engine/suppressions.h"
#include "expr/occurrences.h"
#include "load/component_loader.h"
#include "rules/rules.h"
#include "yaml/parser.h"

namespace iblint {
namespace {

bool enabled(const LintSettings& settings, const RuleInfo& rule) {
  return !settings.enabled || settings.enabled(rule);
}

void run(const Rule& rule, const LintContext& context, const LintSettings& settings, std::vector<Diagnostic>& out) {
  if (!enabled(settings, rule.info())) return;
  Reporter reporter(rule.info());
  rule.check(context, reporter);
  for (Diagnostic& d : reporter.diagnostics()) out.push_back(std::move(d));
}

/// A file whose YAML is too broken to classify still gets its syntax errors reported when its
/// top level plainly names component keys.
bool looks_like_component(const SourceFile& file) {
  std::string_view text = file.bytes();
  auto at_line_start = [&](std::string_view key) {
    for (size_t pos = text.find(key); pos != std::string_view::npos; pos = text.find(key, pos + 1)) {
      if (pos == 0 || text[pos - 1] == '\n' || pos == file.content_begin()) return true;
    }
    return false;
  };
  return at_line_start("phases:") && at_line_start("schemaVersion:");
}

/// Terraform templatefile() and Jinja sources hold control lines (`%{ if … }`, `{% … %}`) and
/// are YAML only once rendered: their syntax errors are not the author's mistakes.
bool is_unrendered_template(const SourceFile& file) {
  for (uint32_t line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.line_text(line);
    size_t start = text.find_first_not_of(" \t");
    if (start == std::string_view::npos) continue;
    text.remove_prefix(start);
    if (text.starts_with("%{") || text.starts_with("{%")) return true;
  }
  return false;
}

/// Where the YAML could not be read, the node model holds only fragments, so what component
/// rules say about those lines is not trustworthy: keep only the syntax error there.
void drop_findings_in_unreadable_lines(const SourceFile& file, const yaml::Stream& stream, std::vector<Diagnostic>& out) {
  if (stream.errors.empty()) return;
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  for (const yaml::SyntaxError& e : stream.errors) lines.emplace_back(file.line_of(e.region.begin), file.line_of(e.region.end));
  std::erase_if(out, [&](const Diagnostic& d) {
    if (d.rule->id.starts_with("IB00")) return false;  // file-level rules: syntax, keys, encoding
    uint32_t line = file.line_of(d.span.begin);
    for (auto [first, last] : lines) {
      if (line >= first && line <= last) return true;
    }
    return false;
  });
}

}  // namespace

FileLint lint_file(const SourceFile& file, const LintSettings& settings) {
  if (is_unreadable(file)) return lint_parsed_file(file, yaml::Stream{}, settings);
  return lint_parsed_file(file, *yaml::parse(file), settings);
}

bool is_unreadable(const SourceFile& file) { return file.first_nul() || file.has_utf16_or_utf32_bom(); }

FileLint lint_parsed_file(const SourceFile& file, const yaml::Stream& parsed, const LintSettings& settings) {
  FileLint result;
  std::vector<Diagnostic>& out = result.diagnostics;
  const auto& rules = all_rules();

  bool unreadable = is_unreadable(file);
  yaml::Stream nothing;
  const yaml::Stream* stream = unreadable ? &nothing : &parsed;
  if (unreadable) {
    result.linted = true;
    result.description = "unreadable (binary or not UTF-8)";
  }

  std::vector<Component> components;
  if (!unreadable) {
    for (const yaml::Node* root : stream->documents) {
      Classification kind = classify(*root);
      if (kind.kind == DocumentKind::Component) components.push_back(load_component(*root));
      if (result.description.empty() || kind.kind == DocumentKind::Component) result.description = kind.description;
    }
    if (!stream->errors.empty() && is_unrendered_template(file)) {
      result.description = "template with Terraform/Jinja directives (YAML only once rendered)";
      return result;
    }
    result.linted = !components.empty() || (!stream->errors.empty() && looks_like_component(file));
    if (result.linted && components.empty()) result.description = "AWSTOE component document (unparsable)";
  }
  if (!result.linted) return result;

  LintContext file_context{file, *stream, nullptr, nullptr, settings.profile, settings.platform, settings.shellcheck};
  for (const auto& rule : rules) {
    if (!rule->needs_component()) run(*rule, file_context, settings, out);
  }
  for (const Component& component : components) {
    expr::ExpressionIndex expressions = expr::index_expressions(file, component);
    LintContext context{file, *stream, &component, &expressions, settings.profile, settings.platform, settings.shellcheck};
    for (const auto& rule : rules) {
      if (rule->needs_component()) run(*rule, context, settings, out);
    }
  }

  drop_findings_in_unreadable_lines(file, *stream, out);

  std::vector<const RuleInfo*> known;
  for (const auto& rule : rules) known.push_back(&rule->info());
  // Suppression directives in a file that is not a component were never meant for us.
  out = apply_suppressions(file, stream->comments, std::move(out), unused_suppression_rule(), known,
                           [&](const RuleInfo& rule) { return enabled(settings, rule); });
  if (!enabled(settings, unused_suppression_rule())) {
    std::erase_if(out, [](const Diagnostic& d) { return d.rule == &unused_suppression_rule(); });
  }

  if (settings.severity) {
    for (Diagnostic& d : out) d.severity = settings.severity(*d.rule, d.severity);
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.rule->id < b.rule->id;
  });
  return result;
}

}  // namespace iblint
