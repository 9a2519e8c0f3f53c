#include "dryrun/html_plan.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <string_view>

#include "tests/dryrun/fixture_plan.h"

namespace iblint::dryrun {
namespace {

using Json = nlohmann::json;


size_t count(std::string_view text, std::string_view needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + needle.size())) ++n;
  return n;
}

/// The markup of the step with this id: from its <li> to the next </li> at its level.
std::string step_markup(const std::string& page, size_t index) {
  size_t begin = page.find("id=\"step-" + std::to_string(index) + "\"");
  if (begin == std::string::npos) return {};
  size_t end = page.find("</li>\n", begin);
  return page.substr(begin, end - begin);
}

/// Every element the page opens is closed again (the renderer builds markup by hand).
void expect_balanced(const std::string& page) {
  for (const char* tag : {"section", "div", "ol", "ul", "li", "dl", "dt", "dd", "table", "tr", "td", "span", "pre",
                          "header", "main", "h2", "h3", "h4"}) {
    size_t opened = count(page, std::string("<") + tag + ">") + count(page, std::string("<") + tag + " ");
    EXPECT_EQ(opened, count(page, std::string("</") + tag + ">")) << "<" << tag << "> unbalanced";
  }
}

/// Nothing that loads or runs anything: one page that works offline.
void expect_self_contained(const std::string& page) {
  for (const char* forbidden : {"<script", "<link", "<img", "<iframe", "src=", "@import", "url(", "href=\"http"}) {
    EXPECT_EQ(page.find(forbidden), std::string::npos) << forbidden;
  }
}

TEST(HtmlPlan, IsOneSelfContainedPage) {
  std::string page = render_plan_html(fixture_plan());
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n", 0), 0u);
  EXPECT_NE(page.find("<meta charset=\"utf-8\">"), std::string::npos);
  EXPECT_NE(page.find("<style>"), std::string::npos);
  EXPECT_TRUE(page.ends_with("</html>\n"));
  expect_self_contained(page);
  expect_balanced(page);
}

TEST(HtmlPlan, HeaderShowsThePipeline) {
  std::string page = render_plan_html(fixture_plan());
  EXPECT_NE(page.find("<title>iblint dry run: web-pipeline</title>"), std::string::npos);
  EXPECT_NE(page.find("<dt>recipe</dt><dd><span class=\"value\">WebRecipe 1.2.0</span></dd>"), std::string::npos);
  EXPECT_NE(page.find("<dt>infrastructure</dt><dd><span class=\"value\">WebInfrastructure</span></dd>"),
            std::string::npos);
}

TEST(HtmlPlan, TimelineGoesStageComponentPhaseStep) {
  std::string page = render_plan_html(fixture_plan());
  size_t build = page.find("<h2>Stage: build</h2>");
  size_t component = page.find("<h3>InstallWeb <span class=\"version\">1.0.0</span></h3>");
  size_t build_phase = page.find("<h4>phase build</h4>");
  size_t validate_phase = page.find("<h4>phase validate</h4>");
  size_t test = page.find("<h2>Stage: test</h2>");
  size_t distribute = page.find("<h2>Stage: distribute</h2>");
  ASSERT_NE(build, std::string::npos);
  EXPECT_LT(build, component);
  EXPECT_LT(component, build_phase);
  EXPECT_LT(build_phase, validate_phase);
  EXPECT_LT(validate_phase, test);
  EXPECT_LT(test, distribute);
  EXPECT_LT(distribute, std::string::npos);
  // One component heading for its consecutive steps, one heading per phase run.
  EXPECT_EQ(count(page, "<h3>InstallWeb "), 1u);
  EXPECT_EQ(count(page, "<h4>phase build</h4>"), 1u);
  EXPECT_EQ(count(page, "<li class=\"step"), 9u);
  EXPECT_NE(page.find("<h4>instance</h4><dl class=\"map\"><dt>instanceProfileName</dt>"), std::string::npos);
}

