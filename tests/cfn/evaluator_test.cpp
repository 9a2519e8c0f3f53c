#include "cfn/evaluator.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint::cfn {
namespace {

/// Parses a template and evaluates Resources.R.Properties.<property>.
struct Fixture {
  explicit Fixture(std::string text) : file("t.yaml", std::move(text)), stream(yaml::parse(file)),
                                      tmpl(load_template(file, *stream->documents[0])) {}
  Value property(std::string_view name) const {
    return Evaluator(&tmpl).evaluate(tmpl.resource("R")->properties->find(name));
  }
  SourceFile file;
  std::unique_ptr<yaml::Stream> stream;
  Template tmpl;
};

const char* kTemplate = R"(Parameters:
  Env: {Type: String, Default: prod}
  NoDefault: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  Unknowable: !Equals [!Ref NoDefault, x]
Mappings:
  Sizes: {prod: {Type: m5.large}}
Resources:
  Other: {Type: AWS::IAM::Role}
  R:
    Type: AWS::ImageBuilder::ImageRecipe
    Properties:
      RefResource: !Ref Other
      RefParam: !Ref Env
      RefPseudo: !Ref AWS::Region
      RefMissing: !Ref Nope
      GetAttShort: !GetAtt Other.Arn
      GetAttLong: {"Fn::GetAtt": [Other, Arn]}
      SubKnown: !Sub ['${A}-x', {A: lit}]
      SubUnknown: !Sub 'arn:${AWS::Partition}:iam::aws:policy/${!Name}'
      Join: !Join ['-', [a, b, c]]
      JoinUnknown: !Join ['-', [a, !Ref AWS::Region]]
      Select: !Select [1, [a, b, c]]
      Split: !Split [',', 'a,b']
      IfKnown: !If [IsProd, big, small]
      IfNegated: !If [IsDev, big, small]
      IfUnknown: !If [Unknowable, one, two]
      NoValue: !If [IsProd, !Ref AWS::NoValue, x]
      FindInMap: !FindInMap [Sizes, !Ref Env, Type]
      Import: !ImportValue shared-subnet
      Base64: !Base64 'echo hi'
      Number: 42
      Bool: true
      Null:
      List: [a, !Ref Other]
)";

TEST(Evaluator, RefNamesItsTargetKind) {
  Fixture f(kTemplate);
  Value resource = f.property("RefResource");
  EXPECT_EQ(resource.kind, Value::Kind::Ref);
  EXPECT_EQ(resource.text, "Other");
  EXPECT_EQ(resource.ref_target, Value::RefTarget::Resource);
  Value param = f.property("RefParam");
  EXPECT_EQ(param.ref_target, Value::RefTarget::Parameter);
  EXPECT_EQ(param.parameter_default, "prod");
  EXPECT_FALSE(param.literal());  // a parameter is never a literal
  EXPECT_EQ(param.literal_or_default(), "prod");
  EXPECT_EQ(f.property("RefPseudo").ref_target, Value::RefTarget::Pseudo);
  EXPECT_EQ(f.property("RefMissing").ref_target, Value::RefTarget::Missing);
}

TEST(Evaluator, GetAttInBothSpellings) {
  Fixture f(kTemplate);
  for (const char* name : {"GetAttShort", "GetAttLong"}) {
    Value v = f.property(name);
    EXPECT_EQ(v.kind, Value::Kind::GetAtt) << name;
    EXPECT_EQ(v.text, "Other") << name;
    EXPECT_EQ(v.attribute, "Arn") << name;
  }
}

TEST(Evaluator, SubKeepsPiecesUnlessEverythingIsKnown) {
  Fixture f(kTemplate);
  Value known = f.property("SubKnown");
  EXPECT_EQ(known.literal(), "lit-x");
  Value unknown = f.property("SubUnknown");
  ASSERT_EQ(unknown.kind, Value::Kind::Sub);
  ASSERT_EQ(unknown.pieces.size(), 3u);
  EXPECT_EQ(unknown.pieces[0].text, "arn:");
  EXPECT_TRUE(unknown.pieces[1].variable);
  EXPECT_EQ(unknown.pieces[1].text, "AWS::Partition");
  EXPECT_EQ(unknown.pieces[2].text, ":iam::aws:policy/${Name}");  // `${!Name}` is literal text
}

