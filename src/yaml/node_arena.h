#pragma once
#include <cstddef>
#include <iterator>
#include <vector>

#include "yaml/node.h"

namespace iblint::yaml {

/// Owns a stream's nodes: each keeps its address while more are added, they are visited in the
/// order they were made, and all are freed together. Nodes live in chunks that double in size
/// up to a cap, so a file's nodes take a handful of allocations (std::deque, used before,
/// allocated once per two nodes) and sit next to each other in memory.
class NodeArena {
  struct Chunk {
    Node* nodes;  ///< storage for capacity nodes; the first `used` are constructed
    size_t used;
    size_t capacity;
  };

 public:
  NodeArena() = default;
  ~NodeArena();
  NodeArena(const NodeArena&) = delete;
  NodeArena& operator=(const NodeArena&) = delete;

  /// A new default node, owned by the arena.
  Node& emplace_back();
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

  template <typename N>
  class Iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = Node;
    using difference_type = std::ptrdiff_t;
    using pointer = N*;
    using reference = N&;

    Iterator() = default;
    reference operator*() const { return (*chunks_)[chunk_].nodes[index_]; }
    pointer operator->() const { return &**this; }
    Iterator& operator++() {
      if (++index_ == (*chunks_)[chunk_].used) {
        ++chunk_;
        index_ = 0;
      }
      return *this;
    }
    Iterator operator++(int) {
      Iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const Iterator& other) const { return chunk_ == other.chunk_ && index_ == other.index_; }

   private:
    friend class NodeArena;
    Iterator(const std::vector<Chunk>* chunks, size_t chunk) : chunks_(chunks), chunk_(chunk) {}
    const std::vector<Chunk>* chunks_ = nullptr;
    size_t chunk_ = 0;
    size_t index_ = 0;
  };
  using iterator = Iterator<Node>;
  using const_iterator = Iterator<const Node>;

  iterator begin() { return {&chunks_, 0}; }
  iterator end() { return {&chunks_, chunks_.size()}; }
  const_iterator begin() const { return {&chunks_, 0}; }
  const_iterator end() const { return {&chunks_, chunks_.size()}; }

 private:
  std::vector<Chunk> chunks_;  ///< every chunk holds at least one node
  size_t size_ = 0;
};

}  // namespace iblint::yaml
