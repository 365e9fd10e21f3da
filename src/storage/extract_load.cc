// LoadExtract: reads every Jobcenter of an amip database into one contract::Extract, fast and
// lean enough for the national profile (≈ 130 M rows; docs/benchmarks.md).
//
// How: each table is read in rowid ranges (chunks) by several threads, each with its own
// read-only connection. A row lands in the slot of its rowid, so the result does not depend
// on scheduling. No SQL ORDER BY over text keys: rows are put in order afterwards in C++ with
// integer keys (a no-op check when the rows were inserted in order, as import does). Person,
// Jobcenter and municipality ids are resolved by binary search in the sorted parent table,
// with a hint for the next row (rows are grouped by person), so no hash map is built.
#include <algorithm>
#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "storage/extract_store.h"
#include "storage/sqlite_db.h"
#include "storage/stored_values.h"

namespace amip::storage {
namespace {

using contract::Extract;
using detail::ParseStored;
using detail::StoredCents;
using detail::StoredDate;
using detail::StoredMonth;
using detail::StoredOptionalDate;

// Finds the index of `key` in a vector sorted by key(element); remembers the last hit and
// tries it and its successor first (rows arrive grouped by parent, in parent order).
template <typename Element, typename Key>
class SortedFinder {
 public:
  SortedFinder(const std::vector<Element>& elements, Key key, const char* what)
      : elements_(elements), key_(key), what_(what) {}

  core::Result<int32_t> Find(std::string_view wanted) {
    const size_t size = elements_.size();
    if (hint_ < size && key_(elements_[hint_]) == wanted) return static_cast<int32_t>(hint_);
    if (hint_ + 1 < size && key_(elements_[hint_ + 1]) == wanted) {
      return static_cast<int32_t>(++hint_);
    }
    const auto found = std::lower_bound(
        elements_.begin(), elements_.end(), wanted,
        [&](const Element& element, std::string_view text) { return key_(element) < text; });
    if (found == elements_.end() || key_(*found) != wanted) {
      return core::DataLossError("row refers to unknown " + std::string(what_) + " '" +
                                 std::string(wanted) + "'");
    }
    hint_ = static_cast<size_t>(found - elements_.begin());
    return static_cast<int32_t>(hint_);
  }

 private:
  const std::vector<Element>& elements_;
  Key key_;
  const char* what_;
  size_t hint_ = 0;
};

std::string_view PersonKey(const contract::Person& person) { return person.person_id; }
std::string_view JobcenterKey(const contract::Jobcenter& jc) { return jc.jc_id; }
std::string_view MunicipalityKey(const contract::Municipality& municipality) {
  return municipality.ags;
}
using PersonFinder = SortedFinder<contract::Person, decltype(&PersonKey)>;
using JobcenterFinder = SortedFinder<contract::Jobcenter, decltype(&JobcenterKey)>;
using MunicipalityFinder = SortedFinder<contract::Municipality, decltype(&MunicipalityKey)>;

// The finders one chunk uses (their hints are per chunk, so chunks run independently).
struct Finders {
  explicit Finders(const Extract& extract)
      : person(extract.persons, &PersonKey, "person"),
        jc(extract.jobcenters, &JobcenterKey, "Jobcenter"),
        municipality(extract.municipalities, &MunicipalityKey, "municipality") {}
  PersonFinder person;
  JobcenterFinder jc;
  MunicipalityFinder municipality;
};

// Removes the entries whose slot is not present (rowids deleted by a replaced load), keeping
// order. `values` is indexed like `present`.
template <typename Value>
void KeepPresent(std::vector<Value>& values, const std::vector<uint8_t>& present) {
  size_t out = 0;
  for (size_t slot = 0; slot < values.size(); ++slot) {
    if (present[slot] == 0) continue;
    if (out != slot) values[out] = std::move(values[slot]);
    ++out;
  }
  values.resize(out);
}

// One table's rows by rowid: rows[rowid - first]; present marks the rowids that exist.
template <typename Row>
struct Slots {
  int64_t first = 0;
  std::vector<Row> rows;
  std::vector<uint8_t> present;
  std::atomic<int64_t> filled{0};

