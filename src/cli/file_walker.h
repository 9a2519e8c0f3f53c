#pragma once
#include <string>
#include <vector>

namespace iblint {

struct WalkedFile {
  std::string path;       ///< path to open
  bool explicit_ = false; ///< named on the command line (not found by walking a folder)
};

struct WalkResult {
  std::vector<WalkedFile> files;    ///< sorted, without duplicates
  std::vector<std::string> errors;  ///< "PATH: reason" for arguments that do not exist
};

/// Expands command-line paths: files are taken as given; folders are walked recursively for
/// *.yml, *.yaml and *.json, skipping hidden folders and node_modules. Symlinked folders are
/// not followed (no loops); unreadable folders are skipped.
WalkResult walk_paths(const std::vector<std::string>& paths);

}  // namespace iblint
