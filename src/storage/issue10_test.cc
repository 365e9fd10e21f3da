// Regression tests of issue 10 (storage items): a failing import never removes a database
// another import committed meanwhile (item 1); text in a cents column and a newer
// `PRAGMA user_version` are refused, not read as numbers or ignored (item 6); an import
// never writes into a foreign SQLite file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "storage/extract_store.h"
#include "storage/storage_test_util.h"

namespace amip::storage {
namespace {

namespace fs = std::filesystem;
using testing_util::AsCsv;
using testing_util::TinyExtract;

fs::path Work(const std::string& name) { return testing_util::WorkDir("issue10_test", name); }

// Item 1. Import A into a database that does not exist yet is held just before it opens the
// file; meanwhile import B of another Jobcenter creates and commits the database; then A
// fails (an injected error before its COMMIT, as a full disk would). B's committed extract
// must still be there. A waits for B only up to 300 ms, so a store that serialises imports
// (B waits for A) passes too.
TEST(Issue10Test, FailingImportNeverRemovesADatabaseAnotherImportCommitted) {
  const fs::path dir = Work("race");
  const std::string db = (dir / "a.sqlite").string();
  std::promise<void> a_at_open;
  std::promise<void> b_done;
  std::shared_future<void> b_done_future = b_done.get_future().share();
  SaveOptions hold_a;
  hold_a.before_step = [&](std::string_view step) -> core::Status {
    if (step == "open") {
      a_at_open.set_value();
      b_done_future.wait_for(std::chrono::milliseconds(300));
    }
    if (step == "commit") return core::UnavailableError("injected: disk full");
    return core::Status::Ok();
  };
  std::thread a([&] {
    auto failed = SaveExtract(db, TinyExtract("JC1", "01001000"), "ha", "A", hold_a);
    EXPECT_FALSE(failed.ok());
  });
  a_at_open.get_future().wait();
  const contract::Extract b_extract = TinyExtract("JC2", "01002000");
  auto saved = SaveExtract(db, b_extract, "hb", "B");
  b_done.set_value();
  a.join();
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  auto loaded = LoadExtract(db);
  ASSERT_TRUE(loaded.ok()) << "B's committed extract is gone: " << loaded.status().ToString();
  auto expected = SaveExtract((dir / "oracle.sqlite").string(), b_extract, "hb", "B");
  ASSERT_TRUE(expected.ok());
  auto oracle = LoadExtract((dir / "oracle.sqlite").string());
  ASSERT_TRUE(oracle.ok());
  EXPECT_EQ(AsCsv(*loaded, dir / "got"), AsCsv(*oracle, dir / "want"));
}

// The lock file and the temporary new database exist only during an import: after a
// successful and a failed one the directory holds the database alone.
TEST(Issue10Test, NoLockOrTemporaryFileStaysBehind) {
  const fs::path dir = Work("litter");
  const std::string db = (dir / "a.sqlite").string();
  SaveOptions fail;
  fail.before_step = [](std::string_view step) {
    return step == "commit" ? core::UnavailableError("injected") : core::Status::Ok();
  };
  EXPECT_FALSE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "t", fail).ok());
  EXPECT_TRUE(fs::is_empty(dir));
  ASSERT_TRUE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "t").ok());
  EXPECT_FALSE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h2", "t", fail).ok());
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  EXPECT_EQ(names, std::vector<std::string>{"a.sqlite"});
}

// A temporary file left by a killed import of a new database is never published: the next
// import removes it and builds the database afresh.
TEST(Issue10Test, LeftoverTemporaryDatabaseIsDiscarded) {
  const fs::path dir = Work("leftover");
  const std::string db = (dir / "a.sqlite").string();
  ASSERT_TRUE(SaveExtract(db, TinyExtract("JC9", "09001000"), "h9", "killed").ok());
  fs::rename(db, db + ".import-tmp");
  const contract::Extract fresh = TinyExtract("JC1", "01001000");
  ASSERT_TRUE(SaveExtract(db, fresh, "h1", "t").ok());
  auto loaded = LoadExtract(db);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->jobcenters.size(), 1u);
  EXPECT_EQ(loaded->jobcenters[0].jc_id, "JC1");
  EXPECT_FALSE(fs::exists(db + ".import-tmp"));
}

// While another import holds the lock, an import waits; when the wait runs out it is refused
// with a German message (kUnavailable: exit 1), the database unchanged.
TEST(Issue10Test, ImportWaitsForTheLockAndIsRefusedWhenItStaysTaken) {
  const fs::path dir = Work("busy");
  const std::string db = (dir / "a.sqlite").string();
  ASSERT_TRUE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "t").ok());
  const std::string bytes = testing_util::ReadBytes(db);
  std::promise<void> holding;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  SaveOptions hold;
  hold.before_step = [&](std::string_view step) {
    if (step == "open") {
      holding.set_value();
      released.wait();
    }
    return core::UnavailableError("injected");
  };
  std::thread holder([&] { (void)SaveExtract(db, TinyExtract("JC1", "01001000"), "h2", "t", hold); });
  holding.get_future().wait();
  SaveOptions impatient;
  impatient.lock_wait_ms = 100;
  auto refused = SaveExtract(db, TinyExtract("JC1", "01001000"), "h3", "t", impatient);
  release.set_value();
  holder.join();
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), core::StatusCode::kUnavailable);
  EXPECT_NE(refused.status().message().find("wird gerade von einem anderen Import beschrieben"),
            std::string::npos)
      << refused.status().ToString();
  EXPECT_TRUE(testing_util::ReadBytes(db) == bytes) << "the database was written to";
}

