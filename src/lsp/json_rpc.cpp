#include "lsp/json_rpc.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace iblint::lsp {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

/// The Content-Length of a header block (without its final blank line), or an error message.
std::optional<size_t> content_length(std::string_view header, std::string& error) {
  std::optional<size_t> length;
  while (!header.empty()) {
    size_t eol = header.find("\r\n");
    std::string_view line = header.substr(0, eol);
    header.remove_prefix(eol == std::string_view::npos ? header.size() : eol + 2);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      error = "malformed header line (expected `Name: value`)";
      return std::nullopt;
    }
    if (lower(trim(line.substr(0, colon))) != "content-length") continue;  // Content-Type and others
    std::string_view value = trim(line.substr(colon + 1));
    size_t parsed = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty()) {
      error = "Content-Length is not a number";
      return std::nullopt;
    }
    length = parsed;
  }
  if (!length) error = "message without a Content-Length header";
  return length;
}

}  // namespace

void FrameDecoder::feed(std::string_view bytes) {
  if (skip_ > 0) {
    size_t dropped = std::min(skip_, bytes.size());
    skip_ -= dropped;
    bytes.remove_prefix(dropped);
  }
  buffer_.append(bytes);
}

std::optional<Frame> FrameDecoder::next() {
  while (skip_ == 0 && !buffer_.empty()) {
    // Blank lines between messages are tolerated.
    size_t start = buffer_.find_first_not_of("\r\n");
    if (start == std::string::npos) {
      buffer_.clear();
      return std::nullopt;
    }
    if (start > 0) buffer_.erase(0, start);
    size_t header_end = buffer_.find("\r\n\r\n");
    if (header_end == std::string::npos) {
      if (buffer_.size() <= kMaxHeaderBytes) return std::nullopt;
      buffer_.clear();
      return Frame{"", "header longer than " + std::to_string(kMaxHeaderBytes) + " bytes without an end"};
    }
    std::string error;
    std::optional<size_t> length = content_length(std::string_view(buffer_).substr(0, header_end), error);
    if (!length) {
      buffer_.erase(0, header_end + 4);
      return Frame{"", error};
    }
    size_t body_start = header_end + 4;
    if (*length > max_body_bytes_) {
      size_t available = buffer_.size() - body_start;
      skip_ = *length - std::min(*length, available);
      buffer_.erase(0, body_start + std::min(*length, available));
      return Frame{"", "message of " + std::to_string(*length) + " bytes is larger than the limit of " +
                           std::to_string(max_body_bytes_) + " bytes"};
    }
    if (buffer_.size() - body_start < *length) return std::nullopt;
    Frame frame{buffer_.substr(body_start, *length), ""};
    buffer_.erase(0, body_start + *length);
    return frame;
  }
  return std::nullopt;
}

std::string frame(const nlohmann::json& message) {
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

nlohmann::json response(const nlohmann::json& id, nlohmann::json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

nlohmann::json error_response(const nlohmann::json& id, int code, const std::string& message) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

nlohmann::json notification(std::string_view method, nlohmann::json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace iblint::lsp
