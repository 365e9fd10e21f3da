// File identity: two paths name the same file when stat gives the same (st_dev, st_ino) —
// also through symbolic links, hard links and different spellings ("./x.db", "dir/../x.db").
// RefuseOutputOverInput is the check every command runs before it writes an output file:
// the output must not be one of its inputs or the database. Thread-safe.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace amip::fileio {

struct FileIdentity {
  uint64_t device = 0;
  uint64_t inode = 0;
  bool operator==(const FileIdentity&) const = default;
};

// The identity of the file `path` names (symbolic links followed); nullopt when it does not
// exist or cannot be examined.
std::optional<FileIdentity> IdentityOf(const std::string& path);

// True when `a` and `b` name the same file: the same identity when both exist, else the same
// absolute path after resolving the parts that exist (a file still to be created).
bool SameFile(const std::string& a, const std::string& b);

// True when `path`, with every symbolic link resolved, lies inside the directory `dir` (also
// resolved) or is `dir` itself. False when either cannot be resolved.
bool IsWithin(const std::string& path, const std::string& dir);

// kInvalidArgument naming both paths when `output` is the same file as one of `inputs`
// (empty entries are ignored); OK otherwise. Nothing is created or changed.
core::Status RefuseOutputOverInput(const std::string& output,
                                   const std::vector<std::string>& inputs);

// "eine benannte Pipe (FIFO)", "ein Verzeichnis", ...: the German name of a file type
// (st_mode), for messages.
std::string FileKindName(mode_t mode);

}  // namespace amip::fileio
