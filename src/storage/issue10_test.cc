// Regression tests of issue 10 (storage items): a failing import never removes a database
// another import committed meanwhile (item 1); text in a cents column and a newer
// `PRAGMA user_version` are refused, not read as numbers or ignored (item 6).
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <string>
#include <thread>
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
  EXPECT_EQ(testing_util::ReadBytes(db), bytes);
}

}  // namespace
}  // namespace amip::storage
