#include "lsp/diagnostic_conversion.h"

#include <gtest/gtest.h>

#include "engine/registry.h"
#include "lsp/json_rpc.h"

namespace iblint::lsp {
namespace {

TEST(DiagnosticConversionTest, CarriesRangeSeverityCodeDocumentationAndRelatedLocations) {
  std::string text = "a: \xF0\x9F\x98\x80 x\nb: y\n";
  TextLines lines(text);
  RangeConverter ranges(text, lines, PositionEncoding::Utf16);
  Diagnostic d;
  d.rule = &find_rule("IB102")->info();
  d.severity = Severity::Warning;
  d.message = "m";
  d.span = {8, 9};  // `x`, after the emoji
  d.related.push_back({{13, 14}, "first here"});
  nlohmann::json out = to_lsp_diagnostic(d, ranges, "file:///a.yaml");
  EXPECT_EQ(out["range"], (nlohmann::json{{"start", {{"line", 0}, {"character", 6}}}, {"end", {{"line", 0}, {"character", 7}}}}));
  EXPECT_EQ(out["severity"], 2);
  EXPECT_EQ(out["code"], "IB102");
  EXPECT_EQ(out["codeDescription"]["href"], rule_doc_url(*d.rule));
  EXPECT_EQ(out["source"], "iblint");
  EXPECT_EQ(out["relatedInformation"][0]["location"]["range"]["start"], (nlohmann::json{{"line", 1}, {"character", 3}}));
  EXPECT_EQ(out["relatedInformation"][0]["message"], "first here");
  EXPECT_EQ(lsp_severity(Severity::Info), 3);
  EXPECT_EQ(lsp_severity(Severity::Error), 1);
}

TEST(DiagnosticConversionTest, ReadsPositionsAndRejectsMalformedOnes) {
  std::string text = "ab\ncd\n";
  TextLines lines(text);
  RangeConverter ranges(text, lines, PositionEncoding::Utf8);
  nlohmann::json good = {{"line", 1}, {"character", 1}};
  nlohmann::json negative = {{"line", -1}, {"character", 0}};
  nlohmann::json partial = {{"line", 1}};
  EXPECT_EQ(ranges.offset(good), 4u);
  EXPECT_THROW(ranges.offset(negative), RequestError);
  EXPECT_THROW(ranges.offset(partial), RequestError);
  EXPECT_THROW(ranges.offset("1:1"), RequestError);
}

}  // namespace
}  // namespace iblint::lsp
