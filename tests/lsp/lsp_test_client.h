// A test client for the language server: runs the real Server loop on a thread, connected by
// two pipes, and speaks framed JSON-RPC to it, as an editor does.
#pragma once
#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "lsp/json_rpc.h"
#include "lsp/server.h"

namespace iblint::lsp::testing {

using nlohmann::json;

class PipeServer {
 public:
  explicit PipeServer(ServerOptions options = {}) : decoder_(1u << 30) {
    std::signal(SIGPIPE, SIG_IGN);
    int to_server[2], from_server[2];
    if (::pipe(to_server) != 0 || ::pipe(from_server) != 0) throw std::runtime_error("pipe");
    write_fd_ = to_server[1];
    read_fd_ = from_server[0];
    thread_ = std::thread([this, in = to_server[0], out = from_server[1], options] {
      Server server(in, out, options);
      exit_code_ = server.run();
      ::close(in);
      ::close(out);
    });
  }
  ~PipeServer() {
    close_input();
    if (thread_.joinable()) thread_.join();
    ::close(read_fd_);
  }

  void send_raw(const std::string& bytes) {
    size_t written = 0;
    while (written < bytes.size()) {
      ssize_t n = ::write(write_fd_, bytes.data() + written, bytes.size() - written);
      if (n <= 0) return;
      written += static_cast<size_t>(n);
    }
  }
  void send(const json& message) { send_raw(frame(message)); }
  void notify(const std::string& method, json params) { send({{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}}); }

  /// The next message from the server, or nullopt after timeout.
  std::optional<json> receive(std::chrono::milliseconds timeout = std::chrono::milliseconds(10000)) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
      if (std::optional<Frame> f = decoder_.next()) return json::parse(f->body);
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd p{read_fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[65536];
      ssize_t n = ::read(read_fd_, buffer, sizeof buffer);
      if (n <= 0) return std::nullopt;
      decoder_.feed(std::string_view(buffer, static_cast<size_t>(n)));
    }
  }

  /// Sends a request and returns its response; notifications that come first are kept.
  json request(const std::string& method, json params) {
    int id = ++next_id_;
    send({{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", std::move(params)}});
    return response_to(id);
  }
  json response_to(const json& id) {
    while (std::optional<json> m = receive()) {
      if (m->contains("id") && (*m)["id"] == id && !m->contains("method")) return *m;
      pending_.push_back(*m);
    }
    ADD_FAILURE() << "no response to request " << id;
    return json();
  }

  /// The first notification (kept or new) with method for which accept holds, dropping the
  /// ones before it.
  std::optional<json> notification(const std::string& method, const std::function<bool(const json&)>& accept = {},
                                   std::chrono::milliseconds timeout = std::chrono::milliseconds(10000)) {
    while (!pending_.empty()) {
      json m = pending_.front();
      pending_.pop_front();
      if (m.value("method", "") == method && (!accept || accept(m["params"]))) return m["params"];
    }
    while (std::optional<json> m = receive(timeout)) {
      if (m->value("method", "") == method && (!accept || accept((*m)["params"]))) return (*m)["params"];
    }
    return std::nullopt;
  }

  /// initialize + initialized, with the given initializationOptions and capabilities.
  json initialize(json options = json::object(), json capabilities = json::object()) {
    json result = request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", capabilities},
                                         {"initializationOptions", options}});
    notify("initialized", json::object());
    return result;
  }

  void close_input() {
    if (write_fd_ >= 0) ::close(write_fd_);
    write_fd_ = -1;
  }
  /// Closes the server's input and returns its exit code.
  int finish() {
    close_input();
    if (thread_.joinable()) thread_.join();
    return exit_code_;
  }
  /// Waits for the server to stop by itself (after `exit`).
  int join() {
    if (thread_.joinable()) thread_.join();
    return exit_code_;
  }

 private:
  int write_fd_ = -1;
  int read_fd_ = -1;
  std::thread thread_;
  int exit_code_ = -1;
  int next_id_ = 0;
  FrameDecoder decoder_;
  std::deque<json> pending_;
};

}  // namespace iblint::lsp::testing
