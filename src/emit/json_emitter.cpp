#include "emit/json_emitter.h"

#include <nlohmann/json.hpp>

#include "emit/emit_support.h"
#include "engine/rule.h"

namespace iblint {
namespace {

using Json = nlohmann::ordered_json;

Json nullable(std::string_view text) { return text.empty() ? Json(nullptr) : Json(std::string(text)); }

}  // namespace

Json diagnostic_json(const Report& report, const FileResult& file, const Diagnostic& d) {
  const SourceFile* source = file.file.get();
  Range range = range_of(source, d.span);
  Json related = Json::array();
  for (const Related& r : d.related) {
    const FileResult& where = report.related_file(file, r);
    Position at = range_of(where.file.get(), r.span).start;
    related.push_back({{"path", where.display_path}, {"line", at.line}, {"column", at.column}, {"message", r.message}});
  }
  Json fixes = Json::array();
  for (const Fix& fix : d.fixes) {
    Json edits = Json::array();
    for (const Edit& edit : fix.edits) {
      Span span = clamp_span(source, edit.span);
      Range where = range_of(source, span);
      edits.push_back({{"line", where.start.line},
                       {"column", where.start.column},
                       {"endLine", where.end.line},
                       {"endColumn", where.end.column},
                       {"offset", span.begin},
                       {"length", span.end - span.begin},
                       {"replacement", edit.replacement}});
    }
    fixes.push_back({{"title", fix.title}, {"safe", fix.safe}, {"edits", std::move(edits)}});
  }
  return {{"path", file.display_path},
          {"rule", nullable(rule_id(d))},
          {"name", nullable(rule_name(d))},
          {"severity", std::string(to_string(d.severity))},
          {"message", d.message},
          {"line", range.start.line},
          {"column", range.start.column},
          {"endLine", range.end.line},
          {"endColumn", range.end.column},
          {"related", std::move(related)},
          {"fixes", std::move(fixes)}};
}

void emit_json(const Report& report, std::ostream& out) {
  Json diagnostics = Json::array();
  for (const FileResult& file : report.files) {
    for (const Diagnostic& d : file.diagnostics) diagnostics.push_back(diagnostic_json(report, file, d));
  }
  Json root = {{"tool", "iblint"},
               {"version", IBLINT_VERSION},
               {"diagnostics", std::move(diagnostics)},
               {"summary",
                {{"files", report.files_linted},
                 {"errors", report.count(Severity::Error)},
                 {"warnings", report.count(Severity::Warning)},
                 {"infos", report.count(Severity::Info)}}}};
  // Text from the input may hold invalid UTF-8; it becomes U+FFFD rather than an exception.
  out << root.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace iblint
