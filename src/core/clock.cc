#include "core/clock.h"

#include <ctime>

namespace amip::core {

Date SystemClock::Today() const {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return Date::FromYmd(utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday);
}

}  // namespace amip::core
