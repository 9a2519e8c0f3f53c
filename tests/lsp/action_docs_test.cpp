#include "lsp/action_docs.h"

#include <gtest/gtest.h>

namespace iblint::lsp {
namespace {

TEST(ActionDocsTest, DescribesAnActionFromTheCatalog) {
  std::string text = action_markdown(*find_action("S3Download"));
  EXPECT_NE(text.find("**S3Download** — "), std::string::npos);
  EXPECT_NE(text.find("`inputs` is a list of mappings"), std::string::npos);
  EXPECT_NE(text.find("| `overwrite` | boolean | no | `true` |"), std::string::npos) << text;
  EXPECT_EQ(text.find("Outputs:"), std::string::npos);
  EXPECT_NE(action_markdown(*find_action("Reboot")).find("Runs on Linux, Windows, macOS"), std::string::npos);
}

TEST(ActionDocsTest, DescribesAnInputWithItsAllowedValues) {
  const ActionSpec& registry = *find_action("SetRegistry");
  std::string text = input_markdown(registry, *find_input(registry, "type"));
  EXPECT_NE(text.find("Allowed values: `BINARY`, `DWORD`"), std::string::npos) << text;
  EXPECT_EQ(type_name(InputType::StringList), "list of strings");
}

}  // namespace
}  // namespace iblint::lsp
