#include "util/parallel_for.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <locale>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

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
  size_t workers = std::min<size_t>(count, std::max(1u, threads));
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  fill_ctype_cache();
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  auto drain = [&] {
    for (size_t i = next++; i < count && !failed; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  try {
    for (size_t i = 1; i < workers; ++i) pool.emplace_back(drain);
  } catch (const std::system_error&) {  // no more threads: the ones we have do the rest
  }
  drain();
  for (std::thread& t : pool) t.join();
  if (first_error) std::rethrow_exception(first_error);
}

}  // namespace iblint
