#include "util/worker_pool.h"

#include <atomic>
#include <exception>
#include <system_error>

#include "util/parallel_for.h"

namespace iblint {
namespace {

/// A thousand yields (0.7 ms measured with both cores busy, less on an idle one); longer
/// tails sleep until the last thread is done.
constexpr int kSpinsForTheLastItems = 1000;

}  // namespace

struct WorkerPool::Batch {
  Batch(const std::function<void(size_t)>& w, size_t n) : work(w), count(n) {}

  const std::function<void(size_t)>& work;
  size_t count;
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex error_mutex;
  std::exception_ptr first_error;

  void drain() {
    for (size_t i = next++; i < count && !failed; i = next++) {
      try {
        work(i);
      } catch (...) {
        std::lock_guard lock(error_mutex);
        if (!first_error) first_error = std::current_exception();
        failed = true;
      }
    }
  }
};

WorkerPool::WorkerPool(unsigned threads) {
  if (threads <= 1) return;
  fill_ctype_cache();
  workers_.reserve(threads - 1);
  try {
    for (unsigned i = 1; i < threads; ++i) workers_.emplace_back([this] { serve(); });
  } catch (const std::system_error&) {  // no more threads: the ones we have do the work
  }
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void WorkerPool::serve() {
  unsigned long seen = 0;
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
    if (stopping_) return;
    seen = generation_;
    // A thread that wakes after its batch has finished finds no batch, and waits for the next.
    if (!batch_) continue;
    Batch* batch = batch_;
    ++busy_;
    lock.unlock();
    batch->drain();
    lock.lock();
    if (--busy_ == 0) done_.notify_all();
  }
}

void WorkerPool::run(size_t count, const std::function<void(size_t)>& work) {
  if (workers_.empty() || count <= 1) {
    for (size_t i = 0; i < count; ++i) work(i);
    return;
  }
  std::lock_guard one_batch(run_mutex_);
  Batch batch(work, count);
  {
    std::lock_guard lock(mutex_);
    batch_ = &batch;
    ++generation_;
  }
  wake_.notify_all();
  batch.drain();
  // Every item has been handed out. The threads still inside one finish soon (an item is one
  // rule); on a virtual machine, sleeping on done_ and being woken costs more than that.
  for (int spins = 0; busy_.load() > 0 && spins < kSpinsForTheLastItems; ++spins) std::this_thread::yield();
  {
    // Wait for the threads still inside an item, and close the batch so that none joins it later.
    std::unique_lock lock(mutex_);
    done_.wait(lock, [&] { return busy_ == 0; });
    batch_ = nullptr;
  }
  if (batch.first_error) std::rethrow_exception(batch.first_error);
}

}  // namespace iblint
