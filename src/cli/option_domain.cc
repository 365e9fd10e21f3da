#include "cli/option_domain.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "core/ids.h"
#include "law/law_snapshot.h"
#include "report/table.h"
#include "synth/profile.h"

namespace amip::cli {
namespace {

// "'abc'" with the value quoted; an empty value reads "'' (leer)".
std::string Quoted(std::string_view text) {
  std::string quoted = "'" + std::string(text) + "'";
  if (text.empty()) quoted += " (leer)";
  return quoted;
}

std::string WithUnit(std::string text, std::string_view unit) {
  if (!unit.empty()) text += " " + std::string(unit);
  return text;
}

// Strict decimal integer: optional '-', 1–19 digits; false on anything else or overflow.
bool ParseInteger(std::string_view text, int64_t* out) {
  size_t pos = text.starts_with('-') ? 1 : 0;
  if (pos == text.size() || text.size() - pos > 19) return false;
  uint64_t value = 0;
  for (size_t idx = pos; idx < text.size(); ++idx) {
    if (text[idx] < '0' || text[idx] > '9') return false;
    value = value * 10 + static_cast<uint64_t>(text[idx] - '0');
  }
  const uint64_t limit = static_cast<uint64_t>(std::numeric_limits<int64_t>::max()) + (pos == 1);
  if (value > limit) return false;
  *out = pos == 1 ? static_cast<int64_t>(0 - value) : static_cast<int64_t>(value);
  return true;
}

std::string Number(double value) { return report::FormatGermanNumber(value, value == std::floor(value) ? 0 : 2); }

}  // namespace

bool ParseDecimal(std::string_view text, double* out) {
  size_t pos = text.starts_with('-') ? 1 : 0;
  size_t digits = 0;
  bool point = false;
  for (size_t idx = pos; idx < text.size(); ++idx) {
    if (text[idx] >= '0' && text[idx] <= '9') {
      ++digits;
    } else if (text[idx] == '.' && !point && digits > 0 && idx + 1 < text.size()) {
      point = true;
    } else {
      return false;
    }
  }
  if (digits == 0 || digits > 30) return false;
  *out = std::strtod(std::string(text).c_str(), nullptr);
  return std::isfinite(*out);
}

CLI::Validator IntegerIn(int64_t min, int64_t max, std::string_view unit) {
  const std::string range = WithUnit(
      "ganze Zahl von " + std::to_string(min) + " bis " + std::to_string(max), unit);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        int64_t value = 0;
        if (!ParseInteger(text, &value)) return Quoted(text) + " ist keine ganze Zahl; erlaubt: " + range;
        if (value < min || value > max) {
          return text + " liegt außerhalb des zulässigen Bereichs: " + range;
        }
        return "";
      },
      std::to_string(min) + ".." + std::to_string(max));
}

CLI::Validator Seed() {
  const std::string range = "ganze Zahl von 0 bis 18446744073709551615";
  return CLI::Validator(
      [range](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 20 &&
                            text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits) return Quoted(text) + " ist kein Startwert; erlaubt: " + range;
        if (text.size() == 20 && text > "18446744073709551615") {
          return text + " liegt außerhalb des zulässigen Bereichs: " + range;
        }
        return "";
      },
      "0..2^64-1");
}

CLI::Validator NumberIn(double min, double max, std::string_view unit) {
  const std::string range = WithUnit("Zahl von " + Number(min) + " bis " + Number(max), unit) +
                            " (Dezimalpunkt, z. B. 2.5)";
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        double value = 0;
        if (!ParseDecimal(text, &value)) return Quoted(text) + " ist keine endliche Zahl; erlaubt: " + range;
        if (value < min || value > max) return text + " liegt außerhalb des zulässigen Bereichs: " + range;
        return "";
      },
      Number(min) + ".." + Number(max));
}

CLI::Validator OneOf(std::vector<std::string> choices) {
  std::string list;
  for (const std::string& choice : choices) list += (list.empty() ? "" : ", ") + choice;
  return CLI::Validator(
      [choices, list](std::string& text) -> std::string {
        for (const std::string& choice : choices) {
          if (text == choice) return "";
        }
        return "unbekannter Wert " + Quoted(text) + "; erlaubt: " + list;
      },
      list);
}

