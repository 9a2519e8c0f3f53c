#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/component.h"

namespace iblint::expr {

/// The step that phase.step names, with its phase and indexes; null when there is none.
struct StepRef {
  const Phase* phase = nullptr;
  const Step* step = nullptr;
  size_t phase_index = 0;
  size_t step_index = 0;
};

/// find_step's answers from the steps sorted by name once: a document with hundreds of steps
/// and a chaining reference every few steps spent more on the linear searches (four rules look
/// up every reference) than on sorting. Keeps a pointer to the component, which must outlive it.
class StepLookup {
 public:
  StepLookup() = default;
  explicit StepLookup(const Component& component);

  /// The same answer as find_step(component, phase, step): the first phase with that name, the
  /// first step with that name in it (later phases with the same name are never searched).
  StepRef find(std::string_view phase, std::string_view step) const;

 private:
  struct Entry {
    uint32_t phase;  ///< index in component.phases
    uint32_t step;   ///< index in that phase's steps
  };
  std::string_view name(const Entry& e) const;

  const Component* component_ = nullptr;
  /// Steps of the first phase of each name, sorted by phase index, step name, step index.
  std::vector<Entry> entries_;
};

}  // namespace iblint::expr
