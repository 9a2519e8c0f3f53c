#include "engine/suppressions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint {
namespace {

using ::testing::HasSubstr;

const RuleInfo kIB009{"IB009", "unused-suppression", Severity::Info, "x"};
const RuleInfo kIB099{"IB099", "some-rule", Severity::Warning, "x"};
const RuleInfo kIB103{"IB103", "duplicate-step-name", Severity::Error, "x"};
const RuleInfo kIB104{"IB104", "unknown-action", Severity::Warning, "x"};
const RuleInfo kIB105{"IB105", "bad-timeout", Severity::Warning, "x"};
const std::vector<const RuleInfo*> kKnown = {&kIB009, &kIB099, &kIB103, &kIB104, &kIB105};

/// A file with its comments, and helpers to place findings on lines.
struct Doc {
  explicit Doc(std::string text) : file("doc.yml", std::move(text)), stream(yaml::parse(file)) {}

  Diagnostic on(uint32_t line, const RuleInfo& rule, std::string message = "finding") const {
    Diagnostic d;
    d.rule = &rule;
    d.severity = rule.severity;
    d.message = std::move(message);
    uint32_t begin = file.line_start(line);
    std::string_view text = file.line_text(line);
    size_t indent = text.find_first_not_of(' ');
    if (indent == std::string_view::npos) indent = 0;
    d.span = {begin + static_cast<uint32_t>(indent), begin + static_cast<uint32_t>(text.size())};
    return d;
  }

  std::vector<Diagnostic> apply(std::vector<Diagnostic> diagnostics,
                                const std::function<bool(const RuleInfo&)>& rule_ran = {}) const {
    return apply_suppressions(file, stream->comments, std::move(diagnostics), kIB009, kKnown, rule_ran);
  }

  /// The text after applying every edit of the first fix of each diagnostic.
  std::string fixed(const std::vector<Diagnostic>& diagnostics) const {
    std::vector<Edit> edits;
    for (const Diagnostic& d : diagnostics) {
      if (!d.fixes.empty()) edits.insert(edits.end(), d.fixes[0].edits.begin(), d.fixes[0].edits.end());
    }
    std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.span.begin > b.span.begin; });
    std::string out = file.bytes();
    uint32_t previous_begin = UINT32_MAX;
    for (const Edit& e : edits) {
      EXPECT_LE(e.span.end, previous_begin) << "overlapping edits";
      out.replace(e.span.begin, e.span.end - e.span.begin, e.replacement);
      previous_begin = e.span.begin;
    }
    return out;
  }

  std::string_view text(Span span) const { return file.text(span); }

  SourceFile file;
  std::unique_ptr<yaml::Stream> stream;
};

std::vector<std::string> messages(const std::vector<Diagnostic>& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics) out.push_back(std::string(d.rule->id) + ": " + d.message);
  return out;
}

TEST(Suppression, NoDirectivesKeepsEverything) {
  Doc doc("a: 1\nb: 2\n");
  auto out = doc.apply({doc.on(1, kIB103, "one"), doc.on(2, kIB104, "two")});
  EXPECT_THAT(messages(out), ::testing::ElementsAre("IB103: one", "IB104: two"));
}

TEST(Suppression, DisableNextLine) {
  Doc doc(
      "a: 1\n"
      "# iblint-disable-next-line IB103\n"
      "b: 2\n"
      "c: 3\n");
  auto out = doc.apply({doc.on(1, kIB103, "a"), doc.on(3, kIB103, "b"), doc.on(3, kIB104, "b4"),
                        doc.on(4, kIB103, "c")});
  EXPECT_THAT(messages(out), ::testing::ElementsAre("IB103: a", "IB104: b4", "IB103: c"));
}

TEST(Suppression, DisableNextLineSkipsOtherCommentLinesSoDirectivesStack) {
  Doc doc(
      "steps:\n"
      "  # iblint-disable-next-line IB103\n"
      "  # iblint-disable-next-line IB104 -- legacy names\n"
      "  - name: x\n");
  auto out = doc.apply({doc.on(4, kIB103), doc.on(4, kIB104)});
  EXPECT_TRUE(out.empty()) << ::testing::PrintToString(messages(out));
}

