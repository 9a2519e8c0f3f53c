#include "emit/github_emitter.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/rule.h"

namespace iblint {
namespace {

const RuleInfo kDuplicateStep{"IB103", "duplicate-step-name", Severity::Error, "Step names must be unique"};

// "é" is two bytes and one column; the tab is one column; lines end in CRLF.
const std::string kText = "name: caf\xC3\xA9\r\n\tx: 1\r\n";

Diagnostic make(Severity severity, Span span, std::string message) {
  Diagnostic d;
  d.rule = &kDuplicateStep;
  d.severity = severity;
  d.span = span;
  d.message = std::move(message);
  return d;
}

std::string render(const Report& report) {
  std::ostringstream out;
  emit_github(report, out);
  return out.str();
}

Report report_for(std::string path, std::vector<Diagnostic> diagnostics) {
  Report report;
  report.files.push_back({std::move(path), std::make_shared<SourceFile>("f", kText), std::move(diagnostics)});
  report.files_linted = 1;
  return report;
}

TEST(GithubEmitter, OneCommandPerDiagnosticBySeverity) {
  uint32_t x = static_cast<uint32_t>(kText.find('x'));
  Report report = report_for("dir/comp.yaml", {make(Severity::Error, {6, 11}, "bad name"),
                                               make(Severity::Warning, {x, x + 1}, "after a tab"),
                                               make(Severity::Info, {11, 11}, "at end of line")});
  EXPECT_EQ(render(report),
            "::error file=dir/comp.yaml,line=1,col=7,endLine=1,endColumn=11,"
            "title=IB103 duplicate-step-name::bad name\n"
            "::warning file=dir/comp.yaml,line=2,col=2,endLine=2,endColumn=3,"
            "title=IB103 duplicate-step-name::after a tab\n"
            "::notice file=dir/comp.yaml,line=1,col=11,endLine=1,endColumn=11,"
            "title=IB103 duplicate-step-name::at end of line\n");
}

TEST(GithubEmitter, EscapesDataAndProperties) {
  Report report = report_for("we,ird:100%.yaml", {make(Severity::Error, {0, 4}, "50% done:\r\nnext, line")});
  EXPECT_EQ(render(report),
            "::error file=we%2Cird%3A100%25.yaml,line=1,col=1,endLine=1,endColumn=5,"
            "title=IB103 duplicate-step-name::50%25 done:%0D%0Anext, line\n");
}

TEST(GithubEmitter, EmptyReportPrintsNothing) { EXPECT_EQ(render(Report{}), ""); }

TEST(GithubEmitter, DiagnosticWithoutRuleOrFile) {
  Report report;
  Diagnostic d;
  d.message = "cannot read";
  report.files.push_back({"gone.yaml", nullptr, {d}});
  EXPECT_EQ(render(report), "::error file=gone.yaml,line=1,col=1,endLine=1,endColumn=1::cannot read\n");
}

/// Undoes the runner's escapes (actions/runner ActionCommand: %25 % , %0D CR, %0A LF, and in
/// properties also %3A : and %2C ,), as GitHub does when it reads a workflow command.
std::string unescape(std::string_view text, bool property) {
  std::string out(text);
  auto replace_all = [&](std::string_view from, std::string_view to) {
    for (size_t at = out.find(from); at != std::string::npos; at = out.find(from, at + to.size())) {
      out.replace(at, from.size(), to);
    }
  };
  replace_all("%0D", "\r");
  replace_all("%0A", "\n");
  if (property) {
    replace_all("%3A", ":");
    replace_all("%2C", ",");
  }
  replace_all("%25", "%");
  return out;
}

TEST(GithubEmitter, EveryCommandIsOneLineThatTheRunnerReadsBackExactly) {
  const std::string path = "a,b:c=d%0A/\xC3\xA9 x.yaml";  // already looks escaped: must survive
  const std::string message = "::warning::injected?\n::error file=x::no\r\n100%25 %0A done, a=b: ok";
  Report report = report_for(path, {make(Severity::Error, {0, 4}, message), make(Severity::Warning, {0, 4}, "")});
  std::string out = render(report);
  std::vector<std::string> lines;
  for (size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos; start = end + 1) {
    lines.push_back(out.substr(start, end - start));
  }
  ASSERT_EQ(lines.size(), 2u) << out;
  for (const std::string& line : lines) EXPECT_EQ(line.find('\r'), std::string::npos) << line;
  // ::error <properties>::<data>; properties split at ',' then at the first '='.
  const std::string& first = lines[0];
  ASSERT_TRUE(first.starts_with("::error "));
  size_t data_at = first.find("::", 2);
  std::string properties = first.substr(8, data_at - 8);
  EXPECT_EQ(unescape(first.substr(data_at + 2), false), message);
  std::string file_property = properties.substr(0, properties.find(','));
  ASSERT_TRUE(file_property.starts_with("file="));
  EXPECT_EQ(unescape(file_property.substr(5), true), path);
  EXPECT_EQ(lines[1].substr(lines[1].size() - 2), "::") << "an empty message is an empty data part";
}

}  // namespace
}  // namespace iblint
