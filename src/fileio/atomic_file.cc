#include "fileio/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

#include "fileio/file_identity.h"

namespace amip::fileio {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

std::string DirectoryOf(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

core::Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path target(path);
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..") {
    return core::InvalidArgumentError(path + ": kein Dateiname");
  }
  // The rename would replace a device or FIFO node itself (as root, `--quarantine /dev/null`
  // replaced /dev/null by a regular file); a directory fails at the rename.
  struct stat existing {};
  if (::lstat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) &&
      !S_ISDIR(existing.st_mode) && !S_ISLNK(existing.st_mode)) {
    return core::InvalidArgumentError(path + ": ist " + FileKindName(existing.st_mode) +
                                      ", keine reguläre Datei, und wird nicht ersetzt; bitte "
                                      "einen Dateipfad angeben. Nichts geschrieben");
  }
  const std::string prefix =
      (std::filesystem::path(DirectoryOf(path)) / ("." + name + ".amip-tmp-")).string() +
      std::to_string(::getpid()) + "-";
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string temp = prefix + std::to_string(counter.fetch_add(1));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) return AtomicFile(path, std::move(temp), fd);
    if (errno != EEXIST) {
      return core::UnavailableError(path + ": kann nicht geschrieben werden (temporäre Datei " +
                                    temp + "): " + ErrnoText());
    }
  }
  return core::UnavailableError(path + ": keine temporäre Datei anlegbar");
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      temp_path_(std::move(other.temp_path_)),
      fd_(std::exchange(other.fd_, -1)),
      done_(std::exchange(other.done_, true)),
      error_(std::move(other.error_)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    Discard();
    path_ = std::move(other.path_);
    temp_path_ = std::move(other.temp_path_);
    fd_ = std::exchange(other.fd_, -1);
    done_ = std::exchange(other.done_, true);
    error_ = std::move(other.error_);
  }
  return *this;
}

AtomicFile::~AtomicFile() { Discard(); }

void AtomicFile::Discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!done_) ::unlink(temp_path_.c_str());
  done_ = true;
}

core::Status AtomicFile::Write(std::string_view bytes) {
  if (!error_.ok()) return error_;
  if (done_ || fd_ < 0) return core::InternalError(path_ + ": write after commit");
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd_, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      error_ = core::UnavailableError(path_ + ": Schreibfehler: " + ErrnoText() +
                                      "; Datei unverändert");
      Discard();
      return error_;
    }
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return core::Status::Ok();
}

core::Status AtomicFile::Commit() {
  if (!error_.ok()) return error_;
  if (done_) return core::InternalError(path_ + ": commit of a discarded file");
  const auto fail = [this](const std::string& what) {
    const std::string reason = ErrnoText();
    Discard();
    return core::UnavailableError(path_ + ": " + what + ": " + reason + "; Datei unverändert");
  };
  // The temporary file may have been written by path (libxlsxwriter): sync what is there now.
  if (fd_ >= 0 && ::close(std::exchange(fd_, -1)) != 0) return fail("Schreibfehler");
  const int sync_fd = ::open(temp_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (sync_fd < 0) return fail("temporäre Datei verschwunden");
  const bool synced = ::fsync(sync_fd) == 0;
  ::close(sync_fd);
  if (!synced) return fail("fsync fehlgeschlagen");
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) return fail("Umbenennen fehlgeschlagen");
  done_ = true;
  const int dir_fd = ::open(DirectoryOf(path_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);  // best effort: the rename is done; a failure here cannot be undone
    ::close(dir_fd);
  }
  return core::Status::Ok();
}

core::Status WriteFileAtomically(const std::string& path, std::string_view content) {
  AMIP_ASSIGN_OR_RETURN(AtomicFile file, AtomicFile::Create(path));
  AMIP_RETURN_IF_ERROR(file.Write(content));
  return file.Commit();
}

}  // namespace amip::fileio
