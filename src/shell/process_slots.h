#pragma once
// A process-wide limit on how many shellcheck children run at once. `iblint -j N` lints N files
// at a time and each may check several scripts in parallel: without one shared limit, N files
// would start N × cores children.

namespace iblint::shell {

/// At most n children at once from now on (0 counts as 1). Default: the usable cores.
void set_max_concurrent_processes(unsigned n);
unsigned max_concurrent_processes();

/// Holds one of the slots for its lifetime; waits for one to be free.
class ProcessSlot {
 public:
  ProcessSlot();
  ~ProcessSlot();
  ProcessSlot(const ProcessSlot&) = delete;
  ProcessSlot& operator=(const ProcessSlot&) = delete;
};

/// How many slots are taken now (tests).
unsigned processes_running();
/// The most slots taken at once since the last call (tests).
unsigned take_most_processes_running();

}  // namespace iblint::shell
