#include "fix/file_writer.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace iblint {
namespace {
namespace fs = std::filesystem;

class FixFileWriter : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-writer-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add);
    fs::remove_all(dir_);
  }
  std::string write(const std::string& name, const std::string& text) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  static std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  size_t entries() const { return static_cast<size_t>(std::distance(fs::directory_iterator(dir_), fs::directory_iterator())); }
  fs::path dir_;
};

mode_t mode_of(const std::string& path) {
  struct stat st{};
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

TEST_F(FixFileWriter, ReplacesTheContentAndKeepsThePermissions) {
  std::string path = write("a.yaml", "old\n");
  ASSERT_EQ(::chmod(path.c_str(), 0751), 0);
  std::string error;
  ASSERT_TRUE(replace_file_atomically(path, "new\r\n\xEF\xBB\xBF", error)) << error;
  EXPECT_EQ(read(path), "new\r\n\xEF\xBB\xBF");
  EXPECT_EQ(mode_of(path), 0751u);
  EXPECT_EQ(entries(), 1u);  // no temporary file left behind
}

TEST_F(FixFileWriter, WritesThroughASymbolicLink) {
  fs::create_directories(dir_ / "real");
  std::string target = write("real/a.yaml", "old\n");
  ASSERT_EQ(::chmod(target.c_str(), 0600), 0);
  fs::create_symlink("real/a.yaml", dir_ / "link.yaml");
  fs::create_symlink("link.yaml", dir_ / "link2.yaml");
  std::string error;
  ASSERT_TRUE(replace_file_atomically((dir_ / "link2.yaml").string(), "new\n", error)) << error;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.yaml"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link2.yaml"));
  EXPECT_EQ(fs::read_symlink(dir_ / "link.yaml"), fs::path("real/a.yaml"));
  EXPECT_EQ(read(target), "new\n");
  EXPECT_EQ(mode_of(target), 0600u);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "real"), fs::directory_iterator()), 1);
}

TEST_F(FixFileWriter, RefusesWhatItCannotReplace) {
  std::string error;
  EXPECT_FALSE(replace_file_atomically((dir_ / "missing.yaml").string(), "x", error));
  EXPECT_NE(error.find("cannot write"), std::string::npos);
  fs::create_directories(dir_ / "folder.yaml");
  EXPECT_FALSE(replace_file_atomically((dir_ / "folder.yaml").string(), "x", error));
  fs::create_symlink("nowhere.yaml", dir_ / "dangling.yaml");
  EXPECT_FALSE(replace_file_atomically((dir_ / "dangling.yaml").string(), "x", error));
  EXPECT_FALSE(fs::exists(dir_ / "nowhere.yaml"));
}

TEST_F(FixFileWriter, ReadOnlyFileOrFolderIsLeftIntact) {
  if (::geteuid() == 0) GTEST_SKIP() << "root may write anything; FixCommand tests this as an unprivileged user";
  std::string path = write("a.yaml", "old\n");
  ASSERT_EQ(::chmod(path.c_str(), 0444), 0);
  std::string error;
  EXPECT_FALSE(replace_file_atomically(path, "new\n", error));
  EXPECT_EQ(read(path), "old\n");

  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  ASSERT_EQ(::chmod(dir_.c_str(), 0555), 0);
  EXPECT_FALSE(replace_file_atomically(path, "new\n", error));
  EXPECT_NE(error.find("temporary file"), std::string::npos);
  EXPECT_EQ(read(path), "old\n");
  EXPECT_EQ(entries(), 1u);
}

}  // namespace
}  // namespace iblint