CLI::Validator NonEmpty(std::string_view what) {
  const std::string name(what);
  return CLI::Validator(
      [name](std::string& text) -> std::string {
        if (text.empty()) return "leerer Wert; erwartet: " + name;
        return "";
      },
      "");
}

CLI::Validator IdText() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (core::IsValidId(text)) return "";
        return Quoted(text) + " ist keine gültige Kennung; erlaubt: 1 bis 64 Zeichen aus A–Z, a–z, 0–9, '_', '.', '-'";
      },
      "");
}

CLI::Validator ListOf(std::function<bool(std::string_view)> known, std::string choices) {
  return CLI::Validator(
      [known, choices](std::string& text) -> std::string {
        size_t begin = 0;
        while (true) {
          const size_t comma = std::min(text.find(',', begin), text.size());
          const std::string_view item = std::string_view(text).substr(begin, comma - begin);
          if (!known(item)) {
            return "unbekannter Eintrag " + Quoted(item) + " in " + Quoted(text) + "; erlaubt (mit Komma getrennt): " +
                   choices;
          }
          if (comma == text.size()) return "";
          begin = comma + 1;
        }
      },
      "");
}

CLI::Validator MonthIn(MonthBoundsFn bounds_fn) {
  return CLI::Validator(
      [bounds_fn](std::string& text) -> std::string {
        auto bounds = bounds_fn();
        if (!bounds.ok()) return bounds.status().message();
        auto month = core::Month::Parse(text);
        const std::string range =
            "Monat im Format JJJJ-MM von " + bounds->first.ToString() + " bis " + bounds->last.ToString() +
            (bounds->reason.empty() ? "" : " (" + bounds->reason + ")");
        if (!month.ok()) return "erwartet einen " + range + ", nicht " + Quoted(text);
        if (*month < bounds->first || *month > bounds->last) {
          return text + " liegt außerhalb des zulässigen Bereichs: " + range;
        }
        return "";
      },
      "JJJJ-MM");
}

namespace {

// The comma-separated parts of a month set; an empty part (",", "a,,b", "a,") is one too.
std::vector<std::string_view> MonthSetParts(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t begin = 0;
  for (;;) {
    const size_t comma = text.find(',', begin);
    parts.push_back(text.substr(begin, comma == std::string_view::npos ? std::string_view::npos : comma - begin));
    if (comma == std::string_view::npos) return parts;
    begin = comma + 1;
  }
}

}  // namespace

bool MonthSet::Contains(core::Month month) const {
  return std::binary_search(months.begin(), months.end(), month);
}

core::Result<MonthSet> ParseMonthSet(std::string_view text) {
  MonthSet set;
  for (std::string_view part : MonthSetParts(text)) {
    auto range = core::MonthRange::Parse(part);
    if (!range.ok()) {
      return core::InvalidArgumentError("Monatsangabe " + Quoted(part) + " in " + Quoted(text) +
                                        ": erwartet JJJJ-MM oder JJJJ-MM..JJJJ-MM");
    }
    for (core::Month month = range->first; month <= range->last; month = month + 1) set.months.push_back(month);
  }
  std::sort(set.months.begin(), set.months.end());
  set.months.erase(std::unique(set.months.begin(), set.months.end()), set.months.end());
  set.hull = core::MonthRange{set.months.front(), set.months.back()};
  return set;
}