TEST(Evaluator, ComputesFunctionsOnlyFromKnownInputs) {
  Fixture f(kTemplate);
  EXPECT_EQ(f.property("Join").literal(), "a-b-c");
  EXPECT_EQ(f.property("JoinUnknown").kind, Value::Kind::Unknown);
  EXPECT_EQ(f.property("Select").literal(), "b");
  Value split = f.property("Split");
  ASSERT_EQ(split.items.size(), 2u);
  EXPECT_EQ(split.items[1].literal(), "b");
  EXPECT_EQ(f.property("FindInMap").literal(), "m5.large");
  EXPECT_EQ(f.property("Import").kind, Value::Kind::Unknown);
  Value base64 = f.property("Base64");
  EXPECT_EQ(base64.kind, Value::Kind::Unknown);
  ASSERT_EQ(base64.items.size(), 1u);
  EXPECT_EQ(base64.items[0].literal(), "echo hi");  // the argument stays readable
}

TEST(Evaluator, ConditionsFromLiteralEqualsAndDefaults) {
  Fixture f(kTemplate);
  Evaluator e(&f.tmpl);
  EXPECT_EQ(e.condition("IsProd"), true);
  EXPECT_EQ(e.condition("IsDev"), false);
  EXPECT_EQ(e.condition("Unknowable"), std::nullopt);
  EXPECT_EQ(f.property("IfKnown").literal(), "big");
  EXPECT_EQ(f.property("IfNegated").literal(), "small");
  Value both = f.property("IfUnknown");
  EXPECT_EQ(both.kind, Value::Kind::Unknown);
  ASSERT_EQ(both.items.size(), 2u);  // both branches visible to rules
  EXPECT_TRUE(f.property("NoValue").absent());
}

TEST(Evaluator, ScalarsListsAndSpans) {
  Fixture f(kTemplate);
  Value number = f.property("Number");
  EXPECT_EQ(number.kind, Value::Kind::Number);
  EXPECT_EQ(f.file.text(number.node->span), "42");
  EXPECT_EQ(f.property("Bool").kind, Value::Kind::Bool);
  EXPECT_EQ(f.property("Null").kind, Value::Kind::Null);
  EXPECT_TRUE(f.property("Missing").absent());
  Value list = f.property("List");
  ASSERT_EQ(list.items.size(), 2u);
  EXPECT_EQ(list.items[1].kind, Value::Kind::Ref);
  EXPECT_EQ(f.file.text(list.items[1].node->span), "Other");
}

TEST(Evaluator, WithoutTemplateEverythingIsData) {
  SourceFile file("t.json", R"({"a": {"Ref": "X"}})");
  auto stream = yaml::parse(file);
  Value v = Evaluator(nullptr).evaluate(stream->documents[0]->find("a"));
  EXPECT_EQ(v.kind, Value::Kind::Map);
  EXPECT_EQ(v.field("Ref").literal(), "X");
}

TEST(Evaluator, SubOfAFunctionIsUnknown) {
  Fixture f("Resources:\n  R: {Type: X, Properties: {P: !Sub [!Ref Z, {a: b}], Q: {'Fn::Sub': {'Fn::Join': ['', [a]]}}}}\n");
  EXPECT_EQ(f.property("P").kind, Value::Kind::Unknown);
  EXPECT_EQ(f.property("Q").kind, Value::Kind::Unknown);
}

TEST(Evaluator, SelfReferencingConditionsDoNotRecurseForever) {
  Fixture f("Conditions:\n  A: !Condition B\n  B: !Not [!Condition A]\nResources:\n  R: {Type: X, Properties: {P: !If [A, 1, 2]}}\n");
  EXPECT_EQ(Evaluator(&f.tmpl).condition("A"), std::nullopt);
  EXPECT_EQ(f.property("P").kind, Value::Kind::Unknown);
}

}  // namespace
}  // namespace iblint::cfn