TEST(Suppression, DisableLineWithSeveralIdsAndNames) {
  Doc doc(
      "a: 1  # iblint-disable-line IB103, unknown-action\n"
      "b: 2  # iblint-disable-line IB103 IB104,IB105 -- reason, with words IB999\n");
  auto out = doc.apply({doc.on(1, kIB103), doc.on(1, kIB104), doc.on(2, kIB103), doc.on(2, kIB104),
                        doc.on(2, kIB105), doc.on(2, kIB099, "kept")});
  EXPECT_THAT(messages(out), ::testing::ElementsAre("IB099: kept"));
}

TEST(Suppression, DisableFileAnywhere) {
  Doc doc(
      "a: 1\n"
      "b: 2\n"
      "# iblint-disable-file IB104 -- generated\n");
  auto out = doc.apply({doc.on(1, kIB104), doc.on(2, kIB103, "kept"), doc.on(2, kIB104)});
  EXPECT_THAT(messages(out), ::testing::ElementsAre("IB103: kept"));
}

TEST(Suppression, NoIdsMeansEveryRuleButNeverIB009) {
  Doc doc(
      "a: 1  # iblint-disable-line\n"
      "# iblint-disable-file -- vendored\n"
      "b: 2\n");
  Diagnostic own = doc.on(3, kIB009, "own");
  auto out = doc.apply({doc.on(1, kIB103), doc.on(1, kIB104), doc.on(3, kIB105), own});
  EXPECT_THAT(messages(out), ::testing::ElementsAre("IB009: own"));
}

TEST(Suppression, DirectiveInsideBlockScalarIsText) {
  Doc doc(
      "script: |\n"
      "  # iblint-disable-next-line IB103\n"
      "  echo hi\n"
      "other: 1\n");
  ASSERT_TRUE(doc.stream->comments.empty());
  auto out = doc.apply({doc.on(3, kIB103, "kept")});
  EXPECT_THAT(messages(out), ::testing::ElementsAre("IB103: kept"));
}

TEST(Suppression, OrdinaryCommentsAreIgnored) {
  Doc doc(
      "# a note about iblint-disable-line IB103\n"
      "a: 1  # iblint is great\n");
  auto out = doc.apply({doc.on(2, kIB103, "kept")});
  EXPECT_THAT(messages(out), ::testing::ElementsAre("IB103: kept"));
}

TEST(Suppression, UnusedNextLineDirective) {
  Doc doc(
      "a: 1\n"
      "b: 2\n"
      "c: 3\n"
      "d: 4\n"
      "e: 5\n"
      "  # iblint-disable-next-line IB103\n"
      "f: 6\n");
  auto out = doc.apply({doc.on(7, kIB104, "kept")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].message, "kept");
  const Diagnostic& d = out[1];
  EXPECT_EQ(d.rule, &kIB009);
  EXPECT_EQ(d.severity, Severity::Info);
  EXPECT_EQ(d.message, "`# iblint-disable-next-line IB103` suppresses nothing: no IB103 finding on line 7");
  EXPECT_EQ(doc.text(d.span), "# iblint-disable-next-line IB103");
  ASSERT_EQ(d.fixes.size(), 1u);
  EXPECT_TRUE(d.fixes[0].safe);
  EXPECT_EQ(doc.fixed(out), "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n");
}

TEST(Suppression, UnusedTrailingDirectiveFixKeepsTheCode) {
  Doc doc("a: 1   # iblint-disable-line IB103 -- why\r\nb: 2\r\n");
  auto out = doc.apply({});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].message, "`# iblint-disable-line IB103` suppresses nothing: no IB103 finding on line 1");
  EXPECT_EQ(doc.fixed(out), "a: 1\r\nb: 2\r\n");
}

