#include "util/parallel_for.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace iblint {
namespace {

TEST(ParallelFor, RunsEveryItemExactlyOnce) {
  for (unsigned threads : {0u, 1u, 2u, 8u, 64u}) {
    std::vector<std::atomic<int>> calls(1000);
    parallel_for(calls.size(), threads, [&](size_t i) { ++calls[i]; });
    for (size_t i = 0; i < calls.size(); ++i) EXPECT_EQ(calls[i].load(), 1) << "item " << i << ", " << threads << " threads";
  }
}

TEST(ParallelFor, OneThreadRunsInOrderOnTheCaller) {
  std::vector<size_t> order;
  std::thread::id caller = std::this_thread::get_id();
  parallel_for(5, 1, [&](size_t i) {
    EXPECT_EQ(std::this_thread::get_id(), caller);
    order.push_back(i);
  });
  EXPECT_EQ(order, (std::vector<size_t>{0, 1, 2, 3, 4}));
}

TEST(ParallelFor, UsesUpToTheRequestedThreadsAtOnce) {
  // Each item waits until four items run at the same time (or a deadline passes), so the test
  // fails if fewer than four threads work together.
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::mutex ids_mutex;
  std::set<std::thread::id> ids;
  parallel_for(4, 4, [&](size_t) {
    int now = ++running;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (most.load() < 4 && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    std::lock_guard lock(ids_mutex);
    ids.insert(std::this_thread::get_id());
    --running;
  });
  EXPECT_EQ(most.load(), 4);
  EXPECT_EQ(ids.size(), 4u);
}

TEST(ParallelFor, RethrowsTheFirstErrorAfterAllThreadsStopped) {
  std::atomic<int> done{0};
  EXPECT_THROW(parallel_for(100, 4,
                            [&](size_t i) {
                              if (i == 3) throw std::runtime_error("item 3");
                              ++done;
                            }),
               std::runtime_error);
  EXPECT_LT(done.load(), 100);
  EXPECT_THROW(parallel_for(3, 1, [](size_t) { throw std::logic_error("serial"); }), std::logic_error);
}

TEST(ParallelFor, NothingToDoCallsNothing) {
  parallel_for(0, 8, [](size_t) { FAIL() << "called"; });
}

TEST(ParallelFor, DefaultJobCountIsTheUsableCores) {
  EXPECT_GE(default_job_count(), 1u);
  EXPECT_LE(default_job_count(), std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace
}  // namespace iblint
