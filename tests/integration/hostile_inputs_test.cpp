// Hostile inputs through the real binary: each must end in a clear diagnostic or error with a
// position, exit code 0, 1 or 2, no crash, within a generous wall-clock limit (`timeout`) and
// an address-space limit (`prlimit --as`; left out under AddressSanitizer, which reserves
// terabytes of address space). Inputs are generated in a temporary folder at test time.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "tests/support/shell_command.h"

namespace iblint {
namespace {
namespace fs = std::filesystem;

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif
#else
constexpr bool kSanitized = false;
#endif

struct Outcome {
  int code;         ///< iblint's exit code; 124 or 137 when timeout stopped it
  std::string out;  ///< stdout and stderr
};

class HostileInputs : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("iblint-hostile-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  fs::path write(const std::string& name, const std::string& bytes) {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  /// Runs `iblint ARGS` from the temporary folder with a wall-clock and memory limit; `as_user`
  /// is a command prefix that runs it as another user.
  Outcome lint(const std::string& args, int seconds = 60, int memory_mib = 1024, const std::string& as_user = "") {
    std::string limits = "timeout -s KILL " + std::to_string(kSanitized ? seconds * 5 : seconds) + " ";
    if (!kSanitized) limits = "prlimit --as=" + std::to_string(uint64_t(memory_mib) << 20) + " " + limits;
    test_support::RunResult r =
        test_support::run("cd '" + dir_.string() + "' && " + limits + as_user + IBLINT_BINARY + " --no-color --no-shellcheck " + args);
    return {r.code, r.out};
  }

  /// The properties every hostile input must keep.
  static void expect_survived(const Outcome& o) {
    EXPECT_GE(o.code, 0) << o.out.substr(0, 2000);
    EXPECT_LE(o.code, 2) << "exit " << o.code << " (124/137: killed by timeout)\n" << o.out.substr(0, 2000);
    for (const char* crash : {"Sanitizer", "terminate called", "Segmentation", "double free", "Aborted", "std::bad_alloc"}) {
      EXPECT_EQ(o.out.find(crash), std::string::npos) << crash << "\n" << o.out.substr(0, 2000);
    }
  }

  fs::path dir_;
};

const std::string kComponentHead =
    "name: hostile\nschemaVersion: 1.0\nphases:\n  - name: build\n    steps:\n      - name: A\n"
    "        action: ExecuteBash\n        inputs:\n          commands:\n";

std::string repeat(const std::string& piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

TEST_F(HostileInputs, HundredThousandLevelsOfBlockNesting) {
  // Compact block sequences: `- - - … x`, 100,000 levels on one line.
  write("deep.yaml", kComponentHead + "            - " + repeat("- ", 100000) + "x\n");
  Outcome o = lint("deep.yaml");
  expect_survived(o);
  EXPECT_EQ(o.code, 1);
  // 12 columns of indentation and 9,989 `- ` indicators make 10,001 levels.
  EXPECT_NE(o.out.find("deep.yaml:10:19989: error: nesting is deeper than 10000 levels here"), std::string::npos) << o.out;
}

TEST_F(HostileInputs, HundredThousandLevelsOfFlowNesting) {
  write("deep-flow.yaml", kComponentHead + "            - " + repeat("[", 100000) + repeat("]", 100000) + "\n");
  write("deep-map.json", repeat("{\"a\": ", 100000) + "1" + repeat("}", 100000) + "\n");
  Outcome o = lint("deep-flow.yaml deep-map.json");
  expect_survived(o);
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("deep-flow.yaml:10:10015: error: nesting is deeper than 10000"), std::string::npos) << o.out;
  // Not known to be a component or template, yet reported: the file could not be read at all.
  EXPECT_NE(o.out.find("deep-map.json:1:60001: error: nesting is deeper than 10000"), std::string::npos) << o.out;
}

TEST_F(HostileInputs, NestingJustUnderTheParserLimitIsParsedAndCutAtTheModelLimit) {
  write("deep.yaml", kComponentHead + "            - " + repeat("[", 9000) + repeat("]", 9000) + "\n");
  Outcome o = lint("deep.yaml");
  expect_survived(o);
  EXPECT_NE(o.out.find("deep.yaml:10:509: error: nesting is deeper than 500 levels"), std::string::npos) << o.out;
}

TEST_F(HostileInputs, BillionLaughsAliasBomb) {
  std::string laughs = "  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int i = 1; i < 10; ++i) {
    std::string prev = "*a" + std::to_string(i - 1);
    laughs += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + repeat(prev + ", ", 8) + prev + "]\n";
  }
  // In a component (walked by the component rules) and in a template (walked by the resource
  // rules and the CloudFormation evaluator, which follow aliases).
  write("laughs.yaml", "x-laughs:\n" + laughs + kComponentHead + "            - *a9\n");
  write("laughs-stack.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nx-laughs:\n" + laughs +
                                 "Resources:\n  C:\n    Type: AWS::ImageBuilder::Component\n    Properties:\n"
                                 "      Name: c\n      Version: 1.0.0\n      Platform: Linux\n      Tags: *a9\n      Data: *a9\n"
                                 "  R:\n    Type: AWS::ImageBuilder::ImageRecipe\n    Properties:\n      Components: *a9\n");
  Outcome o = lint("laughs.yaml laughs-stack.yaml", 30, 512);
  expect_survived(o);
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("laughs.yaml:7:12: error: aliases expand to more than 100000 nodes"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("laughs-stack.yaml:8:12: error: aliases expand to more than 100000 nodes"), std::string::npos) << o.out;
}

TEST_F(HostileInputs, SixtyFourMebibyteFiles) {
  // Exactly the default limit: linted, in bounded time and memory. One byte more: refused.
  constexpr size_t kMaxBytes = 64u << 20;
  if (kSanitized) GTEST_SKIP() << "64 MiB under AddressSanitizer takes many minutes; the normal build runs it";
  std::string line = "            - echo 'an ordinary command, padded to seventy bytes or so'\n";
  std::string text = kComponentHead + "            - echo {{ undefined }}\n";
  text += repeat(line, (kMaxBytes - text.size()) / line.size());
  text += std::string(kMaxBytes - text.size() - 1, '#') + "\n";
  ASSERT_EQ(text.size(), kMaxBytes);
  write("big.yaml", text);
  Outcome o = lint("big.yaml", 600, 2048);
  expect_survived(o);
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("big.yaml:10:23: error: `{{ undefined }}` is not a declared"), std::string::npos) << o.out.substr(0, 2000);

