#include "cli/file_walker.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace iblint {
namespace fs = std::filesystem;

namespace {

bool lintable_extension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".yml" || ext == ".yaml" || ext == ".json";
}

bool skipped_folder(const fs::path& path) {
  std::string name = path.filename().string();
  return (name.size() > 1 && name[0] == '.' && name != "..") || name == "node_modules";
}

}  // namespace

WalkResult walk_paths(const std::vector<std::string>& paths) {
  WalkResult result;
  std::set<std::string> seen;
  auto add = [&](std::string path, bool is_explicit) {
    if (path.rfind("./", 0) == 0 && path.size() > 2) path = path.substr(2);
    if (seen.insert(path).second) result.files.push_back({path, is_explicit});
  };
  for (const std::string& arg : paths) {
    std::error_code ec;
    fs::file_status status = fs::status(arg, ec);
    if (ec && ec != std::errc::no_such_file_or_directory) {
      result.errors.push_back(arg + ": " + ec.message());  // e.g. a symlink loop: "Too many levels of symbolic links"
      continue;
    }
    if (ec || !fs::exists(status)) {
      result.errors.push_back(arg + ": no such file or directory");
      continue;
    }
    if (!fs::is_directory(status)) {
      add(arg, true);
      continue;
    }
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      result.errors.push_back(arg + ": " + ec.message());
      continue;
    }
    std::vector<std::string> found;
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      std::error_code type_ec;
      if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec)) {
        if (skipped_folder(entry.path())) it.disable_recursion_pending();
        continue;
      }
      if (entry.is_regular_file(type_ec) && lintable_extension(entry.path())) found.push_back(entry.path().string());
    }
    if (ec) result.errors.push_back(arg + ": " + ec.message());
    std::sort(found.begin(), found.end());
    for (std::string& path : found) add(std::move(path), false);
  }
  std::stable_sort(result.files.begin(), result.files.end(),
                   [](const WalkedFile& a, const WalkedFile& b) { return a.path < b.path; });
  return result;
}

}  // namespace iblint
