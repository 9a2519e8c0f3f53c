#include "shell/process_slots.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "util/parallel_for.h"

namespace iblint::shell {
namespace {

/// Restores the limit a test changed.
struct LimitGuard {
  unsigned saved = max_concurrent_processes();
  ~LimitGuard() { set_max_concurrent_processes(saved); }
};

TEST(ProcessSlots, NeverMoreHoldersThanTheLimit) {
  LimitGuard guard;
  set_max_concurrent_processes(3);
  take_most_processes_running();
  std::atomic<int> holding{0};
  std::atomic<int> most{0};
  parallel_for(24, 8, [&](size_t) {
    ProcessSlot slot;
    int now = ++holding;
    for (int seen = most.load(); now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    --holding;
  });
  EXPECT_LE(most.load(), 3);
  EXPECT_LE(take_most_processes_running(), 3u);
  EXPECT_EQ(processes_running(), 0u);
}

TEST(ProcessSlots, ZeroMeansOneAndARaisedLimitWakesWaiters) {
  LimitGuard guard;
  set_max_concurrent_processes(0);
  EXPECT_EQ(max_concurrent_processes(), 1u);
  std::atomic<bool> second_started{false};
  std::thread second;
  {
    ProcessSlot first;
    second = std::thread([&] {
      ProcessSlot slot;
      second_started = true;
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    EXPECT_FALSE(second_started.load()) << "the only slot is taken";
    set_max_concurrent_processes(2);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!second_started && std::chrono::steady_clock::now() < deadline) std::this_thread::yield();
    EXPECT_TRUE(second_started.load()) << "a second slot opened while the first is held";
  }
  second.join();
}

}  // namespace
}  // namespace iblint::shell
