#include "catalog/managed_components.h"

#include <gtest/gtest.h>

#include <set>

#include "catalog/action_catalog.h"

namespace iblint {
namespace {

TEST(ManagedComponents, NamesAreUniqueLowerCaseArnSegments) {
  std::set<std::string_view> names;
  for (const ManagedComponent& c : managed_components()) {
    EXPECT_TRUE(names.insert(c.name).second) << c.name;
    for (char ch : c.name) EXPECT_TRUE((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-') << c.name;
    EXPECT_NE(c.platforms, 0u) << c.name;
  }
}

TEST(ManagedComponents, FindsThePatchingComponents) {
  const ManagedComponent* update_linux = find_managed_component("update-linux");
  ASSERT_NE(update_linux, nullptr);
  EXPECT_EQ(update_linux->platforms, static_cast<unsigned>(kLinux));
  EXPECT_FALSE(update_linux->test);
  ASSERT_NE(find_managed_component("update-windows"), nullptr);
  EXPECT_TRUE(find_managed_component("reboot-test-linux")->test);
  EXPECT_EQ(find_managed_component("update-linx"), nullptr);
}

}  // namespace
}  // namespace iblint
