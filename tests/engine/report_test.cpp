#include "engine/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "emit/json_emitter.h"
#include "engine/registry.h"

namespace iblint {
namespace {

TEST(Report, RelatedLocationsMayBeInAnotherFile) {
  auto pipeline = std::make_shared<const SourceFile>("pipeline.yaml", "a: 1\n");
  auto role = std::make_shared<const SourceFile>("role.yaml", "x: 1\ny: 2\n");
  Diagnostic d;
  d.rule = &find_rule("IB402")->info();
  d.message = "m";
  d.span = {0, 1};
  d.file = pipeline.get();
  d.related.push_back({{5, 6}, "the role", role.get()});
  d.related.push_back({{2, 3}, "same file"});
  Report report;
  report.files.push_back({"pipeline.yaml", pipeline, {d}});
  report.files.push_back({"role.yaml", role, {}});
  EXPECT_EQ(report.result_for(role.get()), &report.files[1]);
  EXPECT_EQ(&report.related_file(report.files[0], d.related[0]), &report.files[1]);
  EXPECT_EQ(&report.related_file(report.files[0], d.related[1]), &report.files[0]);

  std::ostringstream out;
  emit_json(report, out);
  auto json = nlohmann::json::parse(out.str());
  const auto& related = json["diagnostics"][0]["related"];
  EXPECT_EQ(related[0]["path"], "role.yaml");
  EXPECT_EQ(related[0]["line"], 2);
  EXPECT_EQ(related[1]["path"], "pipeline.yaml");
}

}  // namespace
}  // namespace iblint