  bool HasGaps() const { return filled.load() != static_cast<int64_t>(rows.size()); }
  // Drops the side vector's entries of absent slots (a vector indexed like the rows).
  template <typename Value>
  void Compact(std::vector<Value>& side) const {
    if (HasGaps() && !side.empty()) KeepPresent(side, present);
  }
  std::vector<Row> TakeRows() {
    if (HasGaps()) KeepPresent(rows, present);
    std::vector<uint8_t>().swap(present);
    return std::move(rows);
  }
};

// A chunk of work: rowids [lo, hi) of one table.
struct Task {
  std::function<core::Status(Database&, int64_t, int64_t)> run;
  int64_t lo = 0;
  int64_t hi = 0;
};

// Adds the chunks of `table` to `tasks` and sizes `slots` to its rowid range. `columns` are
// selected after the rowid; parse(row, Row&, slot, Finders&) fills one row.
template <typename Row, typename Parse>
core::Status AddTable(Database& db, const Extract& extract, const std::string& table,
                      const std::string& columns, int64_t chunk_rows, Slots<Row>& slots,
                      Parse parse, std::vector<Task>& tasks) {
  AMIP_ASSIGN_OR_RETURN(Statement span,
                        db.Prepare("SELECT MIN(rowid), MAX(rowid) FROM " + table));
  AMIP_ASSIGN_OR_RETURN(bool has_row, span.Step());
  if (!has_row || span.IsNull(0)) return core::Status::Ok();
  const int64_t first = span.Int(0);
  const int64_t count = span.Int(1) - first + 1;
  slots.first = first;
  slots.rows.resize(static_cast<size_t>(count));
  slots.present.assign(static_cast<size_t>(count), 0);
  const std::string sql =
      "SELECT rowid, " + columns + " FROM " + table + " WHERE rowid >= ?1 AND rowid < ?2";
  for (int64_t lo = first; lo < first + count; lo += chunk_rows) {
    Task task;
    task.lo = lo;
    task.hi = std::min(lo + chunk_rows, first + count);
    task.run = [&slots, &extract, sql, table, parse](Database& reader, int64_t from,
                                                     int64_t to) -> core::Status {
      AMIP_ASSIGN_OR_RETURN(Statement query, reader.Prepare(sql));
      query.Bind(1, from);
      query.Bind(2, to);
      Finders finders(extract);
      int64_t rows = 0;
      while (true) {
        AMIP_ASSIGN_OR_RETURN(bool has, query.Step());
        if (!has) break;
        const int64_t rowid = query.Int(0);
        const size_t slot = static_cast<size_t>(rowid - slots.first);
        if (core::Status status = parse(query, slots.rows[slot], slot, finders); !status.ok()) {
          return status.WithContext(table + " rowid " + std::to_string(rowid));
        }
        slots.present[slot] = 1;
        ++rows;
      }
      slots.filled += rows;
      return core::Status::Ok();
    };
    tasks.push_back(std::move(task));
  }
  return core::Status::Ok();
}

// Runs the tasks on one thread per reader connection (readers[0] on the calling thread). On
// failure the error of the earliest failing task is returned (deterministic).
core::Status RunTasks(std::vector<Database>& readers, const std::vector<Task>& tasks) {
  std::atomic<size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  size_t failed_task = tasks.size();
  core::Status failure = core::Status::Ok();
  const auto record = [&](size_t task, core::Status status) {
    std::lock_guard<std::mutex> lock(mutex);
    if (task < failed_task) {
      failed_task = task;
      failure = std::move(status);
    }
    stop = true;
  };
  const auto worker = [&](Database& db) {
    while (!stop) {
      const size_t task = next++;
      if (task >= tasks.size()) return;
      core::Status status = tasks[task].run(db, tasks[task].lo, tasks[task].hi);
      if (!status.ok()) record(task, std::move(status));
    }
  };
  const size_t count = std::max<size_t>(1, std::min(readers.size(), tasks.size()));
  std::vector<std::thread> pool;
  for (size_t i = 1; i < count; ++i) pool.emplace_back(worker, std::ref(readers[i]));
  worker(readers[0]);
  for (std::thread& thread : pool) thread.join();
  return failure;
}

// Puts `rows` in the order of `less`, stably (ties keep rowid order). Checks first, so rows
// that are already in order cost one pass; otherwise sorts a permutation (4 bytes per row)
// and applies it in place, so the table is never copied.
template <typename Row, typename Less>
void SortRows(std::vector<Row>& rows, Less less) {
  if (std::is_sorted(rows.begin(), rows.end(), less)) return;
  std::vector<uint32_t> order(rows.size());
  for (size_t idx = 0; idx < order.size(); ++idx) order[idx] = static_cast<uint32_t>(idx);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return less(rows[a], rows[b]); });
  // rows'[j] = rows[order[j]], following each cycle once.
  for (size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Row held = std::move(rows[start]);
    size_t at = start;
    while (true) {
      const size_t from = order[at];
      order[at] = static_cast<uint32_t>(at);
      if (from == start) {
        rows[at] = std::move(held);
        break;
      }
      rows[at] = std::move(rows[from]);
      at = from;
    }
  }
}