  write("bigger.yaml", text + "\n");
  Outcome refused = lint("bigger.yaml", 30, 512);
  expect_survived(refused);
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.out.find("bigger.yaml: file is 67108865 bytes, over the limit of 67108864"), std::string::npos)
      << refused.out;
}

TEST_F(HostileInputs, SeventyThousandCommentLinesInARow) {
  // tree-sitter 0.20.7 corrupts its heap after ~65,000 comments in a row; iblint hides them from it.
  write("comments.yaml", kComponentHead + "            - echo {{ undefined }}\n" + repeat("# a comment\n", 70000) +
                             "      - name: B\n        action: ExecuteBAsh\n");
  Outcome o = lint("comments.yaml");
  expect_survived(o);
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("comments.yaml:10:23: error: `{{ undefined }}` is not a declared"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("comments.yaml:70012:17: error: unknown action `ExecuteBAsh`"), std::string::npos) << o.out;
}

TEST_F(HostileInputs, TwoMebibyteSingleLine) {
  // The finding sits 2 MiB into one line: columns far beyond 16 bits are exact.
  std::string wide(2u << 20, 'x');
  write("wide.yaml", kComponentHead + "            - \"echo " + wide + "\"\n      - name: B\n        action: ExecuteBash\n"
                     "        inputs: {commands: [\"" + wide + "\", \"{{ undefined }}\"]}\n");
  Outcome o = lint("wide.yaml", 120);
  expect_survived(o);
  EXPECT_EQ(o.code, 1);
  // `        inputs: {commands: ["` is 29 columns, `", "{{ ` 7 more: `undefined` starts at wide + 37.
  EXPECT_NE(o.out.find("wide.yaml:13:" + std::to_string(wide.size() + 37) + ": error:"), std::string::npos)
      << o.out.substr(0, 1000);
  EXPECT_LT(o.out.size(), 20000u) << "the code frame should show a window of the line, not 2 MiB";
}

TEST_F(HostileInputs, NulBytesInvalidUtf8AndUtf16) {
  write("nul.yaml", kComponentHead + "            - echo a" + std::string(1, '\0') + "b\n");
  write("bad-utf8.yaml", kComponentHead + "            - echo \xff\xfe\n");
  std::string utf16 = "\xff\xfe";
  for (char c : kComponentHead) utf16 += std::string{c, '\0'};
  write("utf16.yaml", utf16);
  Outcome o = lint("nul.yaml bad-utf8.yaml utf16.yaml");
  expect_survived(o);
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("nul.yaml:10:21: error: the file holds a NUL byte"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("bad-utf8.yaml:10:20: error: invalid UTF-8 byte 0xFF"), std::string::npos) << o.out;
  EXPECT_NE(o.out.find("utf16.yaml:1:1: error: the file is UTF-16 or UTF-32 encoded"), std::string::npos) << o.out;
}

TEST_F(HostileInputs, SymlinkLoops) {
  write("dir/ok.yaml", kComponentHead + "            - echo ok\n");
  fs::create_directory_symlink("..", dir_ / "dir" / "up");          // a folder loop
  fs::create_directory_symlink("../dir", dir_ / "dir" / "self");
  fs::create_symlink("b.yaml", dir_ / "dir" / "a.yaml");             // a file loop
  fs::create_symlink("a.yaml", dir_ / "dir" / "b.yaml");
  Outcome folder = lint("dir", 30, 512);
  expect_survived(folder);
  EXPECT_EQ(folder.code, 0) << folder.out;
  Outcome direct = lint("dir/a.yaml", 30, 512);
  expect_survived(direct);
  EXPECT_EQ(direct.code, 2);
  EXPECT_NE(direct.out.find("dir/a.yaml: Too many levels of symbolic links"), std::string::npos) << direct.out;
}

