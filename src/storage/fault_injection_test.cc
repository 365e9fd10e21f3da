// Fault injection into the store's I/O, in the spirit of SQLite's test VFS (issue 10): a
// wrapping sqlite3_vfs ("amip-fault") counts every xWrite, xSync, xTruncate and xDelete of an
// import's database and journal, and SaveOptions::before_step counts the file steps outside
// SQLite (remove, link, rename, unlink, sync-dir). The N-th of these points fails (once, or
// from then on: a full disk stays full), for every N of a clean run, on an import into a new
// database and on one that replaces an existing database's content. After each run the
// database passes integrity_check and holds exactly the old or exactly the new extract (a new
// database: none at all, or the new one), LoadExtract reads it, an import that reported
// success holds the new one, and nothing but the database is left in its directory.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <tuple>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "storage/extract_store.h"
#include "storage/storage_test_util.h"

namespace amip::storage {
namespace {

namespace fs = std::filesystem;
using testing_util::Fingerprint;
using testing_util::IntegrityCheck;
using testing_util::TinyExtract;

// The injection plan of the current run (tests run one at a time in this binary's process).
struct Faults {
  int count = 0;       // points passed so far
  int fail_at = 0;     // 0 = never
  bool persistent = false;
  bool injected = false;
  std::string first_failed;  // the kind of point that failed first
  std::map<std::string, int> kinds;  // points passed per kind
  bool Fail(std::string_view point) {
    ++count;
    ++kinds[std::string(point)];
    const bool fail = fail_at > 0 && (count == fail_at || (persistent && count > fail_at));
    if (fail && !injected) first_failed = std::string(point);
    injected = injected || fail;
    return fail;
  }
};
Faults faults;

sqlite3_vfs* real_vfs = nullptr;

struct FaultFile {
  sqlite3_file base;  // pMethods = kFaultMethods
  sqlite3_file* real;  // the real VFS's file, allocated right after this struct
};

sqlite3_file* Real(sqlite3_file* file) { return reinterpret_cast<FaultFile*>(file)->real; }

int FaultClose(sqlite3_file* file) { return Real(file)->pMethods->xClose(Real(file)); }
int FaultRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
  return Real(file)->pMethods->xRead(Real(file), buffer, amount, offset);
}
int FaultWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
  if (faults.Fail("xWrite")) return SQLITE_FULL;
  return Real(file)->pMethods->xWrite(Real(file), buffer, amount, offset);
}
int FaultTruncate(sqlite3_file* file, sqlite3_int64 size) {
  if (faults.Fail("xTruncate")) return SQLITE_IOERR_TRUNCATE;
  return Real(file)->pMethods->xTruncate(Real(file), size);
}
int FaultSync(sqlite3_file* file, int flags) {
  if (faults.Fail("xSync")) return SQLITE_IOERR_FSYNC;
  return Real(file)->pMethods->xSync(Real(file), flags);
}
int FaultFileSize(sqlite3_file* file, sqlite3_int64* size) {
  return Real(file)->pMethods->xFileSize(Real(file), size);
}
int FaultLock(sqlite3_file* file, int level) {
  return Real(file)->pMethods->xLock(Real(file), level);
}
int FaultUnlock(sqlite3_file* file, int level) {
  return Real(file)->pMethods->xUnlock(Real(file), level);
}
int FaultCheckReservedLock(sqlite3_file* file, int* out) {
  return Real(file)->pMethods->xCheckReservedLock(Real(file), out);
}
int FaultFileControl(sqlite3_file* file, int op, void* arg) {
  return Real(file)->pMethods->xFileControl(Real(file), op, arg);
}
int FaultSectorSize(sqlite3_file* file) {
  return Real(file)->pMethods->xSectorSize(Real(file));
}
int FaultDeviceCharacteristics(sqlite3_file* file) {
  return Real(file)->pMethods->xDeviceCharacteristics(Real(file));
}

// Version 1: no shared memory (the store uses a rollback journal) and no memory mapping.
sqlite3_io_methods MakeFaultMethods() {
  sqlite3_io_methods methods{};
  methods.iVersion = 1;
  methods.xClose = FaultClose;
  methods.xRead = FaultRead;
  methods.xWrite = FaultWrite;
  methods.xTruncate = FaultTruncate;
  methods.xSync = FaultSync;
  methods.xFileSize = FaultFileSize;
  methods.xLock = FaultLock;
  methods.xUnlock = FaultUnlock;
  methods.xCheckReservedLock = FaultCheckReservedLock;
  methods.xFileControl = FaultFileControl;
  methods.xSectorSize = FaultSectorSize;
  methods.xDeviceCharacteristics = FaultDeviceCharacteristics;
  return methods;
}
const sqlite3_io_methods kFaultMethods = MakeFaultMethods();

int FaultOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* out_flags) {
  auto* wrapper = reinterpret_cast<FaultFile*>(file);
  wrapper->base.pMethods = nullptr;
  wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
  const int rc = real_vfs->xOpen(real_vfs, name, wrapper->real, flags, out_flags);
  if (wrapper->real->pMethods != nullptr) wrapper->base.pMethods = &kFaultMethods;
  return rc;
}
int FaultDelete(sqlite3_vfs*, const char* name, int sync_dir) {
  if (faults.Fail("xDelete")) return SQLITE_IOERR_DELETE;
  return real_vfs->xDelete(real_vfs, name, sync_dir);
}
int FaultAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
  return real_vfs->xAccess(real_vfs, name, flags, out);
}
int FaultFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return real_vfs->xFullPathname(real_vfs, name, size, out);
}
int FaultRandomness(sqlite3_vfs*, int size, char* out) {
  return real_vfs->xRandomness(real_vfs, size, out);
}
int FaultSleep(sqlite3_vfs*, int microseconds) {
  return real_vfs->xSleep(real_vfs, microseconds);
}
int FaultCurrentTime(sqlite3_vfs*, double* now) { return real_vfs->xCurrentTime(real_vfs, now); }
int FaultGetLastError(sqlite3_vfs*, int size, char* out) {
  return real_vfs->xGetLastError(real_vfs, size, out);
}

constexpr const char* kVfsName = "amip-fault";

void RegisterFaultVfs() {
  static sqlite3_vfs vfs;
  if (real_vfs != nullptr) return;
  real_vfs = sqlite3_vfs_find(nullptr);
  ASSERT_NE(real_vfs, nullptr);
  vfs = sqlite3_vfs{};
  vfs.iVersion = 1;
  vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_vfs->szOsFile;
  vfs.mxPathname = real_vfs->mxPathname;
  vfs.zName = kVfsName;
  vfs.xOpen = FaultOpen;
  vfs.xDelete = FaultDelete;
  vfs.xAccess = FaultAccess;
  vfs.xFullPathname = FaultFullPathname;
  vfs.xRandomness = FaultRandomness;
  vfs.xSleep = FaultSleep;
  vfs.xCurrentTime = FaultCurrentTime;
  vfs.xGetLastError = FaultGetLastError;
  ASSERT_EQ(sqlite3_vfs_register(&vfs, 0), SQLITE_OK);
}

SaveOptions FaultOptions() {
  SaveOptions options;
  options.vfs = kVfsName;
  options.before_step = [](std::string_view step) -> core::Status {
    if (step == "open" || step == "commit") return core::Status::Ok();  // not I/O
    if (faults.Fail(step)) {
      return core::UnavailableError("injected failure at " + std::string(step));
    }
    return core::Status::Ok();
  };
  return options;
}

