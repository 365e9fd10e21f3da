// AtomicFile: writes a file so that its path shows either the old content or the complete new
// one, never a half-written file. The bytes go to a temporary file in the target's directory
// (".NAME.amip-tmp-PID-N", created exclusively with the umask's permissions); Commit() flushes
// it to disk (fsync), renames it over the target and syncs the directory. A temporary file
// that is not committed — an error, an early return — is removed by the destructor.
// The temporary file can also be filled by a library that writes by path (libxlsxwriter):
// write to temp_path(), then Commit(). Thread-compatible; move-only.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace amip::fileio {

class AtomicFile {
 public:
  // Creates the temporary file beside `path`. kUnavailable when the directory is not writable.
  static core::Result<AtomicFile> Create(const std::string& path);

  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

  // Appends `bytes` to the temporary file.
  core::Status Write(std::string_view bytes);
  // fsync, rename over path(), fsync of the directory. After an error the target is unchanged
  // and the temporary file is gone. REQUIRES: not yet committed.
  core::Status Commit();

 private:
  AtomicFile(std::string path, std::string temp_path, int fd)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), fd_(fd) {}
  void Discard();

  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  bool done_ = false;
  core::Status error_;  // the first write error, returned by Commit()
};

// The whole of `content` into `path` through an AtomicFile.
core::Status WriteFileAtomically(const std::string& path, std::string_view content);

}  // namespace amip::fileio
