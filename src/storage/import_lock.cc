#include "storage/import_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

namespace amip::storage::detail {

core::Result<ImportLock> ImportLock::Acquire(const std::string& db_path, int wait_ms) {
  const std::string path = db_path + ".lock";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(wait_ms);
  while (true) {
    // O_RDONLY suffices for flock and works on a lock file another user left behind.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
      return core::UnavailableError("Sperrdatei " + path + " kann nicht angelegt werden: " +
                                    std::strerror(errno) + "; die Datenbank ist unverändert");
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
      // The previous holder may have removed the file after we opened it: then this lock is
      // on a file nobody else sees, and we start again with the current one.
      struct stat held {};
      struct stat named {};
      if (::fstat(fd, &held) == 0 && ::stat(path.c_str(), &named) == 0 &&
          held.st_dev == named.st_dev && held.st_ino == named.st_ino) {
        return ImportLock(path, fd);
      }
      ::close(fd);
      continue;
    }
    const int error = errno;
    ::close(fd);
    if (error != EWOULDBLOCK && error != EINTR) {
      return core::UnavailableError("Sperrdatei " + path + " kann nicht gesperrt werden: " +
                                    std::strerror(error) + "; die Datenbank ist unverändert");
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return core::UnavailableError(
          "die Datenbank " + db_path + " wird gerade von einem anderen Import beschrieben "
          "(Sperrdatei " + path + "); nach " + std::to_string(wait_ms / 1000) +
          " s Wartezeit abgebrochen, die Datenbank ist unverändert — bitte danach erneut "
          "importieren");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

ImportLock::ImportLock(ImportLock&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)) {}

ImportLock& ImportLock::operator=(ImportLock&& other) noexcept {
  if (this != &other) {
    Release();
    path_ = std::move(other.path_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

ImportLock::~ImportLock() { Release(); }

void ImportLock::Release() {
  if (fd_ < 0) return;
  // Removed while still held, so a waiter that opened this file sees it replaced (Acquire).
  ::unlink(path_.c_str());
  ::close(fd_);
  fd_ = -1;
}

}  // namespace amip::storage::detail
