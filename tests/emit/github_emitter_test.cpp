#include "emit/github_emitter.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>

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

}  // namespace
}  // namespace iblint
