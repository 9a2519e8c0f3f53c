#include "lsp/server.h"

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <poll.h>
#include <unistd.h>

#include "engine/registry.h"
#include "engine/rule_selection.h"
#include "lsp/code_actions.h"
#include "lsp/completion.h"
#include "lsp/definition.h"
#include "lsp/diagnostic_conversion.h"
#include "lsp/hover.h"
#include "lsp/uri.h"
#include "util/json_nesting.h"
#include "util/parallel_for.h"

namespace iblint::lsp {
namespace {

using nlohmann::json;

// window/showMessage and window/logMessage types.
constexpr int kMessageError = 1;
constexpr int kMessageWarning = 2;

const json& field(const json& object, const char* name) {
  static const json kNull;
  if (!object.is_object() || !object.contains(name)) return kNull;
  return object[name];
}

const json& require_object(const json& object, const char* name) {
  const json& value = field(object, name);
  if (!value.is_object()) throw RequestError(kInvalidParams, std::string("`") + name + "` must be an object");
  return value;
}

std::string require_string(const json& object, const char* name) {
  const json& value = field(object, name);
  if (!value.is_string()) throw RequestError(kInvalidParams, std::string("`") + name + "` must be a string");
  return value.get<std::string>();
}

std::optional<int64_t> version_of(const json& text_document) {
  const json& v = field(text_document, "version");
  if (v.is_number_integer()) return v.get<int64_t>();
  return std::nullopt;
}

/// The `iblint` object of a settings value (or the value itself when it is the object), or an
/// empty object.
json iblint_section(const json& settings) {
  if (!settings.is_object()) return json::object();
  if (settings.contains("iblint")) return settings["iblint"].is_object() ? settings["iblint"] : json::object();
  return settings;
}

bool is_config_file(const std::optional<std::string>& path) {
  if (!path) return false;
  std::string name = std::filesystem::path(*path).filename().string();
  for (std::string_view config_name : kConfigFileNames) {
    if (name == config_name) return true;
  }
  return false;
}

}  // namespace

Server::Server(int input_fd, int output_fd, ServerOptions options)
    : input_fd_(input_fd), output_fd_(output_fd), decoder_(options.max_message_bytes),
      rule_threads_(default_job_count()) {
  reload_configuration();
}

int Server::run() {
  while (!exited_ && !output_broken_) {
    std::optional<int> wait = milliseconds_to_next_lint();
    pollfd poll_input{input_fd_, POLLIN, 0};
    int ready = ::poll(&poll_input, 1, wait ? *wait : -1);
    if (ready < 0 && errno != EINTR) break;
    if (ready > 0) {
      char buffer[65536];
      ssize_t n = ::read(input_fd_, buffer, sizeof buffer);
      if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (n <= 0) break;  // the client went away without `exit`
      decoder_.feed(std::string_view(buffer, static_cast<size_t>(n)));
      while (!exited_) {
        std::optional<Frame> frame = decoder_.next();
        if (!frame) break;
        handle(*frame);
      }
    }
    lint_due_documents();
  }
  return exited_ && shutdown_ ? 0 : 1;
}

void Server::handle(const Frame& frame) {
  if (!frame.error.empty()) {
    send(error_response(nullptr, kParseError, frame.error));
    return;
  }
  if (json_nested_deeper_than(frame.body)) {
    send(error_response(nullptr, kParseError, "the message nests deeper than " + std::to_string(kMaxJsonNesting) + " levels"));
    return;
  }
  json message = json::parse(frame.body, nullptr, false);
  if (message.is_discarded()) {
    send(error_response(nullptr, kParseError, "the message is not valid JSON"));
    return;
  }
  handle_message(message);
}

void Server::handle_message(const json& message) {
  if (!message.is_object()) {
    send(error_response(nullptr, kInvalidRequest, "a message must be a JSON object"));
    return;
  }
  json id = message.contains("id") ? message["id"] : json();
  bool has_id = message.contains("id");
  if (has_id && !id.is_number_integer() && !id.is_string()) {
    send(error_response(nullptr, kInvalidRequest, "`id` must be an integer or a string"));
    return;
  }
  if (!message.contains("method")) {
    if (has_id && (message.contains("result") || message.contains("error"))) return;  // a reply to us: none expected
    send(error_response(id, kInvalidRequest, "a request needs a `method`"));
    return;
  }
  if (!message["method"].is_string() || field(message, "jsonrpc") != "2.0") {
    send(error_response(id, kInvalidRequest, "a request needs `\"jsonrpc\": \"2.0\"` and a string `method`"));
    return;
  }
  std::string method = message["method"].get<std::string>();
  const json& params = field(message, "params");
  if (!has_id) {
    try {
      handle_notification(method, params);
    } catch (const RequestError& e) {
      log(kMessageError, method + ": " + e.what());
    } catch (const std::exception& e) {
      log(kMessageError, method + ": internal error: " + e.what());
    }
    return;
  }
  try {
    send(response(id, handle_request(method, params)));
  } catch (const RequestError& e) {
    send(error_response(id, e.code, e.what()));
  } catch (const json::exception& e) {
    send(error_response(id, kInvalidParams, std::string("wrong params: ") + e.what()));
  } catch (const std::exception& e) {
    send(error_response(id, kInternalError, std::string("internal error: ") + e.what()));
  }
}

json Server::handle_request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw RequestError(kInvalidRequest, "initialize was already received");
    return initialize(params);
  }
  if (!initialized_) throw RequestError(kServerNotInitialized, "the first request must be initialize");
  if (shutdown_) throw RequestError(kInvalidRequest, "the server is shutting down; only `exit` is accepted");
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/hover" || method == "textDocument/completion" || method == "textDocument/definition") {
    OpenDocument& document = document_of(params);
    DocumentAnalysis& analysis = current_analysis(document);
    RangeConverter converter = ranges(document);
    uint32_t offset = converter.offset(field(params, "position"));
    if (method == "textDocument/hover") return hover(analysis, converter, offset);
    if (method == "textDocument/definition") return definition(analysis, converter, document.text->uri(), offset);
    return completion(analysis, converter, offset, document.settings.profile);
  }
  if (method == "textDocument/codeAction") {
    OpenDocument& document = document_of(params);
    const json& only = field(field(params, "context"), "only");
    if (only.is_array()) {
      bool wanted = false;
      for (const json& kind : only) {
        if (kind == "quickfix" || kind == "") wanted = true;
      }
      if (!wanted) return json::array();
    }
    DocumentAnalysis& analysis = current_analysis(document);
    RangeConverter converter = ranges(document);
    const json& range = require_object(params, "range");
    Span requested{converter.offset(field(range, "start")), converter.offset(field(range, "end"))};
    if (requested.end < requested.begin) std::swap(requested.begin, requested.end);
    if (document.settings.excluded) return json::array();
    return code_actions(analysis, document.text->uri(), converter, requested);
  }
  throw RequestError(kMethodNotFound, "iblint does not handle `" + method + "`");
}

