#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace iblint::lsp {

/// The local path of a `file://` URI (percent-escapes decoded), or nullopt for other schemes
/// (`untitled:` buffers) and malformed escapes.
std::optional<std::string> path_from_uri(std::string_view uri);

/// The `file://` URI of an absolute path, percent-escaping what RFC 3986 does not allow.
std::string uri_from_path(std::string_view path);

}  // namespace iblint::lsp
