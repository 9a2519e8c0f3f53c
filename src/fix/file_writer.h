#pragma once
#include <string>
#include <string_view>

namespace iblint {

/// Replaces the contents of the file at path with bytes, atomically: the bytes go to a temporary
/// file created with mkstemp in the file's own folder, which gets the file's permissions (and
/// owner, where allowed), is flushed to disk with fsync and renamed over the file. A reader sees
/// the old contents or the new, never a part. When path is a symbolic link, its final target is
/// replaced and the link is kept. A file the user may not write is refused, even where the
/// folder would allow the rename. On failure the file is untouched, no temporary file is left
/// and error says why.
bool replace_file_atomically(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace iblint
