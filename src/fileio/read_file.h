// ReadRegularFile: the one way amip reads an input file into memory. It refuses anything that
// is not a regular file (a FIFO would block or never end, a device such as /dev/zero never
// ends, a directory has no content) by name, and refuses a file larger than the caller's
// limit with its size and the limit. The size is checked twice: with fstat on the opened file
// and while reading (at most limit + 1 bytes are read), so a file that grows while it is read
// cannot run away either. Messages are German and name the file. Thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace amip::fileio {

// Limits for the inputs a user names on the command line (generous, but bounded).
inline constexpr uint64_t kMaxYamlBytes = uint64_t{16} << 20;  // case files, plans, profiles
inline constexpr uint64_t kMaxListBytes = uint64_t{16} << 20;  // --batch lists, --targets

// The whole file. kNotFound when it does not exist; kInvalidArgument when it is not a regular
// file or is larger than `max_bytes`; kUnavailable when it cannot be opened or read.
core::Result<std::string> ReadRegularFile(const std::string& path, uint64_t max_bytes);

// At most `prefix_bytes` of the file (same refusals, the size limit applies to the whole
// file); `*complete` says whether that was all of it.
core::Result<std::string> ReadRegularFilePrefix(const std::string& path, uint64_t prefix_bytes,
                                                uint64_t max_bytes, bool* complete);

// "16 MiB", "1,5 GiB", "812 Bytes": a byte count for messages.
std::string FormatBytes(uint64_t bytes);

}  // namespace amip::fileio
