#include "util/parallel_for.h"

#include <sched.h>

#include <algorithm>
#include <locale>
#include <mutex>
#include <thread>

#include "util/worker_pool.h"

namespace iblint {

unsigned default_job_count() {
  // The affinity mask, not the machine: `taskset -c 0` or a container's cpuset means one core.
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int count = CPU_COUNT(&set);
    if (count > 0) return static_cast<unsigned>(count);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

void fill_ctype_cache() {
  static std::once_flag once;
  std::call_once(once, [] {
    const auto& ctype = std::use_facet<std::ctype<char>>(std::locale());
    for (int c = 0; c < 256; ++c) ctype.narrow(static_cast<char>(c), '\0');
  });
}

void parallel_for(size_t count, unsigned threads, const std::function<void(size_t)>& work) {
  // A pool for this one batch: its threads end with it.
  WorkerPool pool(static_cast<unsigned>(std::min<size_t>(count, std::max(1u, threads))));
  pool.run(count, work);
}

}  // namespace iblint
