#include "fuzz_targets.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <utility>

#include "catalog/action_catalog.h"
#include "cfn/evaluator.h"
#include "cfn/template.h"
#include "engine/linter.h"
#include "engine/project_lint.h"
#include "engine/rule.h"
#include "expr/scanner.h"
#include "tests/support/yaml_stream_dump.h"
#include "fix/apply_fixes.h"
#include "fix/fixer.h"
#include "load/document_kind.h"
#include "load/project_loader.h"
#include "lsp/server.h"
#include "yaml/parser.h"
#include "yaml/piecewise_parse.h"

namespace iblint::fuzz {
namespace {

/// The file a lint/fix input stands for: its first byte chooses the name and the settings, so
/// that one corpus reaches every input kind and option; the rest is the file's bytes.
struct LintInput {
  std::shared_ptr<const SourceFile> file;
  LintSettings settings;
};

LintInput lint_input(std::string_view input) {
  static constexpr std::string_view kNames[] = {"component.yaml", "component.yml", "request.json", "stack.template"};
  static constexpr unsigned kPlatforms[] = {0, kLinux, kWindows, kMacOS};
  unsigned char selector = input.empty() ? 0 : static_cast<unsigned char>(input[0]);
  if (!input.empty()) input.remove_prefix(1);
  LintInput out;
  out.file = std::make_shared<const SourceFile>(std::string(kNames[selector & 3]), std::string(input));
  out.settings.profile = (selector & 4) ? Profile::Seed2020 : Profile::Current;
  out.settings.platform = kPlatforms[(selector >> 3) & 3];
  out.settings.shellcheck = false;  // an external program: not what is fuzzed here
  return out;
}

/// A span must lie inside the file, begin before end.
bool inside(const Span& span, const SourceFile& file) { return span.begin <= span.end && span.end <= file.size(); }

std::string check_diagnostics(const FileLint& lint, const SourceFile& file) {
  for (const Diagnostic& d : lint.diagnostics) {
    std::string what = (d.rule ? std::string(d.rule->id) : std::string("iblint")) + " `" + d.message + "`";
    if (d.message.empty()) return what + ": empty message";
    if (d.file == nullptr || d.file == &file) {
      if (!inside(d.span, file)) return what + ": span outside the file";
      for (const Fix& fix : d.fixes) {
        for (const Edit& edit : fix.edits) {
          if (!inside(edit.span, file)) return what + ": fix edit outside the file";
        }
      }
    }
    for (const Related& r : d.related) {
      const SourceFile* in = r.file ? r.file : (d.file ? d.file : &file);
      if (!inside(r.span, *in)) return what + ": related span outside its file";
    }
  }
  return "";
}

std::string key_of(const Diagnostic& d) { return (d.rule ? std::string(d.rule->id) : std::string()) + '\x1f' + d.message; }

/// Where offset lies in the text after the applied fixes: edits wholly before it shift it, and
/// an edit over it moves it to the edit's start (a finding that remains is reported there).
uint32_t offset_after_fixes(uint32_t offset, const std::vector<const Fix*>& fixes, const AppliedFixes& applied) {
  int64_t shift = 0;
  int64_t moved_to = -1;
  for (size_t i = 0; i < fixes.size(); ++i) {
    if (!applied.applied[i]) continue;
    for (const Edit& edit : fixes[i]->edits) {
      if (edit.span.end <= offset && edit.span.begin < offset) {
        shift += static_cast<int64_t>(edit.replacement.size()) - (edit.span.end - edit.span.begin);
      } else if (edit.span.begin <= offset && offset < edit.span.end) {
        moved_to = edit.span.begin;
      }
    }
  }
  return static_cast<uint32_t>((moved_to >= 0 ? moved_to : offset) + shift);
}

/// The same finding (rule and message) at the given offset, if the lint has one.
bool has_finding_at(const FileLint& lint, const std::string& key, uint32_t offset) {
  for (const Diagnostic& d : lint.diagnostics) {
    if (d.span.begin == offset && key_of(d) == key) return true;
  }
  return false;
}

/// The YAML problems of a text (syntax errors, duplicate keys), sorted: a fix may remove some,
/// never add one.
std::vector<std::string> yaml_problems(const SourceFile& file) {
  std::unique_ptr<yaml::Stream> stream = yaml::parse(file);
  std::vector<std::string> problems;
  for (const yaml::SyntaxError& e : stream->errors) problems.push_back("syntax error: " + e.message);
  for (const yaml::DuplicateKey& d : stream->duplicate_keys) problems.push_back("duplicate key: " + d.key);
  std::sort(problems.begin(), problems.end());
  return problems;
}

bool adds_problems(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  return !std::includes(before.begin(), before.end(), after.begin(), after.end());
}

const Fix* first_safe_fix(const Diagnostic& d) {
  for (const Fix& fix : d.fixes) {
    if (fix.safe && !fix.edits.empty()) return &fix;
  }
  return nullptr;
}

}  // namespace

std::string lint_buffer(std::string_view input) {
  LintInput in = lint_input(input);
  std::vector<FileLint> lints = lint_files({in.file}, in.settings);
  if (lints.size() != 1) return "lint_files returned " + std::to_string(lints.size()) + " results for one file";
  return check_diagnostics(lints[0], *in.file);
}

std::string scan_expressions(std::string_view input) {
  expr::ScanResult scan = expr::scan(input);
  auto bad = [&](expr::Range r) { return r.begin > r.end || r.end > input.size(); };
  for (const expr::Expression& e : scan.expressions) {
    if (bad(e.range)) return "expression `" + e.text() + "` has a range outside the value";
    for (const expr::Segment& s : e.segments) {
      if (bad(s.range) || s.range.begin < e.range.begin || s.range.end > e.range.end)
        return "segment `" + s.text + "` lies outside its expression";
    }
    if (e.index && (bad(e.index->range) || e.index->range.end > e.range.end)) return "index lies outside its expression";
  }
  for (const expr::SyntaxError& e : scan.errors) {
    if (bad(e.range)) return "syntax error `" + e.message + "` has a range outside the value";
    if (e.message.empty()) return "syntax error without a message";
  }
  for (const expr::Range& r : scan.foreign) {
    if (bad(r)) return "foreign placeholder range outside the value";
  }
  if (!expr::may_hold_expression(input) && !scan.expressions.empty()) return "expressions found in a value without `{{`";
  return "";
}

std::string load_cloudformation(std::string_view input) {
  auto file = std::make_shared<const SourceFile>("stack.template", std::string(input));
  std::shared_ptr<const yaml::Stream> stream = yaml::parse(*file);
  for (const yaml::Node* root : stream->documents) {
    if (root == nullptr) continue;
    Classification kind = classify(*root);
    if (kind.kind != DocumentKind::CloudFormation) continue;
    cfn::Template tmpl = cfn::load_template(*file, *root);
    cfn::Evaluator evaluator(&tmpl);
    for (const cfn::TemplateResource& resource : tmpl.resources) {
      if (resource.properties) (void)evaluator.evaluate(resource.properties).describe();
      if (!resource.condition.empty()) (void)evaluator.condition(resource.condition);
      if (tmpl.resource(resource.logical_id) == nullptr) return "resource `" + resource.logical_id + "` is not indexed";
    }
    for (const auto& [name, expression] : tmpl.conditions) (void)evaluator.condition(name);
    for (const cfn::Parameter& parameter : tmpl.parameters) {
      if (tmpl.parameter(parameter.name) == nullptr) return "parameter `" + parameter.name + "` is not indexed";
    }
  }
  std::unique_ptr<Project> project = load_project({ProjectInput{file, stream}});
  if (!project) return "load_project returned no project";
  return "";
}

std::string serve_lsp(std::string_view input) {
  // The server reads a file descriptor: an in-memory file holding the input, read to its end.
  int in = ::memfd_create("iblint-fuzz-lsp", 0);
  if (in < 0) return "";  // cannot test without memfd; not a finding
  for (size_t written = 0; written < input.size();) {
    ssize_t n = ::write(in, input.data() + written, input.size() - written);
    if (n <= 0) {
      ::close(in);
      return "";
    }
    written += static_cast<size_t>(n);
  }
  ::lseek(in, 0, SEEK_SET);
  static const int out = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  int code = lsp::Server(in, out).run();
  ::close(in);
  if (code != 0 && code != 1) return "the server returned exit code " + std::to_string(code);
  return "";
}

std::string fix_and_relint(std::string_view input) {
  LintInput in = lint_input(input);
  in.settings.single_file_project = true;  // as --fix lints
  FileLint lint = lint_file(*in.file, in.settings);
  if (std::string broke = check_diagnostics(lint, *in.file); !broke.empty()) return broke;
  if (!lint.linted) return "";

  // One pass by hand: every applied fix must make its finding go away.
  std::vector<const Fix*> fixes;
  std::vector<const Diagnostic*> fixed_findings;
  for (const Diagnostic& d : lint.diagnostics) {
    if (const Fix* fix = first_safe_fix(d)) {
      fixes.push_back(fix);
      fixed_findings.push_back(&d);
    }
  }
  std::vector<std::string> problems_before = yaml_problems(*in.file);
  if (!fixes.empty()) {
    AppliedFixes applied = apply_fixes(in.file->bytes(), fixes);
    SourceFile fixed(in.file->path(), applied.text);
    // fix_file refuses a pass that adds YAML problems (checked below); only clean passes count.
    if (applied.count > 0 && !adds_problems(problems_before, yaml_problems(fixed))) {
      FileLint after = lint_file(fixed, in.settings);
      // Matched by place, not by count: another fix of the pass may reveal a new finding with
      // the same message elsewhere (renaming `step/s` to `steps` exposes that phase's steps).
      for (size_t i = 0; i < fixes.size(); ++i) {
        if (!applied.applied[i]) continue;
        uint32_t now_at = offset_after_fixes(fixed_findings[i]->span.begin, fixes, applied);
        if (has_finding_at(after, key_of(*fixed_findings[i]), now_at)) {
          return "the fix `" + fixes[i]->title + "` was applied but its finding remains: " + fixed_findings[i]->message;
        }
      }
    }
  }

  // The whole --fix loop: what it writes must parse as well as the original and lint as it says.
  FixResult result = fix_file(in.file, lint, in.settings);
  if (!result.file) return "fix_file returned no file";
  if (result.would_break_yaml && result.changed) return "fix_file changed a file it said it left alone";
  if (result.changed) {
    if (adds_problems(problems_before, yaml_problems(*result.file))) return "--fix wrote text with new YAML problems";
    FileLint relinted = lint_file(*result.file, in.settings);
    if (relinted.diagnostics.size() != result.lint.diagnostics.size()) return "fix_file's lint differs from a fresh lint of its result";
    if (std::string broke = check_diagnostics(relinted, *result.file); !broke.empty()) return "after --fix: " + broke;
  }
  return "";
}

std::string parse_in_pieces_like_whole(std::string_view input) {
  if (input.empty()) return "";
  uint32_t piece_bytes = static_cast<uint8_t>(input[0]) + 1u;
  SourceFile file("fuzz.yaml", std::string(input.substr(1)));
  std::unique_ptr<yaml::Stream> pieces = yaml::parse_in_pieces(file, {0, piece_bytes});
  if (!pieces) return "";  // not cut: the whole parse is used, nothing to compare
  std::string a = yaml::test_support::dump(*yaml::parse_whole(file)), b = yaml::test_support::dump(*pieces);
  if (a == b) return "";
  size_t at = static_cast<size_t>(std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin());
  size_t line = a.rfind('\n', at) == std::string::npos ? 0 : a.rfind('\n', at) + 1;
  return "parsed in pieces of " + std::to_string(piece_bytes) + " bytes, the node model differs from the whole parse: whole `" +
         a.substr(line, 200) + "`, pieces `" + b.substr(line, 200) + "`";
}

const std::vector<Target>& targets() {
  static const std::vector<Target> all = {{"lint", lint_buffer}, {"expr", scan_expressions}, {"cfn", load_cloudformation},
                                          {"lsp", serve_lsp},    {"fix", fix_and_relint},     {"pieces", parse_in_pieces_like_whole}};
  return all;
}

void run_or_abort(TargetFunction target, const uint8_t* data, size_t size) {
  std::string broke = target(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!broke.empty()) {
    std::fprintf(stderr, "iblint fuzz: property broken: %s\n", broke.c_str());
    std::abort();
  }
}

}  // namespace iblint::fuzz