TEST(HtmlPlan, StepShowsInputsFailureAttemptsTimeoutAndIteration) {
  std::string page = render_plan_html(fixture_plan());
  std::string install = step_markup(page, 0);
  EXPECT_NE(install.find("<span class=\"step-name\">InstallPackages</span><span class=\"action\">ExecuteBash</span>"),
            std::string::npos);
  EXPECT_NE(install.find("on failure: Abort (later steps do not run)"), std::string::npos);
  EXPECT_NE(install.find("max attempts: 3"), std::string::npos);
  EXPECT_NE(install.find("timeout: 10 min"), std::string::npos);
  EXPECT_NE(install.find("<dt>commands</dt><dd><ol class=\"list\" start=\"0\"><li><span class=\"value\">sudo dnf install -y nginx"),
            std::string::npos);
  EXPECT_NE(install.find("web-pipeline.yaml:30"), std::string::npos);

  EXPECT_NE(step_markup(page, 2).find("iteration 1"), std::string::npos);
  EXPECT_NE(step_markup(page, 2).find("on failure: Continue (later steps run; the phase fails)"), std::string::npos);
  // A multi-line script keeps its lines.
  EXPECT_NE(step_markup(page, 4).find("<pre class=\"value\">systemctl is-active nginx\ncurl"), std::string::npos);
  // Fields beyond the contract are shown, not dropped.
  EXPECT_NE(step_markup(page, 3).find("<dt>resumesAt</dt><dd><span class=\"value\">validate.CheckNginx</span>"),
            std::string::npos);
  EXPECT_NE(step_markup(page, 7).find("<dt>region</dt><dd><span class=\"value\">us-east-1</span>"), std::string::npos);
}

TEST(HtmlPlan, ConditionsSayWhetherTheStepRuns) {
  std::string page = render_plan_html(fixture_plan());
  std::string unknown = step_markup(page, 4);
  EXPECT_NE(unknown.find("decided at run time"), std::string::npos);
  EXPECT_NE(unknown.find("<dt>decidedBy</dt>"), std::string::npos);
  std::string never = step_markup(page, 6);
  EXPECT_NE(never.find("false: skipped"), std::string::npos);
  EXPECT_NE(page.find("<li class=\"step skipped\" id=\"step-6\">"), std::string::npos);
  EXPECT_EQ(step_markup(page, 0).find("class=\"condition\""), std::string::npos);  // no condition, no line
}

TEST(HtmlPlan, SymbolicValuesAreMarked) {
  std::string page = render_plan_html(fixture_plan());
  const std::string marked =
      "<span class=\"symbolic\" title=\"known only at run time\">&lt;stdout of build.InstallPackages&gt;</span>";
  EXPECT_NE(step_markup(page, 1).find("version " + marked), std::string::npos);
  EXPECT_NE(step_markup(page, 4).find(
                "stringEquals <span class=\"symbolic\" title=\"known only at run time\">&lt;parameter Environment&gt;</span> prod"),
            std::string::npos);
  // Markup-like text without a space is ordinary text, escaped.
  Json plan = {{"stages", {{{"name", "build"}, {"steps", {{{"step", "S"}, {"action", "A"},
                                                           {"inputs", {{"x", "a <b> c <d e"}}}}}}}}}};
  std::string other = render_plan_html(plan);
  EXPECT_NE(other.find("a &lt;b&gt; c &lt;d e"), std::string::npos);
  EXPECT_EQ(count(other, "class=\"symbolic\""), 0u);
}

TEST(HtmlPlan, FindingsAppearBesideTheirStepAndInTheList) {
  std::string page = render_plan_html(fixture_plan());
  // IB801 points at line 40, inside WritePages (lines 36-44): shown with its first iteration only.
  EXPECT_NE(step_markup(page, 1).find("IB801 unresolved-at-run-time"), std::string::npos);
  EXPECT_EQ(step_markup(page, 2).find("IB801"), std::string::npos);
  for (size_t step = 0; step < 9; ++step) {
    if (step != 1) {
      EXPECT_EQ(step_markup(page, step).find("class=\"finding"), std::string::npos) << step;
    }
  }
  size_t list = page.find("<h2>Findings</h2>");
  ASSERT_NE(list, std::string::npos);
  EXPECT_NE(page.find("<a href=\"#step-1\">WritePages [0]</a>", list), std::string::npos);
  EXPECT_NE(page.find("IB807 stage-time-budget", list), std::string::npos);
  EXPECT_NE(page.find("not in a step", list), std::string::npos);
  EXPECT_NE(page.find("Findings: 1 error(s), 1 warning(s), 0 other(s)."), std::string::npos);
}

TEST(HtmlPlan, SummaryHasStepsAttemptsAndWorstCaseTimePerStage) {
  std::string page = render_plan_html(fixture_plan());
  EXPECT_NE(page.find("<tr><td>build</td><td class=\"number\">5</td><td class=\"number\">4</td><td class=\"number\">0</td>"
                      "<td class=\"number\">3</td><td class=\"number\">7</td><td class=\"number\">42 min</td></tr>"),
            std::string::npos);
  EXPECT_NE(page.find("<tr class=\"total\"><td>total</td><td class=\"number\">9</td>"), std::string::npos);
  EXPECT_NE(page.find("1 step(s) give no valid timeoutSeconds"), std::string::npos);
  EXPECT_NE(page.find("1 Reboot step(s) are not counted"), std::string::npos);
}