TEST_F(HostileInputs, UnreadableFifo) {
  // A FIFO cannot be read by anyone, root included: without a writer, opening it would wait forever.
  ASSERT_EQ(::mkfifo((dir_ / "pipe.yaml").c_str(), 0600), 0);
  write("ok.yaml", kComponentHead + "            - echo ok\n");
  Outcome fifo = lint("pipe.yaml ok.yaml", 30, 512);
  expect_survived(fifo);
  EXPECT_EQ(fifo.code, 2);
  EXPECT_NE(fifo.out.find("pipe.yaml: is a FIFO, not a regular file"), std::string::npos) << fifo.out;
  // Found while walking a folder, a FIFO is not a file to lint: skipped, no wait.
  Outcome walked = lint(".", 30, 512);
  expect_survived(walked);
  EXPECT_EQ(walked.code, 0) << walked.out;
}

TEST_F(HostileInputs, UnreadableFilesByPermission) {
  fs::path secret = write("secret.yaml", kComponentHead + "            - echo secret\n");
  fs::permissions(secret, fs::perms::none);
  // Root reads a file with mode 000, so as root iblint runs as `nobody`.
  std::string as_user;
  if (::geteuid() == 0) {
    if (::access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "running as root without setpriv to drop root";
    as_user = "/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  Outcome denied = lint("secret.yaml", 30, 512, as_user);
  expect_survived(denied);
  EXPECT_EQ(denied.code, 2);
  EXPECT_NE(denied.out.find("secret.yaml: cannot open: Permission denied"), std::string::npos) << denied.out;
}

TEST_F(HostileInputs, TenThousandFilesInOneFolder) {
  for (int i = 0; i < 10000; ++i) {
    write("many/c" + std::to_string(i) + ".yaml",
          kComponentHead + (i == 7777 ? "            - echo {{ undefined }}\n" : "            - echo ok\n"));
  }
  Outcome o = lint("many", 300, 2048);
  expect_survived(o);
  EXPECT_EQ(o.code, 1);
  EXPECT_NE(o.out.find("many/c7777.yaml:10:23: error:"), std::string::npos) << o.out.substr(0, 2000);
  EXPECT_NE(o.out.find("in 10000 files"), std::string::npos) << o.out.substr(o.out.size() > 500 ? o.out.size() - 500 : 0);
}

TEST_F(HostileInputs, FilesDeletedWhileLinting) {
  // The files vanish while iblint walks and reads them: each missing one is an error naming it,
  // never a crash. Which ones vanish in time depends on scheduling; the properties do not.
  for (int i = 0; i < 3000; ++i) write("gone/c" + std::to_string(i) + ".yaml", kComponentHead + "            - echo ok\n");
  std::thread remover([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::error_code ec;
    for (int i = 2999; i >= 0; i -= 2) fs::remove(dir_ / "gone" / ("c" + std::to_string(i) + ".yaml"), ec);
  });
  Outcome o = lint("gone", 120, 1024);
  remover.join();
  expect_survived(o);
  if (o.code == 2) {
    EXPECT_NE(o.out.find("gone/c"), std::string::npos) << o.out.substr(0, 2000);
    EXPECT_NE(o.out.find("No such file or directory"), std::string::npos) << o.out.substr(0, 2000);
  } else {
    EXPECT_EQ(o.code, 0) << o.out.substr(0, 2000);
  }
  // A file deleted after it was named on the command line: exit 2 with the reason.
  Outcome named = lint("gone/c1.yaml");
  expect_survived(named);
  EXPECT_EQ(named.code, 2);
  EXPECT_NE(named.out.find("gone/c1.yaml: no such file or directory"), std::string::npos) << named.out;
}

TEST_F(HostileInputs, LanguageServerGetsDeeplyNestedJson) {
  auto frame = [](const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; };
  std::string deep = repeat("[", 1000000) + repeat("]", 1000000);
  write("session.bin",
        frame("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{},"
              "\"initializationOptions\":{\"x\":" + deep + "}}}") +
            frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}") +
            frame("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"shutdown\"}") + frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}"));
  test_support::RunResult r = test_support::run("cd '" + dir_.string() + "' && timeout -s KILL " +
                                                std::to_string(kSanitized ? 300 : 60) + " " + IBLINT_BINARY +
                                                " lsp < session.bin");
  EXPECT_EQ(r.code, 0) << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("nests deeper than 512 levels"), std::string::npos) << r.out.substr(0, 2000);
  EXPECT_NE(r.out.find("\"id\":2,\"jsonrpc\":\"2.0\",\"result\""), std::string::npos) << r.out.substr(0, 2000);
}

}  // namespace
}  // namespace iblint
