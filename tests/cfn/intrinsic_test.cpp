#include "cfn/intrinsic.h"

#include <gtest/gtest.h>

#include "yaml/parser.h"

namespace iblint::cfn {
namespace {

TEST(Intrinsic, EveryShortFormTagHasItsLongName) {
  for (const char* tag : {"Ref", "GetAtt", "Sub", "Join", "If", "Select", "Split", "FindInMap", "ImportValue",
                          "Base64", "Equals", "Not", "And", "Or", "Condition", "GetAZs", "Cidr"}) {
    std::string name = long_name_of_tag(std::string("!") + tag);
    EXPECT_FALSE(name.empty()) << tag;
    if (std::string_view(tag) != "Ref" && std::string_view(tag) != "Condition") {
      EXPECT_EQ(name, std::string("Fn::") + tag);
    }
  }
  EXPECT_EQ(long_name_of_tag("!Foo"), "");
  EXPECT_EQ(long_name_of_tag("!!str"), "");
}

TEST(Intrinsic, LongFormIsAOneKeyMapping) {
  SourceFile file("t.json", R"({"a": {"Fn::GetAtt": ["R", "Arn"]}, "b": {"Fn::GetAtt": 1, "x": 2}, "c": {"Condition": "C"}})");
  auto stream = yaml::parse(file);
  const yaml::Node& root = *stream->documents[0];
  Intrinsic a = intrinsic_of(*root.find("a"));
  EXPECT_EQ(a.name, "Fn::GetAtt");
  ASSERT_NE(a.argument, nullptr);
  EXPECT_TRUE(a.argument->is_sequence());
  EXPECT_EQ(intrinsic_of(*root.find("b")).name, "");  // two keys: data
  EXPECT_EQ(intrinsic_of(*root.find("c")).name, "");  // Condition only inside conditions
  EXPECT_EQ(intrinsic_of(*root.find("c"), true).name, "Condition");
}

TEST(Intrinsic, ShortFormArgumentIsTheTaggedNode) {
  SourceFile file("t.yaml", "a: !Ref X\n");
  auto stream = yaml::parse(file);
  const yaml::Node* a = stream->documents[0]->find("a");
  Intrinsic f = intrinsic_of(*a);
  EXPECT_EQ(f.name, "Ref");
  EXPECT_EQ(f.argument, a);
  EXPECT_EQ(f.argument->value, "X");
}

}  // namespace
}  // namespace iblint::cfn
