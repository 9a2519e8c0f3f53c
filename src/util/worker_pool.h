#pragma once
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace iblint {

/// Threads that stay alive between batches of work, for batches that come often and are small:
/// the language server lints an open document again after every edit. Unlike parallel_for, no
/// thread is started per batch, and what a thread keeps in thread_local caches (scripts'
/// findings, secret scans) stays warm from one batch to the next.
class WorkerPool {
 public:
  /// threads counts the caller, which works on every batch too: 0 or 1 starts no thread. When
  /// the system refuses a thread, the pool works with those it has.
  explicit WorkerPool(unsigned threads);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// The threads a batch runs on, the caller included.
  unsigned threads() const { return static_cast<unsigned>(workers_.size()) + 1; }

  /// Calls work(i) once for every i in [0, count), handing items out one at a time to the
  /// caller and the pool's threads, and returns when every call has returned. The first
  /// exception thrown by work is rethrown here; items not yet started are then skipped.
  /// Batches from several callers run one after the other.
  void run(size_t count, const std::function<void(size_t)>& work);

 private:
  struct Batch;
  void serve();

  std::mutex run_mutex_;  ///< one batch at a time
  std::mutex mutex_;      ///< guards the fields below
  std::condition_variable wake_;
  std::condition_variable done_;
  Batch* batch_ = nullptr;  ///< the batch being run; null between batches
  unsigned long generation_ = 0;  ///< counts batches, so that a thread joins each batch once
  /// Pool threads working on batch_; changed under mutex_, read without it while the caller
  /// spins for the last items.
  std::atomic<unsigned> busy_{0};
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace iblint
