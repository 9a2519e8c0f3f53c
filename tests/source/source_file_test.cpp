#include "source/source_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace iblint {
namespace {

TEST(SourceFile, PositionsCountCodePointsAfterBom) {
  SourceFile f("x", "\xEF\xBB\xBFk: v\n\xC3\xA9t\xC3\xA9: x\n");
  EXPECT_EQ(f.content_begin(), 3u);
  EXPECT_EQ(f.position(3), (Position{1, 1}));
  EXPECT_EQ(f.position(6), (Position{1, 4}));
  uint32_t line2 = f.line_start(2);
  EXPECT_EQ(f.position(line2 + 5), (Position{2, 4}));  // after "été"
  EXPECT_EQ(f.offset_of({2, 4}), line2 + 5);
}

TEST(SourceFile, CrlfLinesExcludeTheBreak) {
  SourceFile f("x", "a: 1\r\nb: 2\r\n");
  EXPECT_EQ(f.line_text(1), "a: 1");
  EXPECT_EQ(f.line_text(2), "b: 2");
  EXPECT_EQ(f.position(6), (Position{2, 1}));
}

TEST(SourceFile, LineStartsFollowEveryLineFeed) {
  SourceFile empty("x", "");
  EXPECT_EQ(empty.line_count(), 1u);
  EXPECT_EQ(empty.line_text(1), "");
  EXPECT_EQ(empty.position(0), (Position{1, 1}));

  SourceFile no_final_newline("x", "a: 1\nb: 2");
  EXPECT_EQ(no_final_newline.line_count(), 2u);
  EXPECT_EQ(no_final_newline.line_start(2), 5u);
  EXPECT_EQ(no_final_newline.line_text(2), "b: 2");

  SourceFile crlf_bom("x", "\xEF\xBB\xBF" "a\r\n\r\nb\r\n");
  EXPECT_EQ(crlf_bom.line_count(), 4u);  // the last line is the empty one after the final break
  EXPECT_EQ(crlf_bom.line_start(2), 6u);
  EXPECT_EQ(crlf_bom.line_start(3), 8u);
  EXPECT_EQ(crlf_bom.line_start(4), 11u);
  EXPECT_EQ(crlf_bom.line_text(2), "");
  EXPECT_EQ(crlf_bom.line_text(3), "b");
  EXPECT_EQ(crlf_bom.line_of(10), 3u);

  SourceFile only_breaks("x", "\n\n\n");
  EXPECT_EQ(only_breaks.line_count(), 4u);
  EXPECT_EQ(only_breaks.line_start(4), 3u);

  // A long line and a NUL byte: the line index reads bytes, not C strings.
  std::string long_line = std::string(100000, 'x') + std::string("\0y\nz", 4);
  SourceFile wide("x", long_line);
  EXPECT_EQ(wide.line_count(), 2u);
  EXPECT_EQ(wide.line_start(2), 100003u);
  EXPECT_EQ(wide.line_text(2), "z");
}

TEST(SourceFile, TabsCountAsOneColumn) {
  SourceFile f("x", "\tx");
  EXPECT_EQ(f.position(1), (Position{1, 2}));
}

TEST(SourceFile, Utf16ColumnsCountSurrogatePairs) {
  SourceFile f("x", "\xF0\x9F\x98\x80x");  // U+1F600 then x
  EXPECT_EQ(f.utf16_column(4), 2u);
  EXPECT_EQ(f.position(4), (Position{1, 2}));
}

TEST(SourceFile, FindsInvalidUtf8AndNul) {
  EXPECT_EQ(SourceFile("x", "ok\xC3(").first_invalid_utf8(), 2u);
  EXPECT_FALSE(SourceFile("x", "ok \xC3\xA9").first_invalid_utf8());
  EXPECT_EQ(SourceFile("x", std::string("a\0b", 3)).first_nul(), 1u);
  EXPECT_EQ(SourceFile("x", "\xED\xA0\x80").first_invalid_utf8(), 0u);  // surrogate
  EXPECT_TRUE(SourceFile("x", "\xFF\xFE" "a\0").has_utf16_or_utf32_bom());
}

TEST(SourceFile, FindsInvalidUtf8AtAnyPlaceInLongAsciiRuns) {
  // ASCII is skipped eight bytes at a time: a bad byte must be found wherever it falls.
  for (size_t before = 0; before < 40; ++before) {
    for (size_t after = 0; after < 10; ++after) {
      std::string text = std::string(before, 'a') + "\xC3\xA9" + std::string(before, 'b') + "\xFF" + std::string(after, 'c');
      EXPECT_EQ(SourceFile("x", text).first_invalid_utf8(), 2 * before + 2) << before << " " << after;
      EXPECT_FALSE(SourceFile("x", std::string(before, 'a') + "\xC3\xA9" + std::string(after, 'c')).first_invalid_utf8());
    }
  }
  EXPECT_EQ(SourceFile("x", std::string(17, 'a') + "\xC3").first_invalid_utf8(), 17u);  // cut short at the end
}

TEST(SourceFile, ReadRefusesOversizeAndDirectories) {
  EXPECT_FALSE(read_source_file("/nonexistent/file").file);
  EXPECT_NE(read_source_file("/").error.find("directory"), std::string::npos);
  ReadResult big = read_source_file(IBLINT_SOURCE_DIR "/CMakeLists.txt", 10);
  EXPECT_FALSE(big.file);
  EXPECT_NE(big.error.find("over the limit"), std::string::npos);
}

TEST(SourceFile, ReadRefusesFifosWithoutWaitingForAWriter) {
  // Opening a FIFO for reading blocks until a writer comes; iblint must never wait for one.
  std::filesystem::path fifo = std::filesystem::temp_directory_path() / ("iblint-fifo-" + std::to_string(::getpid()));
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  ReadResult read = read_source_file(fifo.string());
  std::filesystem::remove(fifo);
  EXPECT_FALSE(read.file);
  EXPECT_EQ(read.error, "is a FIFO, not a regular file");
  EXPECT_EQ(read_source_file("/dev/null").error, "is a device, not a regular file");
}

TEST(SourceFile, ReadReturnsTheBytesExactly) {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("iblint-read-" + std::to_string(::getpid()));
  std::string bytes = std::string(200000, 'x') + std::string("\0\r\n\xff", 4);
  std::ofstream(path, std::ios::binary) << bytes;
  ReadResult read = read_source_file(path.string());
  std::filesystem::remove(path);
  ASSERT_TRUE(read.file) << read.error;
  EXPECT_EQ(read.file->bytes(), bytes);
}

}  // namespace
}  // namespace iblint
