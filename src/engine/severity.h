#pragma once
#include <optional>
#include <string_view>

namespace iblint {

enum class Severity { Info = 0, Warning = 1, Error = 2 };

std::string_view to_string(Severity severity);
std::optional<Severity> parse_severity(std::string_view text);

}  // namespace iblint
