// Status and Result<T>: errors as values (modelled on abseil's Status/StatusOr).
// Expected failures (bad input, missing data) travel as Status; programmer errors use
// AMIP_ASSERT. No exceptions cross module boundaries. Thread-compatible value types.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace amip::core {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // malformed input: a bad value, an unknown key
  kNotFound,           // a referenced thing does not exist
  kFailedPrecondition, // the state does not allow the operation (e.g. window before extract)
  kDataLoss,           // unreadable or truncated data
  kOutOfRange,         // a date outside the covered period
  kInternal,           // a bug or an unexpected library failure
  kUnavailable,        // an external resource (database server) cannot be reached
};

const char* StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "INVALID_ARGUMENT: persons.csv:3:2: ..." — for logs and CLI error output.
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context: `.
  Status WithContext(const std::string& context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string msg) {
  return Status(StatusCode::kInvalidArgument, std::move(msg));
}
inline Status NotFoundError(std::string msg) { return Status(StatusCode::kNotFound, std::move(msg)); }
inline Status FailedPreconditionError(std::string msg) {
  return Status(StatusCode::kFailedPrecondition, std::move(msg));
}
inline Status DataLossError(std::string msg) { return Status(StatusCode::kDataLoss, std::move(msg)); }
inline Status OutOfRangeError(std::string msg) {
  return Status(StatusCode::kOutOfRange, std::move(msg));
}
inline Status InternalError(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }
inline Status UnavailableError(std::string msg) {
  return Status(StatusCode::kUnavailable, std::move(msg));
}

// Result<T> holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) status_ = InternalError("Result constructed from OK status without value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

[[noreturn]] void AssertFail(const char* cond, const char* why, const char* file, int line);

}  // namespace amip::core

#define AMIP_ASSERT(cond, why) \
  do {                         \
    if (!(cond)) ::amip::core::AssertFail(#cond, why, __FILE__, __LINE__); \
  } while (0)

#define AMIP_RETURN_IF_ERROR(expr)               \
  do {                                           \
    ::amip::core::Status amip_status_ = (expr);  \
    if (!amip_status_.ok()) return amip_status_; \
  } while (0)

#define AMIP_CONCAT_INNER_(a, b) a##b
#define AMIP_CONCAT_(a, b) AMIP_CONCAT_INNER_(a, b)
#define AMIP_ASSIGN_OR_RETURN(lhs, expr) \
  AMIP_ASSIGN_OR_RETURN_IMPL_(AMIP_CONCAT_(amip_result_, __LINE__), lhs, expr)
#define AMIP_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                \
  if (!result.ok()) return result.status();            \
  lhs = std::move(result).value()
