#pragma once
#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/config.h"
#include "lsp/diagnostic_conversion.h"
#include "lsp/document_analysis.h"
#include "lsp/json_rpc.h"
#include "lsp/settings.h"
#include "lsp/text_document.h"
#include "util/worker_pool.h"

namespace iblint::lsp {

struct ServerOptions {
  /// Largest message accepted; larger ones are answered with an error and skipped.
  size_t max_message_bytes = 64u << 20;
};

/// The language server: reads LSP messages from one file descriptor, answers on another, and
/// lints open documents after a short pause in their edits. One thread reads, lints and
/// answers: a lint always reads the newest text of its document, so no result is ever older
/// than one already published. Only within a lint do the document's rules share the cores.
class Server {
 public:
  Server(int input_fd, int output_fd, ServerOptions options = {});

  /// Serves until `exit` or the end of the input. Returns the process exit code: 0 when `exit`
  /// followed `shutdown`, 1 otherwise (LSP).
  int run();

 private:
  using Clock = std::chrono::steady_clock;

  struct OpenDocument {
    std::unique_ptr<TextDocument> text;
    std::optional<std::string> path;           ///< null for non-file URIs
    std::unique_ptr<DocumentAnalysis> analysis;  ///< of the latest lint; null before the first
    std::optional<Clock::time_point> lint_due;   ///< set while edits wait for a lint
    DocumentSettings settings;
    std::optional<int64_t> published_version;
  };

  void read_available();
  void handle(const Frame& frame);
  void handle_message(const nlohmann::json& message);
  nlohmann::json handle_request(const std::string& method, const nlohmann::json& params);
  void handle_notification(const std::string& method, const nlohmann::json& params);
  void send(const nlohmann::json& message);
  /// window/logMessage: for the client's log.
  void log(int type, const std::string& message);
  /// window/showMessage: for the user (configuration errors).
  void show(int type, const std::string& message);

  nlohmann::json initialize(const nlohmann::json& params);
  void did_open(const nlohmann::json& params);
  void did_change(const nlohmann::json& params);
  void did_save(const nlohmann::json& params);
  void did_close(const nlohmann::json& params);
  void change_settings(const nlohmann::json& settings);
  void apply_settings(const nlohmann::json& settings);
  void reload_configuration();

  OpenDocument& document_of(const nlohmann::json& params);
  /// The analysis of the document's current text, linting now when edits are pending.
  DocumentAnalysis& current_analysis(OpenDocument& document);
  void lint_and_publish(OpenDocument& document);
  void lint_due_documents();
  std::optional<int> milliseconds_to_next_lint() const;
  RangeConverter ranges(const OpenDocument& document) const;

  int input_fd_;
  int output_fd_;
  FrameDecoder decoder_;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
  bool output_broken_ = false;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  nlohmann::json initialization_options_ = nlohmann::json::object();
  ClientSettings client_settings_;
  std::unique_ptr<ConfigFinder> configs_;
  WorkerPool rule_threads_;
  std::map<std::string, OpenDocument> documents_;
};

/// `iblint lsp`: serves on stdin/stdout. Returns the exit code.
int run_language_server();

}  // namespace iblint::lsp
