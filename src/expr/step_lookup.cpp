#include "expr/step_lookup.h"

#include <algorithm>
#include <tuple>
#include <utility>

namespace iblint::expr {
namespace {

/// Index of the first phase named name, or phases.size().
size_t first_phase_named(const std::vector<Phase>& phases, std::string_view name) {
  for (size_t p = 0; p < phases.size(); ++p) {
    if (phases[p].name == name) return p;
  }
  return phases.size();
}

}  // namespace

StepLookup::StepLookup(const Component& component) : component_(&component) {
  const std::vector<Phase>& phases = component.phases;
  // One phase at a time, sorting (name, index) pairs: comparing the names directly costs half
  // of comparing entries that reach their names through the component.
  std::vector<std::pair<std::string_view, uint32_t>> by_name;
  for (size_t p = 0; p < phases.size(); ++p) {
    if (first_phase_named(phases, phases[p].name) != p) continue;  // find never reaches it
    by_name.clear();
    for (size_t s = 0; s < phases[p].steps.size(); ++s) by_name.emplace_back(phases[p].steps[s].name, static_cast<uint32_t>(s));
    std::sort(by_name.begin(), by_name.end());
    for (const auto& [step_name, s] : by_name) entries_.push_back({static_cast<uint32_t>(p), s});
  }
}

std::string_view StepLookup::name(const Entry& e) const { return component_->phases[e.phase].steps[e.step].name; }

StepRef StepLookup::find(std::string_view phase, std::string_view step) const {
  if (!component_) return {};
  size_t p = first_phase_named(component_->phases, phase);
  if (p == component_->phases.size()) return {};
  const Phase& found = component_->phases[p];
  // The first entry not before (p, step): the lowest step index among equal names.
  auto it = std::lower_bound(entries_.begin(), entries_.end(), std::make_pair(p, step),
                             [&](const Entry& e, const std::pair<size_t, std::string_view>& key) {
                               return std::forward_as_tuple(size_t{e.phase}, name(e)) < std::forward_as_tuple(key.first, key.second);
                             });
  if (it == entries_.end() || it->phase != p || name(*it) != step) return {&found, nullptr, p, 0};
  return {&found, &found.steps[it->step], p, it->step};
}

}  // namespace iblint::expr