void Server::handle_notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // LSP: notifications before initialize are dropped
  if (method == "initialized" || method.starts_with("$/")) return;
  if (method == "textDocument/didOpen") did_open(params);
  else if (method == "textDocument/didChange") did_change(params);
  else if (method == "textDocument/didSave") did_save(params);
  else if (method == "textDocument/didClose") did_close(params);
  else if (method == "workspace/didChangeConfiguration") change_settings(field(params, "settings"));
  else if (method == "workspace/didChangeWatchedFiles") {
    for (const json& change : field(params, "changes")) {
      if (change.is_object() && field(change, "uri").is_string() && is_config_file(path_from_uri(change["uri"].get<std::string>()))) {
        reload_configuration();
        break;
      }
    }
  }
}

json Server::initialize(const json& params) {
  if (!params.is_object()) throw RequestError(kInvalidParams, "initialize needs an object of parameters");
  const json& encodings = field(field(field(params, "capabilities"), "general"), "positionEncodings");
  encoding_ = PositionEncoding::Utf16;
  if (encodings.is_array()) {
    for (const json& e : encodings) {
      if (e == "utf-8") encoding_ = PositionEncoding::Utf8;
    }
  }
  initialized_ = true;
  initialization_options_ = iblint_section(field(params, "initializationOptions"));
  apply_settings(initialization_options_);
  return {
      {"capabilities",
       {{"positionEncoding", encoding_ == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
        {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
        {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
        {"hoverProvider", true},
        {"definitionProvider", true},
        {"completionProvider", {{"triggerCharacters", {".", "{"}}}}}},
      {"serverInfo", {{"name", "iblint"}, {"version", IBLINT_VERSION}}},
  };
}

void Server::change_settings(const json& settings) {
  // Clients send their whole configuration here (or nothing, or `{}`): what it says about
  // iblint goes on top of the initializationOptions.
  json merged = initialization_options_;
  merged.merge_patch(iblint_section(settings));
  apply_settings(merged);
}

void Server::apply_settings(const json& settings) {
  std::vector<std::string> problems;
  client_settings_ = parse_client_settings(settings, problems);
  for (const std::string& problem : problems) log(kMessageWarning, "iblint settings: " + problem);
  reload_configuration();
}

void Server::reload_configuration() {
  if (client_settings_.config_path.empty()) {
    configs_ = std::make_unique<ConfigFinder>(registered_rules());
  } else {
    std::vector<ConfigError> errors;
    std::optional<Config> config = load_config(client_settings_.config_path, errors, registered_rules());
    for (const ConfigError& e : errors) show(kMessageError, e.to_string());
    configs_ = config ? std::make_unique<ConfigFinder>(std::move(*config)) : std::make_unique<ConfigFinder>(registered_rules());
  }
  for (auto& [uri, document] : documents_) document.lint_due = Clock::now();
}

Server::OpenDocument& Server::document_of(const json& params) {
  std::string uri = require_string(require_object(params, "textDocument"), "uri");
  auto it = documents_.find(uri);
  if (it == documents_.end()) throw RequestError(kInvalidParams, "document not open: " + uri);
  return it->second;
}

void Server::did_open(const json& params) {
  const json& item = require_object(params, "textDocument");
  std::string uri = require_string(item, "uri");
  std::string text = require_string(item, "text");
  OpenDocument document;
  document.text = std::make_unique<TextDocument>(uri, std::move(text), version_of(item).value_or(0));
  document.path = path_from_uri(uri);
  document.lint_due = Clock::now();
  documents_.insert_or_assign(uri, std::move(document));
}

void Server::did_change(const json& params) {
  OpenDocument& document = document_of(params);
  const json& changes = field(params, "contentChanges");
  if (!changes.is_array()) throw RequestError(kInvalidParams, "`contentChanges` must be a list");
  TextDocument& text = *document.text;
  for (const json& change : changes) {
    std::string replacement = require_string(change, "text");
    const json& range = field(change, "range");
    if (range.is_null()) {
      text.replace_all(std::move(replacement));
      continue;
    }
    RangeConverter converter = ranges(document);
    uint32_t begin = converter.offset(field(range, "start"));
    uint32_t end = converter.offset(field(range, "end"));
    text.replace(begin, end, replacement);
  }
  if (std::optional<int64_t> version = version_of(field(params, "textDocument"))) text.set_version(*version);
  document.lint_due = Clock::now() + std::chrono::milliseconds(client_settings_.debounce_ms);
}

void Server::did_save(const json& params) {
  std::string uri = require_string(require_object(params, "textDocument"), "uri");
  if (is_config_file(path_from_uri(uri))) {
    reload_configuration();
    return;
  }
  auto it = documents_.find(uri);
  if (it != documents_.end() && !it->second.lint_due) it->second.lint_due = Clock::now();
}

void Server::did_close(const json& params) {
  std::string uri = require_string(require_object(params, "textDocument"), "uri");
  if (documents_.erase(uri)) {
    send(notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
  }
}

DocumentAnalysis& Server::current_analysis(OpenDocument& document) {
  if (document.lint_due || !document.analysis) lint_and_publish(document);
  return *document.analysis;
}

void Server::lint_and_publish(OpenDocument& document) {
  std::vector<ConfigError> errors;
  const Config* config = document.path ? configs_->for_file(std::filesystem::path(*document.path), errors) : nullptr;
  for (const ConfigError& e : errors) show(kMessageError, e.to_string());
  document.settings = document_settings(client_settings_, config, document.path);
  document.settings.lint.rule_threads = &rule_threads_;
  TextDocument& text = *document.text;
  document.analysis = DocumentAnalysis::analyze(text, document.path.value_or(text.uri()), document.settings.lint,
                                                std::move(document.analysis));
  document.lint_due.reset();
  // Versions only grow while a document is open; an equal one is a re-lint (new settings).
  if (document.published_version && *document.published_version > text.version()) return;
  document.published_version = text.version();
  json diagnostics = json::array();
  if (!document.settings.excluded) {
    RangeConverter converter = ranges(document);
    for (const Diagnostic& d : document.analysis->lint().diagnostics) {
      diagnostics.push_back(to_lsp_diagnostic(d, converter, text.uri()));
    }
  }
  send(notification("textDocument/publishDiagnostics",
                    {{"uri", text.uri()}, {"version", text.version()}, {"diagnostics", std::move(diagnostics)}}));
}

void Server::lint_due_documents() {
  Clock::time_point now = Clock::now();
  for (auto& [uri, document] : documents_) {
    if (document.lint_due && *document.lint_due <= now) lint_and_publish(document);
  }
}

std::optional<int> Server::milliseconds_to_next_lint() const {
  std::optional<Clock::time_point> next;
  for (const auto& [uri, document] : documents_) {
    if (document.lint_due && (!next || *document.lint_due < *next)) next = document.lint_due;
  }
  if (!next) return std::nullopt;
  auto wait = std::chrono::ceil<std::chrono::milliseconds>(*next - Clock::now()).count();
  return static_cast<int>(std::max<int64_t>(0, wait));
}

RangeConverter Server::ranges(const OpenDocument& document) const {
  return RangeConverter(document.text->text(), document.text->lines(), encoding_);
}

void Server::send(const json& message) {
  std::string bytes = frame(message);
  size_t written = 0;
  while (written < bytes.size()) {
    ssize_t n = ::write(output_fd_, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      output_broken_ = true;  // the client closed its end: nothing more can be said
      return;
    }
    written += static_cast<size_t>(n);
  }
}

void Server::show(int type, const std::string& message) {
  send(notification("window/showMessage", {{"type", type}, {"message", message}}));
}

void Server::log(int type, const std::string& message) {
  send(notification("window/logMessage", {{"type", type}, {"message", message}}));
}

int run_language_server() {
  std::signal(SIGPIPE, SIG_IGN);  // a client that went away is seen as a failed write, not a signal
  Server server(STDIN_FILENO, STDOUT_FILENO);
  return server.run();
}

}  // namespace iblint::lsp
