// Concurrency of the store (issue 10): several imports of different and of the same content
// and several readers run at once on one database, round after round. Every import succeeds
// (imports are serialised, none is lost or refused), every reader sees exactly one complete
// committed extract (or, while the database is being created, none), and after each round
// the database holds one of that round's extracts completely and passes integrity_check.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "storage/extract_store.h"
#include "storage/storage_test_util.h"

namespace amip::storage {
namespace {

namespace fs = std::filesystem;
using testing_util::Fingerprint;
using testing_util::IntegrityCheck;
using testing_util::TinyExtract;

constexpr int kRounds = 200;
constexpr int kWriters = 3;  // extract A, extract B, extract A again (same content)
constexpr int kReaders = 2;

TEST(ConcurrencyTest, ImportsAndReadersAtOnceNeverLoseOrMixAnExtract) {
  // In memory when possible (tmpfs: flock and SQLite's locks work as on disk, fsync is free), so
  // the rounds measure locking, not the disk.
  const fs::path dir = testing_util::WorkDir(
      "concurrency_test", "rounds", fs::is_directory("/dev/shm") ? "/dev/shm" : testing::TempDir());
  const std::string db = (dir / "a.sqlite").string();
  // Two versions of Jobcenter JC1: each import replaces the other's load.
  const contract::Extract a = TinyExtract("JC1", "01001000");
  contract::Extract b = TinyExtract("JC1", "01001000");
  contract::Person third = b.persons[0];
  third.person_id = "P3";
  third.birth_date = core::Date::FromYmd(1985, 6, 1);
  b.persons.push_back(third);
  b.benefit_spells.push_back({2, 0, 0, 0, contract::BgRole::kChild, contract::BenefitStatus::kNef,
                              false, core::Date::FromYmd(2024, 2, 1), std::nullopt});
  std::vector<std::string> allowed;  // the two extracts as LoadExtract returns them
  for (const auto& [extract, name] : {std::pair<const contract::Extract*, const char*>{&a, "a"}, {&b, "b"}}) {
    const std::string oracle = (dir / (std::string(name) + ".sqlite")).string();
    ASSERT_TRUE(SaveExtract(oracle, *extract, name, "oracle").ok());
    auto loaded = LoadExtract(oracle);
    ASSERT_TRUE(loaded.ok());
    allowed.push_back(Fingerprint(*loaded));
  }
  ASSERT_NE(allowed[0], allowed[1]);

  std::atomic<int> reads_seen{0};
  std::atomic<int> reads_absent{0};
  std::mutex mutex;
  std::vector<std::string> failures;
  const auto fail = [&](const std::string& what) {
    std::lock_guard<std::mutex> lock(mutex);
    if (failures.size() < 10) failures.push_back(what);
  };
  for (int round = 0; round < kRounds && failures.empty(); ++round) {
    if (round % 10 == 0) fs::remove(db);  // every tenth round creates the database
    std::atomic<int> writers_done{0};
    std::vector<std::thread> threads;
    for (int writer = 0; writer < kWriters; ++writer) {
      threads.emplace_back([&, writer] {
        const bool is_b = writer == 1;
        auto saved = SaveExtract(db, is_b ? b : a, is_b ? "b" : "a", "writer");
        if (!saved.ok()) fail("round " + std::to_string(round) + " import: " + saved.status().ToString());
        ++writers_done;
      });
    }
    for (int reader = 0; reader < kReaders; ++reader) {
      threads.emplace_back([&, reader] {
        do {
          auto loaded = LoadExtract(db, {contract::TableSet::All(), 1 + reader, 1});
          if (!loaded.ok()) {
            if (loaded.status().code() == core::StatusCode::kNotFound) {
              ++reads_absent;
              std::this_thread::sleep_for(std::chrono::microseconds(200));
              continue;
            }
            fail("round " + std::to_string(round) + " read: " + loaded.status().ToString());
            return;
          }
          const std::string seen = Fingerprint(*loaded);
          if (seen != allowed[0] && seen != allowed[1]) {
            fail("round " + std::to_string(round) + " read a mixed extract: " + seen);
          }
          ++reads_seen;
          auto info = Info(db);
          if (info.ok() && (info->loads != 1 || (info->persons != 2 && info->persons != 3))) {
            fail("round " + std::to_string(round) + " info: loads " +
                 std::to_string(info->loads) + ", persons " + std::to_string(info->persons));
          }
          if (!info.ok() && info.status().code() != core::StatusCode::kNotFound) {
            fail("round " + std::to_string(round) + " info: " + info.status().ToString());
          }
        } while (writers_done.load() < kWriters);
      });
    }
    for (std::thread& thread : threads) thread.join();
    auto final_state = LoadExtract(db);
    if (!final_state.ok()) {
      fail("round " + std::to_string(round) + " after: " + final_state.status().ToString());
      break;
    }
    const std::string seen = Fingerprint(*final_state);
    if (seen != allowed[0] && seen != allowed[1]) fail("round " + std::to_string(round) + " after: mixed");
    if (const std::string check = IntegrityCheck(db); check != "ok") {
      fail("round " + std::to_string(round) + " integrity_check: " + check);
    }
  }
  for (const std::string& failure : failures) ADD_FAILURE() << failure;
  std::cout << "concurrency: " << kRounds << " rounds x " << kWriters << " imports + " << kReaders
            << " readers; reads of a committed extract " << reads_seen.load()
            << ", reads before the database existed " << reads_absent.load() << "\n";
  EXPECT_GT(reads_seen.load(), kRounds);
  fs::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace amip::storage
