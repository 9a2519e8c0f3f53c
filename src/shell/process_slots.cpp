#include "shell/process_slots.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include "util/parallel_for.h"

namespace iblint::shell {
namespace {

struct Slots {
  std::mutex mutex;
  std::condition_variable freed;
  unsigned limit = default_job_count();
  unsigned running = 0;
  unsigned most = 0;
};

Slots& slots() {
  static Slots instance;
  return instance;
}

}  // namespace

void set_max_concurrent_processes(unsigned n) {
  Slots& s = slots();
  {
    std::lock_guard lock(s.mutex);
    s.limit = std::max(1u, n);
  }
  s.freed.notify_all();  // a larger limit lets waiting runs start
}

unsigned max_concurrent_processes() {
  Slots& s = slots();
  std::lock_guard lock(s.mutex);
  return s.limit;
}

ProcessSlot::ProcessSlot() {
  Slots& s = slots();
  std::unique_lock lock(s.mutex);
  s.freed.wait(lock, [&] { return s.running < s.limit; });
  ++s.running;
  s.most = std::max(s.most, s.running);
}

ProcessSlot::~ProcessSlot() {
  Slots& s = slots();
  {
    std::lock_guard lock(s.mutex);
    --s.running;
  }
  s.freed.notify_one();
}

unsigned processes_running() {
  Slots& s = slots();
  std::lock_guard lock(s.mutex);
  return s.running;
}

unsigned take_most_processes_running() {
  Slots& s = slots();
  std::lock_guard lock(s.mutex);
  unsigned most = s.most;
  s.most = s.running;
  return most;
}

}  // namespace iblint::shell
