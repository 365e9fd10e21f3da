// The domain of every command-line option value, declared once beside the option
// (`->check(IntegerIn(0, 24))`). Each function returns a CLI11 Validator that reads the raw
// text before CLI11 converts it, so "abc", "1e3", "nan", "-5" or a number too large for the
// variable never reach the command, and explains a value outside its domain in German:
// CLI11 prefixes the option name, the validator names the value and the allowed range
// ("--bdi-months: 95000 liegt außerhalb des zulässigen Bereichs: ganze Zahl von 0 bis 24").
// main turns that ValidationError into exit 2. A domain that depends on data (a Jobcenter of
// the database, the plan year) is checked by the command after loading, through UsageError.
// The validators keep only immutable state (copies of their bounds): thread-compatible.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/command_registry.h"
#include "core/date.h"
#include "core/money.h"
#include "core/status.h"

namespace amip::cli {

// A finite decimal number written strictly: optional '-', digits, optionally '.' and digits
// ("2.5"; not "nan", "inf", "1e3", ".5", "5."). False for anything else.
bool ParseDecimal(std::string_view text, double* out);

// A decimal integer (optional '-', digits only) with min <= value <= max; `unit` is appended
// to the range in the message ("Monate").
CLI::Validator IntegerIn(int64_t min, int64_t max, std::string_view unit = "");

// A seed: a decimal integer 0 … 18446744073709551615 (uint64).
CLI::Validator Seed();

// A finite decimal number ("5", "2.5", "-0.5"; no "nan", "inf", "1e3", no decimal comma)
// with min <= value <= max.
CLI::Validator NumberIn(double min, double max, std::string_view unit = "");

// One of `choices`, exactly (case-sensitive).
CLI::Validator OneOf(std::vector<std::string> choices);

// A non-empty text; `what` names it in the message ("Pfad", "Kennung").
CLI::Validator NonEmpty(std::string_view what);

// An id of the data contract (core::IsValidId: letters, digits, '-', '_', '.', 1–64 chars).
CLI::Validator IdText();

// A comma-separated list whose every element satisfies `known` (e.g. indicator ids);
// `choices` is printed as the allowed values.
CLI::Validator ListOf(std::function<bool(std::string_view)> known, std::string choices);

// Bounds that may be known only at parse time (law coverage, indicator catalogue). A bounds
// function that fails makes the value fail with its message.
struct MonthBounds {
  core::Month first;
  core::Month last;
  int32_t max_months = 0;  // for ranges: at most this many months (0 = no limit)
  std::string reason;      // why these bounds ("Abdeckung der Rechtsparameter")
};
using MonthBoundsFn = std::function<core::Result<MonthBounds>()>;

// A month JJJJ-MM within the bounds.
CLI::Validator MonthIn(MonthBoundsFn bounds);
// A month set: ranges and single months separated by commas ("2025-01..2025-06,2025-09"),
// each within the bounds and not ending before it starts; from the first to the last month
// at most `max_months` long (the computation spans that hull).
CLI::Validator MonthRangeIn(MonthBoundsFn bounds);

// A month set as `MonthRangeIn` accepts it: the months in order, without repetition, and
// the hull from the first to the last. kInvalidArgument (German) for anything else.
struct MonthSet {
  std::vector<core::Month> months;
  core::MonthRange hull;
  bool Contiguous() const { return static_cast<int32_t>(months.size()) == hull.size(); }
  bool Contains(core::Month month) const;
};
core::Result<MonthSet> ParseMonthSet(std::string_view text);

struct DateBounds {
  core::Date first;
  core::Date last;
  std::string reason;
};
using DateBoundsFn = std::function<core::Result<DateBounds>()>;
// A real calendar day JJJJ-MM-TT within the bounds.
CLI::Validator DateIn(DateBoundsFn bounds);

// A euro amount ("13.90", at most two decimals) with min <= value <= max.
CLI::Validator EuroIn(core::Cents min, core::Cents max);

// The representable calendar (core::Date::Min() … core::Date::Max()).
DateBounds CalendarDays();
// The months the law parameters cover (law/parameters/coverage.yaml), and its days.
core::Result<MonthBounds> LawMonths();
core::Result<DateBounds> LawDays();

// A generator profile: the name of an embedded profile (synth::ProfileNames) or a path to a
// file (ending in .yaml or .yml, or containing '/'; reading it is the command's business).
CLI::Validator ProfileNameOrFile();

// Adds `--format table|csv|json` with its domain.
CLI::Option* AddFormatOption(CLI::App* command, std::string& format, std::string description = "table|csv|json");

// A bad command line found by a command itself (a combination of options, a value that must
// exist in the data): prints "amip COMMAND: MESSAGE" and returns kUsageError.
ExitCode UsageError(std::string_view command, std::string_view message);

}  // namespace amip::cli
