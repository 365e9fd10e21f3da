// The lock that serialises imports into one database (issue 10): an exclusive flock(2) on the
// side file DB.lock, held for a whole SaveExtract. Its holder alone may create, fill and
// remove the temporary file a new database is built in; readers never take it. The lock
// file is removed by its holder on release, so none stays behind after an import (one left
// by a killed process is reused). Local file systems only (flock over NFS is not reliable).
// Internal to storage/. A lock object is owned by one thread.
#pragma once

#include <string>
#include <utility>

#include "core/status.h"

namespace amip::storage::detail {

class ImportLock {
 public:
  // Waits up to `wait_ms` for another holder; kUnavailable (German message) when it does not
  // finish in time or the lock file cannot be created.
  static core::Result<ImportLock> Acquire(const std::string& db_path, int wait_ms);

  ImportLock(ImportLock&& other) noexcept;
  ImportLock& operator=(ImportLock&& other) noexcept;
  ImportLock(const ImportLock&) = delete;
  ImportLock& operator=(const ImportLock&) = delete;
  ~ImportLock();

 private:
  ImportLock(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  void Release();
  std::string path_;
  int fd_ = -1;
};

}  // namespace amip::storage::detail