// Ordering keys shared by the spell tables: person, start, end (open end first, as SQL's NULL).
template <typename Spell>
int CompareSpell(const Spell& a, const Spell& b) {
  if (a.person != b.person) return a.person < b.person ? -1 : 1;
  if (a.start != b.start) return a.start < b.start ? -1 : 1;
  if (a.end != b.end) return a.end < b.end ? -1 : 1;
  return 0;
}

core::Status LoadSmallTables(Database& db, Extract& extract) {
  if (core::Status read = detail::ForEachRow(
      db, "SELECT jc_id, name, kind FROM jobcenters ORDER BY jc_id", [&](const Statement& row) {
        contract::Jobcenter jc{std::string(row.Text(0)), std::string(row.Text(1)),
                               contract::JcKind::kGe};
        AMIP_RETURN_IF_ERROR(ParseStored(row.Text(2), &contract::ParseJcKind, &jc.kind));
        extract.jobcenters.push_back(std::move(jc));
        return core::Status::Ok();
      });
      !read.ok()) {
    return read;
  }
  JobcenterFinder jcs(extract.jobcenters, &JobcenterKey, "Jobcenter");
  if (core::Status read = detail::ForEachRow(
      db, "SELECT ags, name, jc_id, population FROM municipalities ORDER BY ags",
      [&](const Statement& row) {
        contract::Municipality municipality{std::string(row.Text(0)), std::string(row.Text(1)),
                                            core::kNoIdx, row.Int(3)};
        AMIP_ASSIGN_OR_RETURN(municipality.jc, jcs.Find(row.Text(2)));
        extract.municipalities.push_back(std::move(municipality));
        return core::Status::Ok();
      });
      !read.ok()) {
    return read;
  }
  AMIP_ASSIGN_OR_RETURN(extract.stichtage, detail::LoadStichtage(db));
  return core::Status::Ok();
}

// Persons in (person_id, load_id) order, one per person_id (the lowest load wins).
core::Status LoadPersons(std::vector<Database>& readers, Extract& extract, int64_t chunk_rows) {
  Database& db = readers[0];
  Slots<contract::Person> slots;
  std::vector<int64_t> load_ids;
  std::vector<Task> tasks;
  if (core::Status added = AddTable(
      db, extract, "persons",
      "load_id, person_id, sex, birth_date, nationality, severely_disabled, "
      "vocational_qualification, profillage",
      chunk_rows, slots,
      [&load_ids](const Statement& row, contract::Person& person, size_t slot,
                  Finders&) -> core::Status {
        load_ids[slot] = row.Int(1);
        person.person_id = std::string(row.Text(2));
        AMIP_RETURN_IF_ERROR(ParseStored(row.Text(3), &contract::ParseSex, &person.sex));
        AMIP_ASSIGN_OR_RETURN(person.birth_date, StoredDate(row.Text(4)));
        AMIP_RETURN_IF_ERROR(
            ParseStored(row.Text(5), &contract::ParseNationality, &person.nationality));
        person.severely_disabled = row.Int(6) != 0;
        AMIP_RETURN_IF_ERROR(ParseStored(row.Text(7), &contract::ParseQualification,
                                         &person.vocational_qualification));
        person.profillage = std::string(row.Text(8));
        return core::Status::Ok();
      },
      tasks);
      !added.ok()) {
    return added;
  }
  load_ids.assign(slots.rows.size(), 0);
  AMIP_RETURN_IF_ERROR(RunTasks(readers, tasks));
  // Pair each person with its load id (absent slots have no load id and are dropped).
  slots.Compact(load_ids);
  std::vector<contract::Person> persons = slots.TakeRows();
  std::vector<uint32_t> order(persons.size());
  for (size_t idx = 0; idx < order.size(); ++idx) order[idx] = static_cast<uint32_t>(idx);
  const auto less = [&](uint32_t a, uint32_t b) {
    if (persons[a].person_id != persons[b].person_id) {
      return persons[a].person_id < persons[b].person_id;
    }
    return load_ids[a] < load_ids[b];
  };
  if (!std::is_sorted(order.begin(), order.end(), less)) {
    std::sort(order.begin(), order.end(), less);
  }
  extract.persons.reserve(persons.size());
  for (uint32_t idx : order) {
    if (!extract.persons.empty() && extract.persons.back().person_id == persons[idx].person_id) {
      continue;  // the same person from a later load
    }
    extract.persons.push_back(std::move(persons[idx]));
  }
  return core::Status::Ok();
}

