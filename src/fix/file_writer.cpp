#include "fix/file_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace iblint {
namespace fs = std::filesystem;

namespace {

std::string reason(int error_number) { return std::strerror(error_number); }

bool write_all(int fd, std::string_view bytes) {
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    written += static_cast<size_t>(n);
  }
  return true;
}

}  // namespace

bool replace_file_atomically(const std::string& path, std::string_view bytes, std::string& error) {
  // Write through a symbolic link to the file it names: renaming over the link would replace
  // the link itself with a regular file.
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr) {
    error = "cannot write: " + reason(errno);
    return false;
  }
  const std::string target = resolved;
  struct stat st{};
  if (::stat(target.c_str(), &st) != 0) {
    error = "cannot write: " + reason(errno);
    return false;
  }
  if (!S_ISREG(st.st_mode)) {
    error = "cannot write: not a regular file";
    return false;
  }
  if (::access(target.c_str(), W_OK) != 0) {
    error = "cannot write: " + reason(errno);
    return false;
  }

  const fs::path target_path(target);
  const fs::path dir = target_path.parent_path().empty() ? fs::path(".") : target_path.parent_path();
  std::string tmp_template = (dir / ("." + target_path.filename().string() + ".iblint-XXXXXX")).string();
  std::vector<char> name(tmp_template.begin(), tmp_template.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    error = "cannot write: cannot create a temporary file in " + dir.string() + ": " + reason(errno);
    return false;
  }
  auto fail = [&](const std::string& what, int error_number) {
    ::close(fd);
    ::unlink(name.data());
    error = "cannot write: " + what + ": " + reason(error_number);
    return false;
  };
  // Owner first: changing the owner may clear set-user-ID bits that fchmod then restores. A user
  // who may not give the file its group keeps their own.
  if (::fchown(fd, st.st_uid, st.st_gid) != 0 && ::fchown(fd, static_cast<uid_t>(-1), st.st_gid) != 0) {
    // not permitted: the new file keeps the writer's owner and group
  }
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions", errno);
  if (!write_all(fd, bytes)) return fail("write failed", errno);
  if (::fsync(fd) != 0) return fail("fsync failed", errno);
  if (::close(fd) != 0) {
    int e = errno;
    ::unlink(name.data());
    error = "cannot write: close failed: " + reason(e);
    return false;
  }
  if (::rename(name.data(), target.c_str()) != 0) {
    int e = errno;
    ::unlink(name.data());
    error = "cannot write: rename failed: " + reason(e);
    return false;
  }
  // Make the rename itself durable.
  int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
  return true;
}

}  // namespace iblint
