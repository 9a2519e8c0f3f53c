#include "cfn/value.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint::cfn {
namespace {

TEST(Value, LiteralOnlyForScalars) {
  Value s;
  s.kind = Value::Kind::String;
  s.text = "x";
  EXPECT_EQ(s.literal(), "x");
  Value ref;
  ref.kind = Value::Kind::Ref;
  ref.text = "P";
  ref.parameter_default = "d";
  EXPECT_FALSE(ref.literal());
  EXPECT_EQ(ref.literal_or_default(), "d");
  EXPECT_FALSE(Value{}.literal());
}

TEST(Value, DescribeFollowsTheSpellingOfTheFile) {
  Value ref;
  ref.kind = Value::Kind::Ref;
  ref.text = "Role";
  EXPECT_EQ(ref.describe(), "`!Ref Role`");
  ref.long_form = true;
  EXPECT_EQ(ref.describe(), "`{\"Ref\": \"Role\"}`");
  Value att;
  att.kind = Value::Kind::GetAtt;
  att.text = "Recipe";
  att.attribute = "Arn";
  EXPECT_EQ(att.describe(), "`!GetAtt Recipe.Arn`");
}

TEST(Value, SpanIncludesTheShortFormTag) {
  SourceFile file("t.yaml", "a: !Ref X\n");
  auto stream = yaml::parse(file);
  Value v;
  v.kind = Value::Kind::Ref;
  v.node = stream->documents[0]->find("a");
  EXPECT_EQ(file.text(v.span_or({})), "!Ref X");
  EXPECT_EQ(Value{}.span_or({3, 4}), (Span{3, 4}));
}

TEST(Value, FieldByKey) {
  SourceFile file("t.yaml", "k: v\n");
  auto stream = yaml::parse(file);
  const yaml::Pair& pair = stream->documents[0]->pairs[0];
  Value map;
  map.kind = Value::Kind::Map;
  Value v;
  v.kind = Value::Kind::String;
  v.text = "v";
  map.fields.push_back({pair.key, v});
  EXPECT_EQ(map.field("k").literal(), "v");
  EXPECT_TRUE(map.field("other").absent());
}

}  // namespace
}  // namespace iblint::cfn