std::vector<std::string> DirectoryNames(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The old and the new version of Jobcenter JC1 (the new one replaces the old), as LoadExtract
// returns them.
struct Versions {
  contract::Extract old_extract = TinyExtract("JC1", "01001000");
  contract::Extract new_extract;
  std::string old_print;
  std::string new_print;
};

Versions MakeVersions(const fs::path& dir) {
  Versions versions;
  versions.new_extract = TinyExtract("JC1", "01001000");
  versions.new_extract.persons[0].birth_date = core::Date::FromYmd(1977, 7, 7);
  versions.new_extract.benefit_spells[1].end = core::Date::FromYmd(2024, 6, 30);
  for (const auto& [extract, print, name] :
       {std::tuple{&versions.old_extract, &versions.old_print, "old"},
        std::tuple{&versions.new_extract, &versions.new_print, "new"}}) {
    const std::string db = (dir / (std::string(name) + "-oracle.sqlite")).string();
    EXPECT_TRUE(SaveExtract(db, *extract, name, "oracle").ok());
    auto loaded = LoadExtract(db);
    EXPECT_TRUE(loaded.ok());
    if (loaded.ok()) *print = Fingerprint(*loaded);
  }
  return versions;
}

// Runs the import with the N-th point failing for N = 1, 2, … until a run passes every point
// without a failure; checks each run; returns the number of points of the clean run and
// their kinds ("xWrite 20, xSync 6, …") in `kinds`.
int RunEveryFaultPoint(const fs::path& dir, bool existing, bool persistent,
                       const Versions& versions, const std::string& old_db, std::string* kinds) {
  int injected_runs = 0;
  const fs::path work = dir / (std::string(existing ? "existing" : "new") +
                               (persistent ? "-persistent" : "-once"));
  int points = -1;
  for (int fail_at = 1; points < 0 && fail_at < 10000; ++fail_at) {
    fs::remove_all(work);
    fs::create_directories(work);
    const std::string db = (work / "a.sqlite").string();
    if (existing) fs::copy_file(old_db, db);
    faults = Faults{};
    faults.fail_at = fail_at;
    faults.persistent = persistent;
    auto saved = SaveExtract(db, versions.new_extract, "new", "t", FaultOptions());
    const bool injected = faults.injected;
    const int passed = faults.count;
    const std::string point = faults.first_failed;
    if (!injected) {
      for (const auto& [kind, times] : faults.kinds) {
        *kinds += (kinds->empty() ? "" : ", ") + kind + " " + std::to_string(times);
      }
    }
    injected_runs += injected ? 1 : 0;
    faults = Faults{};
    const std::string where = std::string(existing ? "existing" : "new") +
                              (persistent ? ", persistent" : ", once") + ", fault at point " +
                              std::to_string(fail_at) + " " + point + " (" +
                              (saved.ok() ? "import ok" : saved.status().ToString()) + ")";
    if (!injected) {
      EXPECT_TRUE(saved.ok()) << where;
      points = passed;
    } else {
      EXPECT_FALSE(saved.ok() && saved->unchanged) << where;
      // An I/O failure is the environment's, not a defect: exit 1 with a message, not 3.
      if (!saved.ok()) {
        EXPECT_EQ(saved.status().code(), core::StatusCode::kUnavailable) << where;
      }
    }
    if (!fs::exists(db)) {
      EXPECT_FALSE(existing) << where << ": the database is gone";
      EXPECT_FALSE(saved.ok()) << where << ": reported success without a database";
      EXPECT_TRUE(fs::is_empty(work)) << where << ": left " << DirectoryNames(work).size()
                                      << " file(s)";
      continue;
    }
    // Left behind at most: the journal of a failed change of an existing database (when it is
    // hot, the next open restores the old content from it; LoadExtract below must), or, when only removing the
    // temporary name of a published new database failed, that name (the next import removes it).
    std::vector<std::string> expected_names = {"a.sqlite"};
    if (existing && !saved.ok() && fs::exists(db + "-journal")) {
      expected_names.push_back("a.sqlite-journal");
    }
    if (!existing && point == "unlink" && saved.ok()) {
      expected_names.push_back("a.sqlite.import-tmp");
    }
    EXPECT_EQ(DirectoryNames(work), expected_names) << where;
    auto loaded = LoadExtract(db);
    if (!loaded.ok()) {
      ADD_FAILURE() << where << ": LoadExtract: " << loaded.status().ToString();
      continue;
    }
    const std::string seen = Fingerprint(*loaded);
    if (saved.ok()) {
      EXPECT_EQ(seen, versions.new_print) << where;
    } else if (existing) {
      EXPECT_TRUE(seen == versions.old_print || seen == versions.new_print) << where << ": " << seen;
    } else {
      EXPECT_EQ(seen, versions.new_print) << where;
    }
    EXPECT_EQ(IntegrityCheck(db), "ok") << where;
  }
  EXPECT_GT(points, 0);
  EXPECT_EQ(injected_runs, points) << "every point must have failed in one run";
  return points;
}

TEST(FaultInjectionTest, EveryWriteSyncTruncateDeleteAndFileStepOfAnImportCanFail) {
  RegisterFaultVfs();
  const fs::path dir = testing_util::WorkDir(
      "fault_injection_test", "runs", fs::is_directory("/dev/shm") ? "/dev/shm" : testing::TempDir());
  const Versions versions = MakeVersions(dir);
  ASSERT_NE(versions.old_print, versions.new_print);
  const std::string old_db = (dir / "old-oracle.sqlite").string();
  std::string new_kinds;
  std::string existing_kinds;
  std::string ignored;
  const int new_once = RunEveryFaultPoint(dir, false, false, versions, old_db, &new_kinds);
  const int existing_once =
      RunEveryFaultPoint(dir, true, false, versions, old_db, &existing_kinds);
  const int new_persistent = RunEveryFaultPoint(dir, false, true, versions, old_db, &ignored);
  const int existing_persistent = RunEveryFaultPoint(dir, true, true, versions, old_db, &ignored);
  std::cout << "fault points: new=" << new_once << " (" << new_kinds << ") existing="
            << existing_once << " (" << existing_kinds << "); each failed once and, in a "
            << "second series, from then on (" << new_persistent << "/" << existing_persistent
            << " runs)\n";
  EXPECT_EQ(new_once, new_persistent);
  EXPECT_EQ(existing_once, existing_persistent);
  fs::remove_all(dir.parent_path());
}

}  // namespace
}  // namespace amip::storage