TEST(Suppression, UnusedFileDirectiveWithoutIds) {
  Doc doc("a: 1\n# iblint-disable-file\n");
  auto out = doc.apply({});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].message, "`# iblint-disable-file` suppresses nothing: no finding in this file");
  EXPECT_EQ(doc.fixed(out), "a: 1\n");
}

TEST(Suppression, DisableLineOnItsOwnLineHints) {
  Doc doc("# iblint-disable-line IB103\na: 1\n");
  auto out = doc.apply({doc.on(2, kIB103, "kept")});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_THAT(out[1].message, HasSubstr("no IB103 finding on line 1 (`iblint-disable-line` applies to its own line"));
}

TEST(Suppression, OneUnusedIdAmongUsedOnes) {
  Doc doc("a: 1  # iblint-disable-line IB103, IB104\n");
  auto out = doc.apply({doc.on(1, kIB103)});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].message,
            "`IB104` in `# iblint-disable-line IB103, IB104` suppresses nothing: no IB104 finding on line 1");
  EXPECT_EQ(doc.text(out[0].span), "IB104");
  EXPECT_EQ(doc.fixed(out), "a: 1  # iblint-disable-line IB103\n");
}

TEST(Suppression, RemovingSeveralIdsNeverOverlaps) {
  Doc doc("a: 1  # iblint-disable-line IB099, IB103, IB104 IB105 -- r\n");
  auto out = doc.apply({doc.on(1, kIB103)});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(doc.text(out[0].span), "IB099");
  EXPECT_EQ(doc.text(out[1].span), "IB104");
  EXPECT_EQ(doc.text(out[2].span), "IB105");
  EXPECT_EQ(doc.fixed(out), "a: 1  # iblint-disable-line IB103 -- r\n");

  Doc first("a: 1  # iblint-disable-line IB099,IB103\n");
  auto out2 = first.apply({first.on(1, kIB103)});
  ASSERT_EQ(out2.size(), 1u);
  EXPECT_EQ(first.fixed(out2), "a: 1  # iblint-disable-line IB103\n");
}

TEST(Suppression, SeveralUnusedIdsInOneDirective) {
  Doc doc("a: 1  # iblint-disable-line IB103, IB104, IB105\n");
  auto out = doc.apply({});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].message,
            "`# iblint-disable-line IB103, IB104, IB105` suppresses nothing: no IB103, IB104 or IB105 finding on "
            "line 1");
  EXPECT_EQ(doc.fixed(out), "a: 1\n");
}

TEST(Suppression, UnknownIdSuggests) {
  Doc doc("a: 1  # iblint-disable-line IB103, IB999\n");
  auto out = doc.apply({doc.on(1, kIB103)});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].message, "unknown rule `IB999`; did you mean `IB099`?");
  EXPECT_EQ(doc.text(out[0].span), "IB999");
  EXPECT_EQ(doc.fixed(out), "a: 1  # iblint-disable-line IB103\n");

  Doc alone("a: 1  # iblint-disable-line duplicate-step-nme\n");
  auto out2 = alone.apply({alone.on(1, kIB103, "kept")});
  ASSERT_EQ(out2.size(), 2u);
  EXPECT_EQ(out2[1].message,
            "`# iblint-disable-line duplicate-step-nme` suppresses nothing: unknown rule `duplicate-step-nme`; did "
            "you mean `duplicate-step-name`?");
}

TEST(Suppression, IB009CannotBeSuppressed) {
  Doc doc(
      "a: 1  # iblint-disable-line IB103\n"
      "# iblint-disable-file IB009\n");
  auto out = doc.apply({});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_THAT(out[0].message, HasSubstr("no IB103 finding on line 1"));
  EXPECT_THAT(out[1].message, HasSubstr("`IB009` findings cannot be suppressed with a comment"));

  Doc by_name("a: 1  # iblint-disable-line IB103 unused-suppression\n");
  auto out2 = by_name.apply({by_name.on(1, kIB103)});
  ASSERT_EQ(out2.size(), 1u);
  EXPECT_THAT(out2[0].message, HasSubstr("cannot be suppressed"));
  EXPECT_EQ(by_name.text(out2[0].span), "unused-suppression");
}