TEST(HtmlPlan, EveryTextFromThePlanIsEscaped) {
  const std::string evil = "<script>alert(1)</script>";
  Json step = {{"component", evil}, {"componentVersion", evil}, {"phase", evil}, {"step", evil}, {"action", evil},
               {"iteration", evil}, {"inputs", {{evil, evil}}}, {"onFailure", evil}, {"maxAttempts", evil},
               {"timeoutSeconds", evil}, {"condition", {{"expression", evil}, {evil, evil}}}, {evil, evil},
               {"file", "a.yaml"}, {"line", 3}};
  Json plan = {{"pipeline", {{"name", evil}, {evil, evil}}},
               {"stages", {{{"name", evil}, {"instance", {{evil, evil}}}, {evil, evil}, {"steps", {step}}}}},
               {"findings", {{{"path", "a.yaml"}, {"line", 3}, {"rule", evil}, {"name", evil}, {"severity", evil},
                              {"message", evil}, {"related", {{{"path", evil}, {"message", evil}}}}}}}};
  std::string page = render_plan_html(plan);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("</script"), std::string::npos);
  EXPECT_GE(count(page, "&lt;script&gt;alert(1)&lt;/script&gt;"), 20u);
  expect_balanced(page);
  // The finding still finds its step, and the step's label in the list is escaped too.
  EXPECT_NE(page.find("<a href=\"#step-0\">&lt;script&gt;"), std::string::npos);
  // Quotes cannot leave an attribute either.
  Json quoted = {{"stages", {{{"name", "\"><b onload=x>"}, {"steps", Json::array()}}}}};
  EXPECT_EQ(render_plan_html(quoted).find("\"><b"), std::string::npos);
}

TEST(HtmlPlan, AnyShapeRendersWithoutThrowing) {
  const char* shapes[] = {
      "null", "42", "\"text\"", "[1,2]", "{}", "{\"pipeline\": 5, \"stages\": \"x\", \"findings\": {}}",
      "{\"pipeline\": [1, {\"a\": null}], \"stages\": [null, 3, \"s\", {\"steps\": 7}, {\"steps\": []}, {}]}",
      R"({"stages":[{"name":"build","instance":"i-1","steps":[null, 1, "s", [], {"inputs": 5, "condition": "yes",
          "maxAttempts": "3", "timeoutSeconds": -5, "iteration": {"index": 2, "item": "x"}, "line": "7"},
          {"condition": {"value": 3}, "location": {"file": "c.yaml", "line": 2, "endLine": 1}}]}],
        "findings": [null, 3, "f", {"path": "c.yaml", "line": 2, "related": "none"}, {"line": 1e300}]})",
  };
  for (const char* shape : shapes) {
    std::string page;
    ASSERT_NO_THROW(page = render_plan_html(Json::parse(shape))) << shape;
    EXPECT_TRUE(page.ends_with("</html>\n")) << shape;
    expect_balanced(page);
  }
  // A finding in a step located by a `location` object attaches to it.
  std::string page = render_plan_html(Json::parse(shapes[7]));
  EXPECT_NE(page.find("<a href=\"#step-5\">"), std::string::npos);
  EXPECT_NE(page.find("iteration {&quot;index&quot;:2,&quot;item&quot;:&quot;x&quot;}"), std::string::npos);
}

TEST(HtmlPlan, DeepAndLargeValuesAreCut) {
  Json deep = "bottom";
  for (int i = 0; i < 200; ++i) deep = Json::array({deep});
  Json wide = Json::array();
  for (int i = 0; i < 2000; ++i) wide.push_back(i);
  Json plan = {{"stages", {{{"name", "build"}, {"steps", {{{"step", "S"}, {"inputs", {{"deep", deep}, {"wide", wide}}}}}}}}}};
  std::string page = render_plan_html(plan);
  EXPECT_NE(page.find("… 1500 more"), std::string::npos);
  EXPECT_NE(page.find("[[[[&quot;bottom&quot;]]]]"), std::string::npos);  // the deepest levels as JSON text
  EXPECT_LT(count(page, "<ol class=\"list\""), 40u);
  expect_balanced(page);
}

TEST(HtmlPlan, InvalidUtf8InThePlanBecomesReplacementCharacters) {
  Json plan = {{"pipeline", {{"name", "bad\xFF"}}},
               {"stages", {{{"name", "build"}, {"steps", {{{"step", "S\xC3"}, {"inputs", {{"k", {"v\xFE"}}}}}}}}}}};
  std::string page = render_plan_html(plan);
  EXPECT_EQ(page.find('\xFF'), std::string::npos);
  EXPECT_EQ(page.find('\xFE'), std::string::npos);
  EXPECT_NE(page.find("bad\xEF\xBF\xBD"), std::string::npos);
}

}  // namespace
}  // namespace iblint::dryrun
