#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/config.h"
#include "engine/linter.h"
#include "engine/profile.h"
#include "engine/rule_selection.h"

namespace iblint::lsp {

/// What the editor configures, from initializationOptions or workspace/didChangeConfiguration:
///
///   {"iblint": {"select": ["IB1"], "ignore": ["IB106"], "severity": {"IB105": "warning"},
///               "profile": "seed-2020", "platform": "linux", "shellcheck": false,
///               "debounceMs": 150, "config": "/path/.iblint.yaml"}}
///
/// (the object inside `iblint` is accepted on its own too). These sit on top of the nearest
/// `.iblint.yaml`, as command-line options do.
struct ClientSettings {
  RuleSelection selection;
  std::optional<Profile> profile;
  unsigned platform = 0;  ///< catalog Platform bits; 0 = inferred
  bool shellcheck = true;
  int debounce_ms = 150;
  std::string config_path;  ///< like --config: this file instead of finding `.iblint.yaml`
};

/// Reads client settings. Unknown keys are ignored (editors send whole sections); a wrong type
/// or value leaves that setting at its default and adds a message to problems.
ClientSettings parse_client_settings(const nlohmann::json& settings, std::vector<std::string>& problems);

/// The settings one document is linted with.
struct DocumentSettings {
  bool excluded = false;  ///< `exclude`d by its configuration: nothing is reported
  Profile profile = Profile::Current;
  LintSettings lint;
  std::shared_ptr<const RuleSelection> selection;  ///< what lint's callbacks read
};

/// Stacks the client's settings on the document's configuration (null when there is none);
/// path is the document's absolute path (nullopt for unsaved buffers).
DocumentSettings document_settings(const ClientSettings& client, const Config* config,
                                   const std::optional<std::string>& path);

}  // namespace iblint::lsp
