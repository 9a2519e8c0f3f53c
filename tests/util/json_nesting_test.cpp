#include "util/json_nesting.h"

#include <gtest/gtest.h>

#include <string>

namespace iblint {
namespace {

TEST(JsonNesting, CountsBracketsOutsideStrings) {
  EXPECT_FALSE(json_nested_deeper_than("{\"a\": [1, {\"b\": []}]}", 4));
  EXPECT_TRUE(json_nested_deeper_than("{\"a\": [1, {\"b\": [[]]}]}", 4));
  EXPECT_FALSE(json_nested_deeper_than("{\"a\": \"[[[[[[\\\"[[[[\"}", 1));  // in a string, escaped quote included
  EXPECT_FALSE(json_nested_deeper_than(std::string(100, '[') + std::string(100, ']'), 100));
  EXPECT_TRUE(json_nested_deeper_than(std::string(101, '['), 100));
  EXPECT_FALSE(json_nested_deeper_than("]]]]}}}}[", 1));  // unbalanced closers never go below zero
}

}  // namespace
}  // namespace iblint
