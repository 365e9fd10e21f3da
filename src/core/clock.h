// Clock: the only way code learns "today". Injected so that no test depends on the date.
#pragma once

#include "core/date.h"

namespace amip::core {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Date Today() const = 0;
};

// Reads the system clock (UTC).
class SystemClock final : public Clock {
 public:
  Date Today() const override;
};

// Returns a fixed date; for tests and reproducible runs.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Date today) : today_(today) {}
  Date Today() const override { return today_; }

 private:
  Date today_;
};

}  // namespace amip::core
