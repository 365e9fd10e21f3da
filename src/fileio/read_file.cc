#include "fileio/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "fileio/file_identity.h"

namespace amip::fileio {
namespace {

// Closes a descriptor on every path out of a function.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

core::Status TooLarge(const std::string& path, uint64_t size, bool at_least, uint64_t max_bytes) {
  return core::InvalidArgumentError(path + ": Datei ist " + (at_least ? "mindestens " : "") +
                                    FormatBytes(size) + " groß, erlaubt sind höchstens " +
                                    FormatBytes(max_bytes) + "; nicht gelesen");
}

core::Result<std::string> Read(const std::string& path, uint64_t prefix_bytes, uint64_t max_bytes,
                               bool* complete) {
  // O_NONBLOCK: opening a FIFO without a writer must not block before it can be refused.
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0) {
    const int error = errno;
    if (error == ENOENT || error == ENOTDIR) {
      return core::NotFoundError(path + ": Datei nicht gefunden");
    }
    return core::UnavailableError(path + ": Datei kann nicht geöffnet werden: " +
                                  std::strerror(error));
  }
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return core::UnavailableError(path + ": Dateiattribute nicht lesbar: " + std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) {
    return core::InvalidArgumentError(path + ": ist " + FileKindName(info.st_mode) +
                                      ", keine reguläre Datei; abgelehnt");
  }
  const int flags = ::fcntl(fd.get(), F_GETFL);
  if (flags >= 0) ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
  const uint64_t size = static_cast<uint64_t>(info.st_size);
  if (size > max_bytes) return TooLarge(path, size, false, max_bytes);

  // Read up to one byte past the wanted amount, so "more than that" is seen without reading on.
  const uint64_t wanted = std::min(prefix_bytes, max_bytes);
  const uint64_t read_limit = wanted + 1;
  std::string out;
  out.reserve(static_cast<size_t>(std::min(size, wanted)));
  char buffer[1 << 16];
  while (out.size() < read_limit) {
    const size_t want =
        static_cast<size_t>(std::min<uint64_t>(sizeof buffer, read_limit - out.size()));
    const ssize_t got = ::read(fd.get(), buffer, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      return core::UnavailableError(path + ": Lesefehler: " + std::strerror(errno));
    }
    if (got == 0) break;
    out.append(buffer, static_cast<size_t>(got));
  }
  if (out.size() > wanted) {
    if (wanted == max_bytes) return TooLarge(path, out.size(), true, max_bytes);
    out.resize(static_cast<size_t>(wanted));
    *complete = false;
  } else {
    *complete = true;
  }
  return out;
}

}  // namespace

core::Result<std::string> ReadRegularFile(const std::string& path, uint64_t max_bytes) {
  bool complete = false;
  return Read(path, max_bytes, max_bytes, &complete);
}

core::Result<std::string> ReadRegularFilePrefix(const std::string& path, uint64_t prefix_bytes,
                                                uint64_t max_bytes, bool* complete) {
  return Read(path, prefix_bytes, max_bytes, complete);
}

std::string FormatBytes(uint64_t bytes) {
  static const char* const kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return std::to_string(bytes) + " Bytes";
  double value = static_cast<double>(bytes) / 1024;
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  char text[48];
  if (value == static_cast<double>(static_cast<uint64_t>(value))) {
    std::snprintf(text, sizeof text, "%llu %s", static_cast<unsigned long long>(value), kUnits[unit]);
  } else {
    std::snprintf(text, sizeof text, "%.1f %s", value, kUnits[unit]);
    for (char* c = text; *c != '\0'; ++c) {
      if (*c == '.') *c = ',';
    }
  }
  return std::string(text) + " (" + std::to_string(bytes) + " Bytes)";
}

}  // namespace amip::fileio