// Interns bg_id texts (benefit spells first, then housing) and numbers them in bg_id order.
void InternBgs(Extract& extract, std::vector<std::string>& spell_bgs,
               std::vector<std::string>& housing_bgs) {
  std::unordered_map<std::string_view, core::BgIdx> index;
  std::vector<std::string_view> names;
  const auto intern = [&](std::string_view bg_id) {
    const auto [it, inserted] = index.emplace(bg_id, static_cast<core::BgIdx>(names.size()));
    if (inserted) names.push_back(bg_id);
    return it->second;
  };
  for (size_t row = 0; row < extract.benefit_spells.size(); ++row) {
    extract.benefit_spells[row].bg = intern(spell_bgs[row]);
  }
  for (size_t row = 0; row < extract.bg_housing.size(); ++row) {
    extract.bg_housing[row].bg = intern(housing_bgs[row]);
  }
  std::vector<core::BgIdx> order(names.size());
  for (size_t idx = 0; idx < order.size(); ++idx) order[idx] = static_cast<core::BgIdx>(idx);
  std::sort(order.begin(), order.end(),
            [&](core::BgIdx a, core::BgIdx b) { return names[a] < names[b]; });
  std::vector<core::BgIdx> renumber(names.size());
  extract.bg_ids.resize(names.size());
  for (size_t rank = 0; rank < order.size(); ++rank) {
    renumber[static_cast<size_t>(order[rank])] = static_cast<core::BgIdx>(rank);
    extract.bg_ids[rank] = std::string(names[static_cast<size_t>(order[rank])]);
  }
  index.clear();
  std::vector<std::string>().swap(spell_bgs);
  std::vector<std::string>().swap(housing_bgs);
  for (contract::BenefitSpell& spell : extract.benefit_spells) {
    spell.bg = renumber[static_cast<size_t>(spell.bg)];
  }
  for (contract::BgHousing& housing : extract.bg_housing) {
    housing.bg = renumber[static_cast<size_t>(housing.bg)];
  }
}

}  // namespace

