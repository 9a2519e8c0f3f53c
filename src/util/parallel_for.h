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

/// libstdc++ fills std::ctype<char>'s narrow() cache lazily, on first use of each character;
/// std::regex compiles through it, so rules compiling a regex on two threads raced on that
/// cache (ThreadSanitizer; GCC bug 77704). Filling it once before threads that run rules start
/// leaves only reads; parallel_for and WorkerPool call it.
void fill_ctype_cache();

}  // namespace iblint
