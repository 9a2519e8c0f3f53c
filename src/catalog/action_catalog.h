#pragma once
#include <string_view>
#include <vector>

namespace iblint {

/// Operating systems an action module runs on (bit set).
enum Platform : unsigned { kLinux = 1, kWindows = 2, kMacOS = 4, kAllPlatforms = 7 };

/// The value type an input takes. Lenient types exist because AWS's own examples use them.
enum class InputType {
  String,          ///< a scalar string (numbers are accepted and read as text)
  Integer,
  Boolean,         ///< YAML boolean (a "true"/"false" string is tolerated with a warning by rules)
  StringList,      ///< a list of strings
  StringMap,       ///< a mapping of string to string (InstallMSI properties)
  NameValueList,   ///< a list of {name, value} mappings (ExecuteDocument parameters)
  StringOrBoolean, ///< S3Upload recurse: documented as String, written as a boolean in examples
  RegistryValue,   ///< SetRegistry value: string, number or list
};

/// Whether `inputs:` is one mapping or a list of mappings (each processed in order).
enum class InputShape { Map, List };

struct InputSpec {
  std::string_view name;
  InputType type;
  bool required;
  std::string_view default_value;          ///< "" when none
  std::vector<std::string_view> allowed;   ///< enum values; empty = any
  bool allowed_case_insensitive = false;   ///< e.g. encodings; also governs allowed_chars / allowed_prefixes
  unsigned platforms = kAllPlatforms;      ///< an input rejected on some OS (CreateFile owner on Windows)
  std::string_view allowed_chars = {};     ///< when non-empty, every character must be one of these (InstallMSI logOptions)
  std::vector<std::string_view> allowed_prefixes = {};  ///< when non-empty, the value must start with one (SetRegistry path)
};

/// A rule between fields that the per-input table cannot express.
struct Constraint {
  enum class Kind {
    ExactlyOneOf,      ///< exactly one of inputs a, b (ExecutePowerShell commands/file)
    BothOrNeither,     ///< a and b together (WebDownload checksum/algorithm)
    FixedStepOption,   ///< step field a must be absent or equal to value (ExecuteDocument timeoutSeconds = -1)
    InputSuffix,       ///< input a must end with value (ExecutePowerShell file ends with .ps1)
  };
  Kind kind;
  std::string_view a;
  std::string_view b;      ///< second input for ExactlyOneOf/BothOrNeither
  std::string_view value;  ///< for FixedStepOption / InputSuffix
};

struct ActionSpec {
  std::string_view name;
  std::string_view summary;                 ///< one line, for hover and docs
  InputShape shape;
  std::vector<InputSpec> inputs;
  std::vector<std::string_view> outputs;    ///< output variable names readable by chaining
  unsigned platforms;
  std::string_view since;                   ///< "YYYY-MM" of first appearance in the user guide
  bool seed_2020;                           ///< one of the 8 modules of the seed-2020 profile
  bool free_form_inputs = false;            ///< Assert: inputs are an operator expression, not a table
  std::vector<Constraint> constraints;
};

/// All 30 AWSTOE action modules (spec/component-document.md §8), in the spec's order.
const std::vector<ActionSpec>& action_catalog();
/// Exact, case-sensitive lookup; null when unknown.
const ActionSpec* find_action(std::string_view name);
const InputSpec* find_input(const ActionSpec& action, std::string_view name);

}  // namespace iblint
