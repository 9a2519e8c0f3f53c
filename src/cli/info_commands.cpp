#include "cli/info_commands.h"

#include <iomanip>
#include <ostream>
#include <vector>

#include "cli/lint_command.h"
#include "engine/registry.h"
#include "util/edit_distance.h"

namespace iblint {

void print_rules(std::ostream& out) {
  out << std::left << std::setw(7) << "ID" << std::setw(28) << "NAME" << std::setw(9) << "SEVERITY" << "SUMMARY\n";
  for (const auto& rule : all_rules()) {
    const RuleInfo& info = rule->info();
    out << std::left << std::setw(7) << info.id << std::setw(28) << info.name << std::setw(9) << to_string(info.severity)
        << info.summary << "\n";
  }
}

int explain_rule(const std::string& id_or_name, std::ostream& out, std::ostream& err) {
  const Rule* rule = find_rule(id_or_name);
  if (!rule) {
    std::vector<std::string_view> names;
    for (const auto& r : all_rules()) {
      names.push_back(r->info().id);
      names.push_back(r->info().name);
    }
    std::string best = closest(id_or_name, names, 3);
    err << "iblint: unknown rule `" << id_or_name << "`" << (best.empty() ? "" : "; did you mean `" + best + "`?")
        << " (`iblint rules` lists them)\n";
    return kExitError;
  }
  std::string_view doc = rule_doc(rule->info().id);
  if (doc.empty()) {
    out << rule->info().id << " " << rule->info().name << "\n\n" << rule->info().summary << "\n";
  } else {
    out << doc;
    if (doc.back() != '\n') out << "\n";
  }
  return kExitClean;
}

}  // namespace iblint