TEST(Suppression, UnknownDirectiveWord) {
  Doc doc("a: 1  # iblint-disable-lin IB103\n# iblint-whatever\n");
  auto out = doc.apply({doc.on(1, kIB103, "kept")});
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].message, "unknown directive `iblint-disable-lin`; did you mean `iblint-disable-line`?");
  EXPECT_EQ(out[2].message,
            "unknown directive `iblint-whatever`; expected `iblint-disable-next-line`, `iblint-disable-line` or "
            "`iblint-disable-file`");
}

TEST(Suppression, LineDirectiveGetsCreditBeforeFileDirective) {
  Doc doc(
      "# iblint-disable-file IB103\n"
      "a: 1  # iblint-disable-line IB103\n");
  auto out = doc.apply({doc.on(2, kIB103)});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].message, "`# iblint-disable-file IB103` suppresses nothing: no IB103 finding in this file");
}

TEST(Suppression, RulesThatDidNotRunAreNotUnused) {
  Doc doc("a: 1  # iblint-disable-line IB103, IB104\n");
  auto ran = [](const RuleInfo& rule) { return rule.id != "IB104"; };
  auto out = doc.apply({doc.on(1, kIB103)}, ran);
  EXPECT_TRUE(out.empty());
  auto none = doc.apply({}, ran);
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(doc.text(none[0].span), "IB103");
}

TEST(Suppression, KeepsOrderAndAppendsUnusedInCommentOrder) {
  Doc doc(
      "a: 1  # iblint-disable-line IB105\n"
      "b: 2  # iblint-disable-line IB104\n"
      "c: 3  # iblint-disable-line IB103\n");
  auto out = doc.apply({doc.on(3, kIB099, "z"), doc.on(1, kIB099, "y"), doc.on(2, kIB104), doc.on(2, kIB099, "x")});
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0].message, "z");
  EXPECT_EQ(out[1].message, "y");
  EXPECT_EQ(out[2].message, "x");
  EXPECT_THAT(out[3].message, HasSubstr("IB105"));
  EXPECT_THAT(out[4].message, HasSubstr("IB103"));
}

TEST(Suppression, DiagnosticWithoutRuleIsKept) {
  Doc doc("a: 1  # iblint-disable-line\n");
  Diagnostic d;
  d.message = "ruleless";
  d.span = {0, 1};
  auto out = doc.apply({d});
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].message, "ruleless");
}

}  // namespace
}  // namespace iblint

namespace iblint {
namespace {

TEST(Suppression, OddCommentsDoNotConfuseIt) {
  for (const char* text : {"#", "# iblint-", "a: 1 # iblint-disable-line ,,, -- x", "# iblint-disable-next-line",
                           "a: 1 #iblint-disable-line IB103", "# iblint-disable-line --", "#\tiblint-disable-file\tIB103",
                           "a: 1 # iblint-disable-line IB103,", "# iblint-disable-line -- IB103 only reason"}) {
    Doc doc(text);
    auto out = doc.apply({doc.on(1, kIB103, "f")});
    EXPECT_LE(out.size(), 2u) << text;
    doc.fixed(out);
  }
  Doc tight("a: 1 #iblint-disable-line IB103");
  EXPECT_TRUE(tight.apply({tight.on(1, kIB103)}).empty());
  Doc tab("x: 1\n#\tiblint-disable-file\tIB103\n");
  EXPECT_TRUE(tab.apply({tab.on(1, kIB103)}).empty());
  Doc reason_only("a: 1 # iblint-disable-line -- IB104 is not an id here\n");
  EXPECT_TRUE(reason_only.apply({reason_only.on(1, kIB103)}).empty());  // no ids: every rule
  Doc last("a: 1\n# iblint-disable-next-line IB103");
  auto out = last.apply({});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].message, "`# iblint-disable-next-line IB103` suppresses nothing: no IB103 finding on line 3");
  EXPECT_EQ(last.fixed(out), "a: 1\n");
}

}  // namespace
}  // namespace iblint
