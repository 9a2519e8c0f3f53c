#include "util/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

namespace iblint {
namespace {

/// Makes each of `parties` calls wait until all of them run at the same time (or a deadline
/// passes), so that a batch of `parties` items is spread over `parties` threads.
class Rendezvous {
 public:
  explicit Rendezvous(int parties) : parties_(parties) {}
  void arrive() {
    ++arrived_;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (arrived_.load() < parties_ && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
  }
  int arrived() const { return arrived_.load(); }

 private:
  int parties_;
  std::atomic<int> arrived_{0};
};

TEST(WorkerPool, RunsEveryItemOfEveryBatchExactlyOnce) {
  for (unsigned threads : {0u, 1u, 2u, 8u}) {
    WorkerPool pool(threads);
    for (int batch = 0; batch < 200; ++batch) {
      std::vector<std::atomic<int>> calls(static_cast<size_t>(batch % 7) * 13);
      pool.run(calls.size(), [&](size_t i) { ++calls[i]; });
      for (size_t i = 0; i < calls.size(); ++i) {
        ASSERT_EQ(calls[i].load(), 1) << "item " << i << " of batch " << batch << ", " << threads << " threads";
      }
    }
  }
}

TEST(WorkerPool, OneThreadRunsInOrderOnTheCaller) {
  WorkerPool pool(1);
  EXPECT_EQ(pool.threads(), 1u);
  std::vector<size_t> order;
  std::thread::id caller = std::this_thread::get_id();
  pool.run(5, [&](size_t i) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(i);
  });
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3, 4}));
}

TEST(WorkerPool, EveryThreadWorksOnABatch) {
  WorkerPool pool(4);
  ASSERT_EQ(pool.threads(), 4u);
  Rendezvous all(4);
  pool.run(4, [&](size_t) { all.arrive(); });
  EXPECT_EQ(all.arrived(), 4);
}

TEST(WorkerPool, ThreadsAndTheirThreadLocalStateLastFromBatchToBatch) {
  // What a thread keeps in thread_local storage is there in its next batch: a pool that
  // started new threads per batch would count 1 on them each time.
  thread_local int batches_seen = 0;
  WorkerPool pool(2);
  for (int batch = 1; batch <= 10; ++batch) {
    Rendezvous both(2);
    std::atomic<int> lowest{1 << 30};
    pool.run(2, [&](size_t) {
      both.arrive();
      int seen = ++batches_seen;
      for (int now = lowest.load(); seen < now && !lowest.compare_exchange_weak(now, seen);) {
      }
    });
    EXPECT_EQ(lowest.load(), batch) << "batch " << batch;
  }
}

TEST(WorkerPool, RethrowsTheFirstErrorAndRunsTheNextBatch) {
  WorkerPool pool(2);
  std::atomic<int> done{0};
  EXPECT_THROW(pool.run(100,
                        [&](size_t i) {
                          if (i == 3) throw std::runtime_error("item 3");
                          ++done;
                        }),
               std::runtime_error);
  EXPECT_LT(done.load(), 100);
  std::atomic<int> calls{0};
  pool.run(50, [&](size_t) { ++calls; });
  EXPECT_EQ(calls.load(), 50);
}

TEST(WorkerPool, BatchesFromTwoCallersRunOneAfterTheOther) {
  WorkerPool pool(2);
  std::atomic<int> inside{0}, most{0}, calls{0};
  auto batch = [&] {
    for (int b = 0; b < 50; ++b) {
      pool.run(8, [&](size_t) {
        int now = ++inside;
        for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        ++calls;
        --inside;
      });
    }
  };
  std::thread other(batch);
  batch();
  other.join();
  EXPECT_EQ(calls.load(), 2 * 50 * 8);
  EXPECT_LE(most.load(), 2);  // the caller of one batch and the pool's one thread
}

}  // namespace
}  // namespace iblint
