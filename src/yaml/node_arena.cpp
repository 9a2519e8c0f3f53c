#include "yaml/node_arena.h"

#include <algorithm>
#include <memory>
#include <new>

namespace iblint::yaml {
namespace {

constexpr size_t kFirstChunk = 32;
// Below glibc's initial mmap threshold (128 KiB): bigger blocks would be mapped and unmapped
// for every chunk of a large file.
constexpr size_t kLargestChunk = (120 * 1024) / sizeof(Node);

}  // namespace

NodeArena::~NodeArena() {
  for (Chunk& chunk : chunks_) {
    std::destroy_n(chunk.nodes, chunk.used);
    ::operator delete(chunk.nodes);
  }
}

Node& NodeArena::emplace_back() {
  if (chunks_.empty() || chunks_.back().used == chunks_.back().capacity) {
    size_t capacity = chunks_.empty() ? kFirstChunk : std::min(chunks_.back().capacity * 2, kLargestChunk);
    chunks_.reserve(chunks_.size() + 1);  // the push below cannot throw after the allocation
    chunks_.push_back({static_cast<Node*>(::operator new(capacity * sizeof(Node))), 0, capacity});
  }
  Chunk& chunk = chunks_.back();
  Node* node = new (chunk.nodes + chunk.used) Node();
  ++chunk.used;
  ++size_;
  return *node;
}

}  // namespace iblint::yaml
