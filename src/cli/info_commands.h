#pragma once
#include <iosfwd>
#include <string>

namespace iblint {

/// `iblint rules`: a table of every rule (id, name, default severity, summary).
void print_rules(std::ostream& out);
/// `iblint explain ID`: the rule's documentation page. Returns an exit code.
int explain_rule(const std::string& id_or_name, std::ostream& out, std::ostream& err);

}  // namespace iblint