void Execute(const std::string& db, const std::string& sql) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sql;
  sqlite3_close(raw);
}

// TinyExtract plus one row in every table with money.
contract::Extract ExtractWithMoney() {
  contract::Extract extract = TinyExtract("JC1", "01001000");
  const core::Month month = core::Month::FromYm(2024, 1);
  const core::Date day = core::Date::FromYmd(2024, 1, 1);
  extract.claims = {{0, month, month, core::Cents::FromCents(50000), core::Cents::FromCents(40000)}};
  contract::EmploymentSpell job;
  job.person = 0;
  job.start = day;
  job.gross_month = core::Cents::FromCents(60000);
  extract.employment_spells = {job};
  contract::MeasureSpell measure;
  measure.person = 0;
  measure.instrument = "FBW";
  measure.start = day;
  measure.cost = core::Cents::FromCents(120000);
  extract.measure_spells = {measure};
  extract.bg_housing = {{0, month, month, core::Cents::FromCents(40000),
                         core::Cents::FromCents(8000), 50.0}};
  return extract;
}

// Item 6: a hand-edited database with text (or a fraction) in a cents column is corrupt, as an
// invalid date is: kDataLoss naming table, rowid and value, never a silent 0.
TEST(Issue10Test, TextInACentsColumnIsDataLossNamingTableRowidAndValue) {
  const fs::path dir = Work("cents");
  for (const auto& [table, column, value] :
       {std::tuple{"claims", "llu_cents", "'viel'"}, std::tuple{"claims", "luh_cents", "''"},
        std::tuple{"employment_spells", "gross_month_cents", "'1.316,50'"},
        std::tuple{"measure_spells", "cost_cents", "12.5"},
        std::tuple{"bg_housing", "rent_cold_cents", "'400 €'"},
        std::tuple{"bg_housing", "heating_cents", "x'00'"}}) {
    const std::string db = (dir / (std::string(table) + "_" + column + ".sqlite")).string();
    ASSERT_TRUE(SaveExtract(db, ExtractWithMoney(), "h", "t").ok());
    Execute(db, "UPDATE " + std::string(table) + " SET " + column + " = " + value);
    auto loaded = LoadExtract(db);
    ASSERT_FALSE(loaded.ok()) << table << "." << column << " = " << value << " read as a number";
    EXPECT_EQ(loaded.status().code(), core::StatusCode::kDataLoss) << loaded.status().ToString();
    EXPECT_NE(loaded.status().message().find(std::string(table) + " rowid 1"), std::string::npos)
        << loaded.status().ToString();
    EXPECT_NE(loaded.status().message().find(column), std::string::npos)
        << loaded.status().ToString();
  }
}

// Item 6: a database whose PRAGMA user_version is newer than this build's schema is refused by
// readers and by import with a German message, and never written to.
TEST(Issue10Test, NewerUserVersionIsRefusedAndNeverWritten) {
  const fs::path dir = Work("user_version");
  const std::string db = (dir / "a.sqlite").string();
  ASSERT_TRUE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "t").ok());
  Execute(db, "PRAGMA user_version = " + std::to_string(kSchemaVersion + 1));
  const std::string bytes = testing_util::ReadBytes(db);
  const auto refused = [&](const core::Status& status) {
    EXPECT_EQ(status.code(), core::StatusCode::kFailedPrecondition) << status.ToString();
    EXPECT_NE(status.message().find("neuer als dieses amip"), std::string::npos)
        << status.ToString();
  };
  refused(Info(db).status());
  refused(LoadExtract(db).status());
  refused(SaveExtract(db, TinyExtract("JC1", "01001000"), "h2", "t").status());
  refused(SaveExtract(db, TinyExtract("JC2", "01002000"), "h3", "t").status());
  EXPECT_TRUE(testing_util::ReadBytes(db) == bytes) << "the database was written to";
}

// An import writes the schema version into PRAGMA user_version too, so other tools (and a
// later amip) can tell the schema from the file header.
TEST(Issue10Test, ImportRecordsTheSchemaVersionInUserVersion) {
  const std::string db = (Work("user_version_written") / "a.sqlite").string();
  ASSERT_TRUE(SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "t").ok());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), kSchemaVersion);
  sqlite3_finalize(stmt);
  sqlite3_close(raw);
}

// A SQLite file of another program (tables, but no schema_migrations) is not written to.
TEST(Issue10Test, ImportIntoAForeignSqliteDatabaseIsRefused) {
  const std::string db = (Work("foreign") / "other.sqlite").string();
  Execute(db, "CREATE TABLE kunden(id INTEGER PRIMARY KEY, name TEXT)");
  const std::string bytes = testing_util::ReadBytes(db);
  auto saved = SaveExtract(db, TinyExtract("JC1", "01001000"), "h1", "t");
  EXPECT_EQ(saved.status().code(), core::StatusCode::kFailedPrecondition)
      << saved.status().ToString();
  EXPECT_TRUE(testing_util::ReadBytes(db) == bytes) << "the database was written to";
}

}  // namespace
}  // namespace amip::storage
