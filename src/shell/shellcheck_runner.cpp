#include "shell/shellcheck_runner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include <nlohmann/json.hpp>

#include "shell/process_slots.h"

extern char** environ;

namespace iblint::shell {
namespace {

/// Output larger than this is not a shellcheck report we want to read.
constexpr size_t kMaxOutput = 64u << 20;

/// Closes a file descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  explicit Fd(int f = -1) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

/// The executable's path: itself when it holds a `/`, else the first match on PATH.
std::optional<std::string> find_executable(const std::string& name) {
  if (name.find('/') != std::string::npos) return is_executable_file(name) ? std::optional(name) : std::nullopt;
  const char* path = std::getenv("PATH");
  std::string_view dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    size_t colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + name;
    if (is_executable_file(candidate)) return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

/// An anonymous temporary file (created with mkostemp, unlinked at once) holding text, at offset 0.
int anonymous_file(std::string_view text, std::string* error) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/iblint-shellcheck-XXXXXX";
  int fd = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd < 0) {
    *error = std::string("cannot create a temporary file: ") + std::strerror(errno);
    return -1;
  }
  ::unlink(pattern.c_str());
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      *error = std::string("cannot write a temporary file: ") + std::strerror(errno);
      ::close(fd);
      return -1;
    }
    done += static_cast<size_t>(n);
  }
  ::lseek(fd, 0, SEEK_SET);
  return fd;
}

std::string read_all(int fd, size_t limit) {
  std::string out;
  ::lseek(fd, 0, SEEK_SET);
  char buffer[4096];
  while (out.size() < limit) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    out.append(buffer, static_cast<size_t>(n));
  }
  return out;
}

/// Waits for pid until deadline; kills it then. Returns the wait status, or nullopt on timeout.
std::optional<int> wait_until(pid_t pid, std::chrono::steady_clock::time_point deadline) {
  while (true) {
    int status = 0;
    pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) return status;
    if (r < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return std::nullopt;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

std::optional<std::vector<ShellcheckComment>> run_uncached(std::string_view script, const ShellcheckOptions& options,
                                                           std::string* error) {
  std::optional<std::string> executable = find_executable(options.executable);
  if (!executable) {
    *error = std::string(kShellcheckNotFound);
    return std::nullopt;
  }
  Fd input(anonymous_file(script, error));
  if (input.fd < 0) return std::nullopt;
  Fd errors(anonymous_file("", error));
  if (errors.fd < 0) return std::nullopt;
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    *error = std::string("cannot create a pipe: ") + std::strerror(errno);
    return std::nullopt;
  }
  Fd out_read(pipe_fds[0]);
  Fd out_write(pipe_fds[1]);

  std::vector<std::string> args{*executable, "-s", "bash", "-f", "json1"};
  if (options.rc_directory.empty()) args.insert(args.begin() + 1, "--norc");
  if (!options.exclude.empty()) {
    std::string codes;
    for (int code : options.exclude) codes += (codes.empty() ? "SC" : ",SC") + std::to_string(code);
    args.push_back("-e");
    args.push_back(codes);
  }
  args.push_back("-");
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, input.fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_write.fd, 1);
  posix_spawn_file_actions_adddup2(&actions, errors.fd, 2);
  // The script comes on stdin, so shellcheck looks for .shellcheckrc from its working folder.
  if (!options.rc_directory.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.rc_directory.c_str());
  ProcessSlot slot;  // held until the child is reaped: at most max_concurrent_processes() children
  pid_t pid = 0;
  int spawned = ::posix_spawn(&pid, executable->c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    *error = "cannot run " + *executable + ": " + std::strerror(spawned);
    return std::nullopt;
  }
  out_write.reset();

  auto deadline = std::chrono::steady_clock::now() + options.timeout;
  std::string output;
  bool timed_out = false;
  bool too_large = false;
  while (true) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{out_read.fd, POLLIN, 0};
    int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 1000)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) break;
    if (ready == 0) continue;
    char buffer[65536];
    ssize_t n = ::read(out_read.fd, buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) break;  // end of output
    output.append(buffer, static_cast<size_t>(n));
    if (output.size() > kMaxOutput) {
      too_large = true;
      break;
    }
  }
  if (timed_out || too_large) {
    ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    *error = timed_out ? "shellcheck did not finish within " + std::to_string(options.timeout.count()) + " ms"
                       : std::string("shellcheck printed too much output");
    return std::nullopt;
  }
  out_read.reset();
  std::optional<int> status = wait_until(pid, deadline);
  if (!status) {
    *error = "shellcheck did not finish within " + std::to_string(options.timeout.count()) + " ms";
    return std::nullopt;
  }
  // 0: no comments, 1: comments; anything else is a failure of shellcheck itself.
  if (!WIFEXITED(*status) || (WEXITSTATUS(*status) != 0 && WEXITSTATUS(*status) != 1)) {
    std::string message = read_all(errors.fd, 4096);
    while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
    *error = "shellcheck failed (" +
             (WIFEXITED(*status) ? "exit status " + std::to_string(WEXITSTATUS(*status))
                                 : "signal " + std::to_string(WIFSIGNALED(*status) ? WTERMSIG(*status) : 0)) +
             ")" + (message.empty() ? "" : ": " + message);
    return std::nullopt;
  }
  return parse_shellcheck_json(output, error);
}

}  // namespace

