#include "emit/junit_emitter.h"

#include <map>
#include <string>
#include <string_view>

#include "emit/emit_support.h"

namespace iblint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Text as XML character data or an attribute value (both quote styles are safe). Line breaks
/// and tabs become character references so that attribute values keep them too.
std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += kReplacement;
        ++i;
        continue;
      }
      std::string_view sequence = text.substr(i, length);
      // U+FFFE and U+FFFF are not XML characters (surrogates are already invalid UTF-8).
      if (sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF") out += kReplacement;
      else out += sequence;
      i += length;
      continue;
    }
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default:
        if (c < 0x20 || c == 0x7F) out += kReplacement;
        else out += static_cast<char>(c);
    }
    ++i;
  }
  return out;
}

std::string position(const Range& range) {
  return std::to_string(range.start.line) + ":" + std::to_string(range.start.column);
}

/// The finding as the text format's first line, plus its related notes and fix titles: what a
/// CI page shows when the test case is opened.
std::string failure_text(const FileResult& file, const Diagnostic& d) {
  Range range = range_of(file.file.get(), d.span);
  std::string text = file.display_path + ":" + position(range) + ": " + std::string(to_string(d.severity)) + ": " +
                     d.message;
  if (!rule_id(d).empty()) text += " [" + std::string(rule_id(d)) + " " + std::string(rule_name(d)) + "]";
  for (const Related& r : d.related) {
    text += "\n  note: " + file.display_path + ":" + position(range_of(file.file.get(), r.span)) + ": " + r.message;
  }
  for (const Fix& fix : d.fixes) {
    if (!fix.title.empty()) text += "\n  help: " + fix.title;
  }
  return text;
}

}  // namespace

void emit_junit(const Report& report, std::ostream& out) {
  size_t tests = 0;
  size_t failures = 0;
  for (const FileResult& file : report.files) {
    tests += file.diagnostics.empty() ? 1 : file.diagnostics.size();
    failures += file.diagnostics.size();
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"iblint\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
  for (const FileResult& file : report.files) {
    std::string path = escape(file.display_path);
    size_t count = file.diagnostics.size();
    out << "  <testsuite name=\"" << path << "\" tests=\"" << (count == 0 ? 1 : count) << "\" failures=\"" << count
        << "\" errors=\"0\" skipped=\"0\" time=\"0\">\n";
    if (count == 0) {
      out << "    <testcase classname=\"" << path << "\" name=\"iblint\" file=\"" << path << "\" time=\"0\"/>\n";
    }
    std::map<std::string, size_t> names;  // a repeated name gets " (2)", " (3)", …
    for (const Diagnostic& d : file.diagnostics) {
      Range range = range_of(file.file.get(), d.span);
      std::string name = std::string(rule_id(d).empty() ? "iblint" : rule_id(d));
      if (!rule_name(d).empty()) name += " " + std::string(rule_name(d));
      name += " at " + position(range);
      size_t seen = ++names[name];
      if (seen > 1) name += " (" + std::to_string(seen) + ")";
      out << "    <testcase classname=\"" << path << "\" name=\"" << escape(name) << "\" file=\"" << path
          << "\" line=\"" << range.start.line << "\" time=\"0\">\n";
      out << "      <failure type=\"" << to_string(d.severity) << "\" message=\"" << escape(d.message) << "\">"
          << escape(failure_text(file, d)) << "</failure>\n";
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace iblint
