// The programs are static PIE executables that allocate with jemalloc when the build could link
// them so (CMakeLists.txt): iblint, and the raw-parse floor that bench/compare.py measures it
// against, so that the floor stays iblint's own.
#include <elf.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {

using test_support::run;

constexpr const char* kSkipReason = "not linked static (no libjemalloc-dev, no static C library, or a sanitizer build)";

/// jemalloc prints its statistics, options included, at exit when MALLOC_CONF asks for them; a
/// program that does not allocate with it ignores the variable.
std::string jemalloc_statistics(const std::string& command) {
  return run("MALLOC_CONF=stats_print:true " + command + " 2>&1 >/dev/null").out;
}

bool prints_jemalloc_statistics(const std::string& command) {
  return jemalloc_statistics(command).find("Begin jemalloc statistics") != std::string::npos;
}

/// A program that the dynamic loader must start names it in a PT_INTERP program header.
bool names_a_dynamic_loader(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Elf64_Ehdr header{};
  in.read(reinterpret_cast<char*>(&header), sizeof header);
  EXPECT_TRUE(in && std::string(reinterpret_cast<const char*>(header.e_ident), 4) == ELFMAG) << path;
  for (unsigned i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr program{};
    in.seekg(static_cast<std::streamoff>(header.e_phoff + i * header.e_phentsize));
    in.read(reinterpret_cast<char*>(&program), sizeof program);
    EXPECT_TRUE(in) << path << ": program header " << i;
    if (program.p_type == PT_INTERP) return true;
  }
  return false;
}

TEST(ProgramLink, IblintAndTheRawParseFloorBothAllocateWithJemalloc) {
  if (!IBLINT_STATIC_PROGRAMS) GTEST_SKIP() << kSkipReason;
  const std::string fixture = std::string(IBLINT_SOURCE_DIR) + "/fixtures/examples/hello-world.yaml";
  EXPECT_TRUE(prints_jemalloc_statistics(std::string(IBLINT_BINARY) + " --no-shellcheck '" + fixture + "'"));
  EXPECT_TRUE(prints_jemalloc_statistics(std::string(IBLINT_RAW_PARSE_BINARY) + " '" + fixture + "'"));
}

TEST(ProgramLink, IblintAndTheRawParseFloorAskForTransparentHugePages) {
  if (!IBLINT_STATIC_PROGRAMS) GTEST_SKIP() << kSkipReason;
  // src/jemalloc_options.cpp; "default" when the variable is not linked in.
  EXPECT_NE(jemalloc_statistics(std::string(IBLINT_BINARY) + " --version").find("opt.thp: \"always\""),
            std::string::npos);
  EXPECT_NE(jemalloc_statistics(IBLINT_RAW_PARSE_BINARY).find("opt.thp: \"always\""), std::string::npos);
}

TEST(ProgramLink, AProgramWithoutJemallocPrintsNoStatistics) {
  // The check above would pass for any program if the variable made every program print.
  EXPECT_FALSE(prints_jemalloc_statistics("/bin/true"));
}

TEST(ProgramLink, IblintAndTheRawParseFloorStartWithoutTheDynamicLoader) {
  if (!IBLINT_STATIC_PROGRAMS) GTEST_SKIP() << kSkipReason;
  EXPECT_FALSE(names_a_dynamic_loader(IBLINT_BINARY));
  EXPECT_FALSE(names_a_dynamic_loader(IBLINT_RAW_PARSE_BINARY));
  EXPECT_TRUE(names_a_dynamic_loader("/bin/true"));  // the check can see a dynamic program
}

}  // namespace
}  // namespace iblint