std::optional<std::vector<ShellcheckComment>> parse_shellcheck_json(std::string_view json, std::string* error) {
  nlohmann::json doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("comments") || !doc["comments"].is_array()) {
    *error = "shellcheck printed something that is not its json1 report";
    return std::nullopt;
  }
  std::vector<ShellcheckComment> out;
  for (const nlohmann::json& c : doc["comments"]) {
    if (!c.is_object()) continue;
    auto integer = [&](const char* key) {
      auto it = c.find(key);
      return it != c.end() && it->is_number_integer() ? it->get<int>() : 0;
    };
    auto text = [&](const char* key) {
      auto it = c.find(key);
      return it != c.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    ShellcheckComment comment;
    comment.line = integer("line");
    comment.column = integer("column");
    comment.end_line = integer("endLine");
    comment.end_column = integer("endColumn");
    comment.code = integer("code");
    comment.level = text("level");
    comment.message = text("message");
    if (comment.line <= 0 || comment.column <= 0 || comment.code <= 0) continue;
    if (comment.end_line < comment.line || (comment.end_line == comment.line && comment.end_column < comment.column)) {
      comment.end_line = comment.line;
      comment.end_column = comment.column;
    }
    out.push_back(std::move(comment));
  }
  return out;
}

std::optional<std::vector<ShellcheckComment>> run_shellcheck(std::string_view script, const ShellcheckOptions& options,
                                                             std::string* error) {
  return run_uncached(script, options, error);
}

std::optional<std::vector<ShellcheckComment>> run_shellcheck(std::string_view script, std::string* error,
                                                             const std::string& rc_directory) {
  static std::mutex mutex;
  static std::map<std::pair<std::string, std::string>, std::vector<ShellcheckComment>> cache;
  std::pair<std::string, std::string> key{std::string(script), rc_directory};
  {
    std::lock_guard lock(mutex);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
  }
  ShellcheckOptions options;
  options.rc_directory = rc_directory;
  std::optional<std::vector<ShellcheckComment>> result = run_uncached(script, options, error);
  if (result) {
    std::lock_guard lock(mutex);
    cache.emplace(std::move(key), *result);
  }
  return result;
}

void note_once(const std::string& message) {
  static std::mutex mutex;
  static std::set<std::string> said;
  std::lock_guard lock(mutex);
  if (said.insert(message).second) std::cerr << "iblint: " << message << "\n";
}

}  // namespace iblint::shell
