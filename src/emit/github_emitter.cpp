#include "emit/github_emitter.h"

#include <string>
#include <string_view>

#include "emit/emit_support.h"

namespace iblint {
namespace {

/// Escapes the data part of a workflow command (after `::`).
std::string escape_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

/// Escapes a property value (`file=…`, `title=…`), where `:` and `,` are separators too.
std::string escape_property(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view command(Severity severity) {
  switch (severity) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "notice";
  }
  return "error";
}

}  // namespace

void emit_github(const Report& report, std::ostream& out) {
  for (const FileResult& file : report.files) {
    for (const Diagnostic& d : file.diagnostics) {
      Range range = range_of(file.file.get(), d.span);
      out << "::" << command(d.severity) << " file=" << escape_property(file.display_path)
          << ",line=" << range.start.line << ",col=" << range.start.column << ",endLine=" << range.end.line
          << ",endColumn=" << range.end.column;
      std::string title = std::string(rule_id(d));
      if (!rule_name(d).empty()) title += " " + std::string(rule_name(d));
      if (!title.empty()) out << ",title=" << escape_property(title);
      out << "::" << escape_data(d.message) << '\n';
    }
  }
}

}  // namespace iblint
