#include "engine/linter.h"

#include <algorithm>

#include "engine/project_lint.h"
#include "engine/registry.h"
#include "load/project_loader.h"
#include "engine/suppressions.h"
#include "expr/occurrences.h"
#include "load/component_loader.h"
#include "load/embedded_component.h"
#include "rules/rules.h"
#include "util/worker_pool.h"
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

/// Runs each of rules on context, on settings.rule_threads when there are some; the findings
/// come out in the rules' order whichever thread ran them.
void run_all(const std::vector<const Rule*>& rules, const LintContext& context, const LintSettings& settings,
             std::vector<Diagnostic>& out) {
  if (!settings.rule_threads || settings.rule_threads->threads() <= 1) {
    for (const Rule* rule : rules) run(*rule, context, settings, out);
    return;
  }
  std::vector<std::vector<Diagnostic>> found(rules.size());
  settings.rule_threads->run(rules.size(), [&](size_t i) { run(*rules[i], context, settings, found[i]); });
  for (std::vector<Diagnostic>& some : found) {
    for (Diagnostic& d : some) out.push_back(std::move(d));
  }
}

/// The rules of one file pass: those that read a component, or the others (not project rules).
std::vector<const Rule*> file_rules(bool component_rules) {
  std::vector<const Rule*> out;
  for (const auto& rule : all_rules()) {
    if (!rule->is_project_rule() && rule->needs_component() == component_rules) out.push_back(rule.get());
  }
  return out;
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

/// The Data/data nodes of a template's AWS::ImageBuilder::Component resources or of an API
/// CreateComponent request.
std::vector<const yaml::Node*> embedded_component_data(const yaml::Node& root, DocumentKind kind) {
  std::vector<const yaml::Node*> out;
  const yaml::Node& map = root.resolved();
  if (kind == DocumentKind::ApiRequest) {
    if (const yaml::Node* data = map.find("data")) out.push_back(data);
    return out;
  }
  const yaml::Node* resources = map.find("Resources");
  if (!resources || !resources->resolved().is_mapping()) return out;
  for (const yaml::Pair& pair : resources->resolved().pairs) {
    const yaml::Node* type = pair.value->find("Type");
    if (!type || type->resolved().value != "AWS::ImageBuilder::Component") continue;
    const yaml::Node* properties = pair.value->find("Properties");
    if (const yaml::Node* data = properties ? properties->find("Data") : nullptr) out.push_back(data);
  }
  return out;
}

/// Runs the component rules (and the YAML rules, which read the embedded stream) on a component
/// embedded in a template or request, and brings the findings to the outer file's offsets.
void lint_embedded(const EmbeddedComponent& doc, const LintSettings& settings, std::vector<Diagnostic>& out,
                   std::vector<Span>& comments) {
  const SourceFile& file = doc.file();
  const Component& component = *doc.component;
  expr::ExpressionIndex expressions = expr::index_expressions(file, component);
  LintContext context{file, *doc.stream, &component, &expressions, settings.profile, settings.platform, settings.shellcheck,
                      settings.shellcheck_rc};
  static const std::vector<const Rule*> rules = [] {
    std::vector<const Rule*> out;
    for (const auto& rule : all_rules()) {
      if (rule->is_project_rule()) continue;
      // IB003 judges the outer file's bytes, which its own pass already did.
      if (!rule->needs_component() && rule->info().id == "IB003") continue;
      out.push_back(rule.get());
    }
    return out;
  }();
  std::vector<Diagnostic> found;
  run_all(rules, context, settings, found);
  drop_findings_in_unreadable_lines(file, *doc.stream, found);
  for (Diagnostic& d : found) {
    d.span = doc.to_outer(d.span);
    for (Related& r : d.related) r.span = doc.to_outer(r.span);
    if (doc.decoded) {
      // Edits on decoded text map back only within one line of a literal block; in an escaped
      // string (or across a block's indentation) they cannot be written back as they are.
      std::erase_if(d.fixes, [&](Fix& fix) {
        if (!doc.exact) return true;
        for (Edit& e : fix.edits) {
          e.span = doc.to_outer(e.span);
          if (e.replacement.find('\n') != std::string::npos ||
              doc.outer->text(e.span).find('\n') != std::string_view::npos)
            return true;
        }
        return false;
      });
    }
    out.push_back(std::move(d));
  }
  for (Span c : doc.stream->comments) comments.push_back(doc.to_outer(c));
}

}  // namespace

bool is_unreadable(const SourceFile& file) { return file.first_nul() || file.has_utf16_or_utf32_bom(); }

