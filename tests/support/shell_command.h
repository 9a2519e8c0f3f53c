#pragma once
// Runs a shell command for the integration tests, which drive real tools (pre-commit, shells,
// cmake --install, dpkg): stdin is /dev/null (as in CI), stdout and stderr are captured together.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace iblint::test_support {

struct RunResult {
  int code;
  std::string out;  ///< stdout and stderr
};

inline RunResult run(const std::string& command) {
  FILE* pipe = ::popen(("(" + command + ") </dev/null 2>&1").c_str(), "r");
  if (!pipe) return {-1, "popen failed"};
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

/// Like run(), but captures stdout alone and drops stderr (a redirection of stderr inside the
/// command still wins, for callers that keep it in a file).
inline RunResult run_stdout(const std::string& command) {
  return run("(" + command + ") 2>/dev/null");
}

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace iblint::test_support