namespace {

core::Result<Extract> LoadExtractImpl(const std::string& db_path, const LoadOptions& options) {
  if (!detail::FileExists(db_path)) return core::NotFoundError("Datenbank nicht gefunden: " + db_path);
  const int threads = options.threads > 0
                          ? options.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  // One connection per reader thread, all in one read transaction from here to the end, so no
  // import can commit between the chunks they see.
  AMIP_ASSIGN_OR_RETURN(std::vector<Database> readers, detail::OpenSnapshot(db_path, threads));
  Database& db = readers[0];
  if (core::Result<int> version = detail::SchemaVersion(db); !version.ok()) {
    return version.status();
  }
  contract::TableSet want = options.tables;
  want.bg_ids = want.bg_ids || want.bg_housing;  // housing rows refer to BGs by bg_id
  Extract extract;
  extract.tables = want;
  AMIP_RETURN_IF_ERROR(LoadSmallTables(db, extract));
  const int64_t chunk_rows = std::max<int64_t>(1, options.chunk_rows);
  AMIP_RETURN_IF_ERROR(LoadPersons(readers, extract, chunk_rows));

  // Every other table, all chunks in one pool.
  std::vector<Task> tasks;
  Slots<contract::BenefitSpell> benefits;
  std::vector<std::string> spell_bgs;
  if (core::Status added = AddTable(
      db, extract, "benefit_spells",
      "person_id, jc_id, municipality, bg_id, bg_role, status, single_parent, start_date, "
      "end_date",
      chunk_rows, benefits,
      [&spell_bgs, &want](const Statement& row, contract::BenefitSpell& spell, size_t slot,
                          Finders& find) -> core::Status {
        AMIP_ASSIGN_OR_RETURN(spell.person, find.person.Find(row.Text(1)));
        AMIP_ASSIGN_OR_RETURN(spell.jc, find.jc.Find(row.Text(2)));
        AMIP_ASSIGN_OR_RETURN(spell.municipality, find.municipality.Find(row.Text(3)));
        if (want.bg_ids) spell_bgs[slot] = std::string(row.Text(4));
        AMIP_RETURN_IF_ERROR(ParseStored(row.Text(5), &contract::ParseBgRole, &spell.bg_role));
        AMIP_RETURN_IF_ERROR(
            ParseStored(row.Text(6), &contract::ParseBenefitStatus, &spell.status));
        spell.single_parent = row.Int(7) != 0;
        AMIP_ASSIGN_OR_RETURN(spell.start, StoredDate(row.Text(8)));
        AMIP_ASSIGN_OR_RETURN(spell.end, StoredOptionalDate(row, 9));
        return core::Status::Ok();
      },
      tasks);
      !added.ok()) {
    return added;
  }
  if (want.bg_ids) spell_bgs.resize(benefits.rows.size());

  Slots<contract::Claim> claims;
  if (want.claims) {
    if (core::Status added = AddTable(
        db, extract, "claims", "person_id, from_month, to_month, llu_cents, luh_cents", chunk_rows, claims,
        [](const Statement& row, contract::Claim& claim, size_t, Finders& find) -> core::Status {
          AMIP_ASSIGN_OR_RETURN(claim.person, find.person.Find(row.Text(1)));
          AMIP_ASSIGN_OR_RETURN(claim.from, StoredMonth(row.Text(2)));
          AMIP_ASSIGN_OR_RETURN(claim.to, StoredMonth(row.Text(3)));
          AMIP_ASSIGN_OR_RETURN(claim.llu, StoredCents(row, 4, "llu_cents"));
          AMIP_ASSIGN_OR_RETURN(claim.luh, StoredCents(row, 5, "luh_cents"));
          return core::Status::Ok();
        },
        tasks);
      !added.ok()) {
    return added;
  }
  }
  Slots<contract::EmploymentSpell> employment;
  if (want.employment_spells) {
    if (core::Status added = AddTable(
        db, extract, "employment_spells",
        "person_id, kind, subsidy, start_date, end_date, hours_week, gross_month_cents",
        chunk_rows, employment,
        [](const Statement& row, contract::EmploymentSpell& spell, size_t,
           Finders& find) -> core::Status {
          AMIP_ASSIGN_OR_RETURN(spell.person, find.person.Find(row.Text(1)));
          AMIP_RETURN_IF_ERROR(
              ParseStored(row.Text(2), &contract::ParseEmploymentKind, &spell.kind));
          AMIP_RETURN_IF_ERROR(ParseStored(row.Text(3), &contract::ParseSubsidy, &spell.subsidy));
          AMIP_ASSIGN_OR_RETURN(spell.start, StoredDate(row.Text(4)));
          AMIP_ASSIGN_OR_RETURN(spell.end, StoredOptionalDate(row, 5));
          if (!row.IsNull(6)) spell.hours_week = row.Real(6);
          if (!row.IsNull(7)) {
            AMIP_ASSIGN_OR_RETURN(spell.gross_month, StoredCents(row, 7, "gross_month_cents"));
          }
          return core::Status::Ok();
        },
        tasks);
      !added.ok()) {
    return added;
  }
  }
  Slots<contract::MeasureSpell> measures;
  if (want.measure_spells) {
    if (core::Status added = AddTable(
        db, extract, "measure_spells",
        "person_id, instrument, start_date, end_date, cost_cents, funding", chunk_rows,
        measures,
        [](const Statement& row, contract::MeasureSpell& spell, size_t,
           Finders& find) -> core::Status {
          AMIP_ASSIGN_OR_RETURN(spell.person, find.person.Find(row.Text(1)));
          spell.instrument = std::string(row.Text(2));
          AMIP_ASSIGN_OR_RETURN(spell.start, StoredDate(row.Text(3)));
          AMIP_ASSIGN_OR_RETURN(spell.end, StoredOptionalDate(row, 4));
          AMIP_ASSIGN_OR_RETURN(spell.cost, StoredCents(row, 5, "cost_cents"));
          AMIP_RETURN_IF_ERROR(ParseStored(row.Text(6), &contract::ParseFunding, &spell.funding));
          return core::Status::Ok();
        },
        tasks);
      !added.ok()) {
    return added;
  }
  }
  Slots<contract::UnemploymentSpell> unemployment;
  if (want.unemployment_spells) {
    if (core::Status added = AddTable(
        db, extract, "unemployment_spells", "person_id, start_date, end_date", chunk_rows,
        unemployment,
        [](const Statement& row, contract::UnemploymentSpell& spell, size_t,
           Finders& find) -> core::Status {
          AMIP_ASSIGN_OR_RETURN(spell.person, find.person.Find(row.Text(1)));
          AMIP_ASSIGN_OR_RETURN(spell.start, StoredDate(row.Text(2)));
          AMIP_ASSIGN_OR_RETURN(spell.end, StoredOptionalDate(row, 3));
          return core::Status::Ok();
        },
        tasks);
      !added.ok()) {
    return added;
  }
  }
  Slots<contract::BgHousing> housing;
  std::vector<std::string> housing_bgs;
  if (want.bg_housing) {
    if (core::Status added = AddTable(
        db, extract, "bg_housing",
        "bg_id, from_month, to_month, rent_cold_cents, heating_cents, flat_size_sqm",
        chunk_rows, housing,
        [&housing_bgs](const Statement& row, contract::BgHousing& entry, size_t slot,
                       Finders&) -> core::Status {
          housing_bgs[slot] = std::string(row.Text(1));
          AMIP_ASSIGN_OR_RETURN(entry.from, StoredMonth(row.Text(2)));
          AMIP_ASSIGN_OR_RETURN(entry.to, StoredMonth(row.Text(3)));
          AMIP_ASSIGN_OR_RETURN(entry.rent_cold, StoredCents(row, 4, "rent_cold_cents"));
          AMIP_ASSIGN_OR_RETURN(entry.heating, StoredCents(row, 5, "heating_cents"));
          entry.flat_size_sqm = row.Real(6);
          return core::Status::Ok();
        },
        tasks);
      !added.ok()) {
    return added;
  }
    housing_bgs.resize(housing.rows.size());
  }
  AMIP_RETURN_IF_ERROR(RunTasks(readers, tasks));

  // Drop the slots of deleted rowids from the side vectors too, then take the rows.
  benefits.Compact(spell_bgs);
  housing.Compact(housing_bgs);
  extract.benefit_spells = benefits.TakeRows();
  extract.claims = claims.TakeRows();
  extract.employment_spells = employment.TakeRows();
  extract.measure_spells = measures.TakeRows();
  extract.unemployment_spells = unemployment.TakeRows();
  extract.bg_housing = housing.TakeRows();
  if (want.bg_ids) InternBgs(extract, spell_bgs, housing_bgs);  // else bg stays kNoIdx

  SortRows(extract.benefit_spells, [](const contract::BenefitSpell& a,
                                      const contract::BenefitSpell& b) {
    if (int order = CompareSpell(a, b); order != 0) return order < 0;
    if (a.jc != b.jc) return a.jc < b.jc;
    return a.bg < b.bg;
  });
  SortRows(extract.claims, [](const contract::Claim& a, const contract::Claim& b) {
    if (a.person != b.person) return a.person < b.person;
    if (a.from != b.from) return a.from < b.from;
    return a.to < b.to;
  });
  SortRows(extract.employment_spells,
           [](const contract::EmploymentSpell& a, const contract::EmploymentSpell& b) {
             if (int order = CompareSpell(a, b); order != 0) return order < 0;
             return contract::ToString(a.kind) < contract::ToString(b.kind);
           });
  SortRows(extract.measure_spells,
           [](const contract::MeasureSpell& a, const contract::MeasureSpell& b) {
             if (int order = CompareSpell(a, b); order != 0) return order < 0;
             return a.instrument < b.instrument;
           });
  SortRows(extract.unemployment_spells,
           [](const contract::UnemploymentSpell& a, const contract::UnemploymentSpell& b) {
             return CompareSpell(a, b) < 0;
           });
  SortRows(extract.bg_housing, [](const contract::BgHousing& a, const contract::BgHousing& b) {
    if (a.bg != b.bg) return a.bg < b.bg;
    if (a.from != b.from) return a.from < b.from;
    return a.to < b.to;
  });
  AMIP_RETURN_IF_ERROR(db.Exec("COMMIT"));
  return extract;
}

}  // namespace

// A stored value that cannot be read names the database file too.
core::Result<Extract> LoadExtract(const std::string& db_path, const LoadOptions& options) {
  core::Result<Extract> extract = LoadExtractImpl(db_path, options);
  if (!extract.ok() && (extract.status().code() == core::StatusCode::kDataLoss ||
                        extract.status().code() == core::StatusCode::kFailedPrecondition)) {
    return extract.status().WithContext(db_path);
  }
  return extract;
}

}  // namespace amip::storage