namespace {

/// lint_file_unfinished on a parsed stream (empty for an unreadable file).
FileLint lint_stream_unfinished(const SourceFile& file, std::shared_ptr<const yaml::Stream> stream,
                                const LintSettings& settings) {
  FileLint result;
  std::vector<Diagnostic>& out = result.diagnostics;

  bool unreadable = is_unreadable(file);
  if (unreadable) {
    result.linted = true;
    result.description = "unreadable (binary or not UTF-8)";
  }
  result.comments = stream->comments;

  std::vector<Component> components;
  bool resources = false;  // a CloudFormation template or an API request
  if (!unreadable) {
    for (const yaml::Node* root : stream->documents) {
      Classification kind = classify(*root);
      if (kind.kind == DocumentKind::Component) components.push_back(load_component(*root));
      if (kind.kind == DocumentKind::CloudFormation || kind.kind == DocumentKind::ApiRequest) {
        resources = true;
        for (const yaml::Node* data : embedded_component_data(*root, kind.kind)) {
          if (std::shared_ptr<const EmbeddedComponent> doc = load_embedded_component(file, *data))
            result.embedded.push_back(std::move(doc));
        }
      }
      if (result.description.empty() || kind.kind == DocumentKind::Component) result.description = kind.description;
    }
    // Only templates and API requests take part in the project (load_project reads nothing
    // else): every other file's node model is freed when its rules are done, so a run over
    // many files does not hold them all while it parses the next.
    if (resources) result.yaml = stream;
    if (!stream->errors.empty() && is_unrendered_template(file)) {
      result.description = "template with Terraform/Jinja directives (YAML only once rendered)";
      return result;
    }
    result.linted = !components.empty() || resources || (!stream->errors.empty() && looks_like_component(file));
    if (result.linted && components.empty() && !resources) result.description = "AWSTOE component document (unparsable)";
    // Refused before parsing (nested too deep): what it is cannot be known, so say why it was not read.
    if (stream->not_parsed) {
      result.linted = true;
      result.description = "unparsable (nested too deeply)";
    }
  }
  if (!result.linted) return result;

  static const std::vector<const Rule*> yaml_rules = file_rules(false);
  static const std::vector<const Rule*> component_rules = file_rules(true);
  LintContext file_context{file, *stream, nullptr, nullptr, settings.profile, settings.platform, settings.shellcheck,
                           settings.shellcheck_rc};
  run_all(yaml_rules, file_context, settings, out);
  for (const Component& component : components) {
    expr::ExpressionIndex expressions = expr::index_expressions(file, component);
    LintContext context{file, *stream, &component, &expressions, settings.profile, settings.platform, settings.shellcheck,
                           settings.shellcheck_rc};
    run_all(component_rules, context, settings, out);
  }
  drop_findings_in_unreadable_lines(file, *stream, out);
  for (const auto& doc : result.embedded) {
    if (doc->component) lint_embedded(*doc, settings, out, result.comments);
  }
  result.finished = false;
  return result;
}

}  // namespace

void finish_file_lint(const SourceFile& file, FileLint& lint, const LintSettings& settings) {
  if (lint.finished) return;
  lint.finished = true;
  std::vector<Diagnostic>& out = lint.diagnostics;
  const auto& rules = all_rules();
  // A project finding for another file never belongs here.
  std::erase_if(out, [&](const Diagnostic& d) { return d.file && d.file != &file; });
  std::erase_if(out, [&](const Diagnostic& d) { return !enabled(settings, *d.rule); });

  std::vector<const RuleInfo*> known;
  for (const auto& rule : rules) known.push_back(&rule->info());
  std::sort(lint.comments.begin(), lint.comments.end(), [](Span a, Span b) { return a.begin < b.begin; });
  // Suppression directives in a file that is not a component were never meant for us.
  out = apply_suppressions(file, lint.comments, std::move(out), unused_suppression_rule(), known,
                           [&](const RuleInfo& rule) { return enabled(settings, rule); });
  if (!enabled(settings, unused_suppression_rule())) {
    std::erase_if(out, [](const Diagnostic& d) { return d.rule == &unused_suppression_rule(); });
  }

  if (settings.severity) {
    for (Diagnostic& d : out) d.severity = settings.severity(*d.rule, d.severity);
  }
  sort_diagnostics(out);
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.rule->id < b.rule->id;
  });
}

namespace {

/// Finishes a lint of one file: its project rules on the file alone when asked, then
/// suppressions, severities and order.
void finish_single_file(const SourceFile& file, FileLint& result, const LintSettings& settings) {
  if (result.linted && settings.single_file_project && result.yaml) {
    // The file is not owned here: a non-owning shared_ptr lets the project refer to it.
    std::shared_ptr<const SourceFile> alone(&file, [](const SourceFile*) {});
    std::unique_ptr<Project> project = load_project({{alone, result.yaml, result.embedded}});
    const std::vector<std::string>* trusted = settings.trusted_accounts ? &*settings.trusted_accounts : nullptr;
    for (Diagnostic& d : lint_project(*project, settings.profile, settings.enabled, trusted)) {
      if (d.file == &file) result.diagnostics.push_back(std::move(d));
    }
  }
  if (result.linted) finish_file_lint(file, result, settings);
}

}  // namespace

FileLint lint_file_unfinished(const SourceFile& file, const LintSettings& settings) {
  if (is_unreadable(file)) return lint_stream_unfinished(file, std::make_shared<yaml::Stream>(), settings);
  return lint_stream_unfinished(file, yaml::parse(file), settings);
}

FileLint lint_file(const SourceFile& file, const LintSettings& settings) {
  FileLint result = lint_file_unfinished(file, settings);
  finish_single_file(file, result, settings);
  return result;
}

FileLint lint_parsed_file(const SourceFile& file, const yaml::Stream& parsed, const LintSettings& settings) {
  // Borrowed: the caller keeps parsed alive for as long as it keeps the result.
  std::shared_ptr<const yaml::Stream> stream(&parsed, [](const yaml::Stream*) {});
  FileLint result = lint_stream_unfinished(
      file, is_unreadable(file) ? std::make_shared<const yaml::Stream>() : std::move(stream), settings);
  finish_single_file(file, result, settings);
  return result;
}

}  // namespace iblint
