#include "cli/file_walker.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace iblint {
namespace {
namespace fs = std::filesystem;

TEST(FileWalker, WalksFoldersForYamlAndJsonSkippingHiddenAndSymlinkLoops) {
  fs::path dir = fs::temp_directory_path() / ("iblint-walk-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "a" / "b");
  fs::create_directories(dir / ".git");
  fs::create_directories(dir / "node_modules");
  for (const char* f : {"a/x.yaml", "a/b/y.YML", "a/z.json", "a/readme.md", ".git/c.yaml", "node_modules/n.yaml"})
    std::ofstream(dir / f) << "x: 1\n";
  fs::create_directory_symlink(dir, dir / "a" / "loop");
  WalkResult r = walk_paths({dir.string(), (dir / "a" / "readme.md").string()});
  std::vector<std::string> names;
  for (const WalkedFile& f : r.files) names.push_back(fs::relative(f.path, dir).generic_string());
  EXPECT_EQ(names, (std::vector<std::string>{"a/b/y.YML", "a/readme.md", "a/x.yaml", "a/z.json"}));
  EXPECT_TRUE(r.errors.empty());
  WalkResult missing = walk_paths({(dir / "nope").string()});
  ASSERT_EQ(missing.errors.size(), 1u);
  fs::remove_all(dir);
}

TEST(FileWalker, NamesTheSymlinkLoopOfAnExplicitPath) {
  fs::path dir = fs::temp_directory_path() / ("iblint-walk-loop-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::create_symlink("b.yaml", dir / "a.yaml");
  fs::create_symlink("a.yaml", dir / "b.yaml");
  WalkResult folder = walk_paths({dir.string()});
  EXPECT_TRUE(folder.files.empty());  // neither link leads to a file
  EXPECT_TRUE(folder.errors.empty());
  WalkResult loop = walk_paths({(dir / "a.yaml").string()});
  ASSERT_EQ(loop.errors.size(), 1u);
  EXPECT_EQ(loop.errors[0], (dir / "a.yaml").string() + ": Too many levels of symbolic links");
  WalkResult missing = walk_paths({(dir / "nope.yaml").string()});
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0], (dir / "nope.yaml").string() + ": no such file or directory");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace iblint
