#pragma once
#include <string_view>

#include "expr/expression.h"

namespace iblint::expr {

/// Finds, lexes and parses every `{{ … }}` in a scalar's decoded value. Never throws; what
/// cannot be read becomes a SyntaxError with its range.
ScanResult scan(std::string_view value);

/// Whether value contains `{{` at all (the cheap test before scan()).
bool may_hold_expression(std::string_view value);

}  // namespace iblint::expr