CLI::Validator MonthRangeIn(MonthBoundsFn bounds_fn) {
  return CLI::Validator(
      [bounds_fn](std::string& text) -> std::string {
        auto bounds = bounds_fn();
        if (!bounds.ok()) return bounds.status().message();
        std::string range = "Monate im Format JJJJ-MM..JJJJ-MM (auch mehrere mit Komma getrennt: "
                            "JJJJ-MM..JJJJ-MM,JJJJ-MM) von " +
                            bounds->first.ToString() + " bis " + bounds->last.ToString();
        if (bounds->max_months > 0) range += ", höchstens " + std::to_string(bounds->max_months) + " Monate";
        if (!bounds->reason.empty()) range += " (" + bounds->reason + ")";
        const std::vector<std::string_view> parts = MonthSetParts(text);
        for (std::string_view part : parts) {
          const std::string shown = parts.size() > 1 ? Quoted(part) + " in " + Quoted(text) : Quoted(text);
          auto months = core::MonthRange::Parse(part);
          if (!months.ok()) {
            const bool reversed = months.status().message().find("ends before") != std::string::npos;
            if (reversed) return shown + ": der letzte Monat liegt vor dem ersten; erlaubt: " + range;
            return "erwartet " + range + ", nicht " + shown;
          }
          if (months->first < bounds->first || months->last > bounds->last) {
            return (parts.size() > 1 ? shown : text) + " liegt außerhalb des zulässigen Bereichs: " + range;
          }
        }
        auto set = ParseMonthSet(text);
        if (!set.ok()) return set.status().message();
        if (bounds->max_months > 0 && set->hull.size() > bounds->max_months) {
          return text + " umfasst " + std::to_string(set->hull.size()) + " Monate; erlaubt: " + range;
        }
        return "";
      },
      "JJJJ-MM..JJJJ-MM[,…]");
}

CLI::Validator DateIn(DateBoundsFn bounds_fn) {
  return CLI::Validator(
      [bounds_fn](std::string& text) -> std::string {
        auto bounds = bounds_fn();
        if (!bounds.ok()) return bounds.status().message();
        const std::string range = "Kalenderdatum im Format JJJJ-MM-TT von " + bounds->first.ToString() + " bis " +
                                  bounds->last.ToString() +
                                  (bounds->reason.empty() ? "" : " (" + bounds->reason + ")");
        auto date = core::Date::Parse(text);
        if (!date.ok()) return "erwartet ein " + range + ", nicht " + Quoted(text);
        if (*date < bounds->first || *date > bounds->last) {
          return text + " liegt außerhalb des zulässigen Bereichs: " + range;
        }
        return "";
      },
      "JJJJ-MM-TT");
}

CLI::Validator EuroIn(core::Cents min, core::Cents max) {
  const std::string range = "Betrag in Euro mit Dezimalpunkt (z. B. 13.90) von " + min.ToGermanString() + " bis " +
                            max.ToGermanString();
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        auto amount = core::Cents::Parse(text);
        if (!amount.ok()) return Quoted(text) + " ist kein Eurobetrag; erlaubt: " + range;
        if (*amount < min || *amount > max) return text + " liegt außerhalb des zulässigen Bereichs: " + range;
        return "";
      },
      min.ToString() + ".." + max.ToString());
}

CLI::Validator ProfileNameOrFile() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        // A path (a '/' or a YAML name) is read by the command, which names what is wrong with it.
        if (text.find('/') != std::string::npos || text.ends_with(".yaml") || text.ends_with(".yml")) return "";
        std::string names;
        for (const std::string& name : synth::ProfileNames()) {
          if (text == name) return "";
          names += (names.empty() ? "" : ", ") + name;
        }
        return "unbekanntes Profil " + Quoted(text) + "; erlaubt: " + names + " oder ein Dateipfad (*.yaml oder mit '/')";
      },
      "");
}

DateBounds CalendarDays() { return {core::Date::Min(), core::Date::Max(), "darstellbarer Kalender"}; }

core::Result<DateBounds> LawDays() {
  AMIP_ASSIGN_OR_RETURN(const law::ParameterStore* store, law::EmbeddedStore());
  AMIP_ASSIGN_OR_RETURN(law::LawCoverage coverage, law::CoverageOf(*store));
  return DateBounds{coverage.first, coverage.last, "Abdeckung der Rechtsparameter"};
}

core::Result<MonthBounds> LawMonths() {
  AMIP_ASSIGN_OR_RETURN(DateBounds days, LawDays());
  return MonthBounds{days.first.ToMonth(), days.last.ToMonth(), 0, days.reason};
}

CLI::Option* AddFormatOption(CLI::App* command, std::string& format, std::string description) {
  return command->add_option("--format", format, std::move(description))
      ->check(OneOf({"table", "csv", "json"}));
}

ExitCode UsageError(std::string_view command, std::string_view message) {
  std::fprintf(stderr, "amip %.*s: %.*s\n", static_cast<int>(command.size()), command.data(),
               static_cast<int>(message.size()), message.data());
  return ExitCode::kUsageError;
}

}  // namespace amip::cli
