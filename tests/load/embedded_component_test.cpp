#include "load/embedded_component.h"

#include <gtest/gtest.h>

namespace iblint {
namespace {

struct Parsed {
  explicit Parsed(std::string text) : file("t", std::move(text)), stream(yaml::parse(file)) {}
  const yaml::Node& data() const {
    const yaml::Node* root = stream->documents[0];
    if (const yaml::Node* d = root->find("data")) return *d;
    return *root->find("Resources")->find("C")->find("Properties")->find("Data");
  }
  SourceFile file;
  std::unique_ptr<yaml::Stream> stream;
};

/// The outer-file text of the embedded document's first step action.
std::string action_text(const EmbeddedComponent& doc, const SourceFile& outer) {
  const Step& step = doc.component->phases.at(0).steps.at(0);
  return std::string(outer.text(doc.to_outer(step.action_node->span)));
}

TEST(EmbeddedComponent, BlockScalarIsParsedInPlace) {
  Parsed p("Resources:\n  C:\n    Type: AWS::ImageBuilder::Component\n    Properties:\n      Data: |\n"
           "        name: c\n        schemaVersion: 1.0\n        phases:\n          - name: build\n"
           "            steps:\n              - name: S\n                action: ExecuteBash\n");
  auto doc = load_embedded_component(p.file, p.data());
  ASSERT_TRUE(doc && doc->component);
  EXPECT_EQ(doc->copy, nullptr);
  EXPECT_EQ(&doc->file(), &p.file);
  const Step& step = doc->component->phases.at(0).steps.at(0);
  EXPECT_EQ(p.file.position(step.action_node->span.begin), (Position{12, 25}));
  EXPECT_EQ(action_text(*doc, p.file), "ExecuteBash");
}

TEST(EmbeddedComponent, SubMasksSubstitutionsAndMapsBack) {
  Parsed p("Resources:\n  C:\n    Type: AWS::ImageBuilder::Component\n    Properties:\n      Data: !Sub |\n"
           "        name: c-${AWS::Region}\n        schemaVersion: 1.0\n        phases:\n          - name: build\n"
           "            steps:\n              - name: S\n                action: ExecuteBash\n"
           "                inputs: {commands: ['echo ${!HOME} {{ build.S.outputs.stdout }}']}\n");
  auto doc = load_embedded_component(p.file, p.data());
  ASSERT_TRUE(doc && doc->component);
  ASSERT_NE(doc->copy, nullptr);
  EXPECT_TRUE(doc->decoded);
  EXPECT_TRUE(doc->exact);
  EXPECT_LT(doc->copy->size(), 400u);  // the value only, never a copy of the whole template
  EXPECT_EQ(doc->component->name->value, "c-XXXXXXXXXXXXXX");
  EXPECT_EQ(action_text(*doc, p.file), "ExecuteBash");
  EXPECT_NE(doc->copy->bytes().find("${!HOME}"), std::string::npos);  // escaped: kept
}

TEST(EmbeddedComponent, JsonStringIsDecodedAndMappedBack) {
  Parsed p(R"({"name": "c", "data": "name: c\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: S\n        action: \"ExecuteBash\"\n"})");
  auto doc = load_embedded_component(p.file, p.data());
  ASSERT_TRUE(doc && doc->component);
  EXPECT_TRUE(doc->decoded);
  // The span of the (quoted) action in the decoded text maps to the escaped quotes.
  EXPECT_EQ(action_text(*doc, p.file), "\\\"ExecuteBash\\\"");
}

TEST(EmbeddedComponent, NonLiteralDataIsNotADocument) {
  Parsed join("Resources:\n  C:\n    Type: X\n    Properties:\n      Data: !Join ['', [a]]\n");
  EXPECT_EQ(load_embedded_component(join.file, join.data()), nullptr);
  Parsed ref("Resources:\n  C:\n    Type: X\n    Properties:\n      Data: !Ref Doc\n");
  EXPECT_EQ(load_embedded_component(ref.file, ref.data()), nullptr);
  Parsed text("{\"data\": \"just text\"}");
  auto doc = load_embedded_component(text.file, text.data());
  ASSERT_NE(doc, nullptr);
  EXPECT_FALSE(doc->component);
}

}  // namespace
}  // namespace iblint
