// The programs allocate with mimalloc when the build found it (CMakeLists.txt): iblint, and the
// raw-parse floor that bench/compare.py measures it against, so that the floor stays iblint's own.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {

using test_support::run;

/// mimalloc prints its heap statistics at exit when MIMALLOC_SHOW_STATS is set; a program that
/// does not load it ignores the variable. The committed peak shows that allocations went there.
double committed_mib_under_mimalloc(const std::string& command) {
  test_support::RunResult result = run("MIMALLOC_SHOW_STATS=1 " + command + " >/dev/null");
  std::smatch match;
  static const std::regex kCommitted(R"(committed:\s+([0-9.]+) (KiB|MiB))");
  if (!std::regex_search(result.out, match, kCommitted)) return 0;
  return std::stod(match[1]) / (match[2] == "KiB" ? 1024 : 1);
}

TEST(Allocator, IblintAndTheRawParseFloorBothAllocateWithMimalloc) {
  if (!IBLINT_BUILT_WITH_MIMALLOC) GTEST_SKIP() << "built without mimalloc (no libmimalloc-dev, or a sanitizer build)";
  const std::string fixture = std::string(IBLINT_SOURCE_DIR) + "/fixtures/examples/hello-world.yaml";
  EXPECT_GT(committed_mib_under_mimalloc(std::string(IBLINT_BINARY) + " --no-shellcheck '" + fixture + "'"), 0);
  EXPECT_GT(committed_mib_under_mimalloc(std::string(IBLINT_RAW_PARSE_BINARY) + " '" + fixture + "'"), 0);
}

TEST(Allocator, AProgramWithoutMimallocPrintsNoHeapStatistics) {
  // The check above would pass for any program if the variable made every program print.
  EXPECT_EQ(committed_mib_under_mimalloc("/bin/true"), 0);
}

}  // namespace
}  // namespace iblint
