#pragma once
#include <cstddef>
#include <functional>

namespace iblint {

/// The number of threads `-j` means by default: the cores this process may run on (at least 1).
unsigned default_job_count();

/// Calls work(i) once for every i in [0, count), on up to `threads` threads (the caller is one of
/// them; 0 or 1 runs everything on the caller, in order). Items are handed out one at a time, so
/// a slow item never holds back the others. The first exception thrown by work is rethrown here
/// after every thread has stopped; items not yet started are then skipped. When the system
/// refuses a thread, the threads already running do the rest.
void parallel_for(size_t count, unsigned threads, const std::function<void(size_t)>& work);

}  // namespace iblint
