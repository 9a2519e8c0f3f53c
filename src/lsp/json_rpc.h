#pragma once
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace iblint::lsp {

/// JSON-RPC 2.0 and LSP error codes.
enum ErrorCode : int {
  kParseError = -32700,
  kInvalidRequest = -32600,
  kMethodNotFound = -32601,
  kInvalidParams = -32602,
  kInternalError = -32603,
  kServerNotInitialized = -32002,
};

/// Thrown by a request handler to answer with a JSON-RPC error instead of a result.
struct RequestError : std::runtime_error {
  RequestError(int code, const std::string& message) : std::runtime_error(message), code(code) {}
  int code;
};

/// One message cut out of the byte stream, or the reason the bytes could not be read as one.
struct Frame {
  std::string body;   ///< the JSON text, when error is empty
  std::string error;  ///< framing problem (bad header, message too large); the bytes were skipped
};

/// Cuts a byte stream into `Content-Length` framed messages (LSP base protocol). Bad headers
/// and oversized messages become Frames with an error and are skipped, so one bad message
/// never ends the session.
class FrameDecoder {
 public:
  explicit FrameDecoder(size_t max_body_bytes) : max_body_bytes_(max_body_bytes) {}

  void feed(std::string_view bytes);
  /// The next complete message, or nullopt when more bytes are needed.
  std::optional<Frame> next();

  /// Longest header block accepted: a header longer than this is garbage, not a message.
  static constexpr size_t kMaxHeaderBytes = 8192;

 private:
  size_t max_body_bytes_;
  std::string buffer_;
  size_t skip_ = 0;  ///< body bytes of an oversized message still to discard
};

/// The bytes of one message: `Content-Length: N\r\n\r\n` and the JSON text. Invalid UTF-8 in
/// strings is replaced, so any message can be sent.
std::string frame(const nlohmann::json& message);

/// A JSON-RPC response carrying result for request id.
nlohmann::json response(const nlohmann::json& id, nlohmann::json result);
/// A JSON-RPC error response (id is null when the request's id could not be read).
nlohmann::json error_response(const nlohmann::json& id, int code, const std::string& message);
/// A notification from the server.
nlohmann::json notification(std::string_view method, nlohmann::json params);

}  // namespace iblint::lsp
