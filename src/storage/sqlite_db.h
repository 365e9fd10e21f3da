// Thin RAII wrapper over the SQLite C API: a connection and prepared statements whose
// failures become core::Status values naming the SQL and SQLite's message. Internal to
// storage/. Not thread-safe (one connection per thread).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

namespace amip::storage {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based like SQLite's. Text is copied (SQLITE_TRANSIENT) unless static.
  void Bind(int index, std::string_view text);
  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void BindNull(int index);
  void BindOptional(int index, const std::optional<std::string>& text);

  // true: a row is available; false: done. Errors as Status.
  core::Result<bool> Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  core::Status Run();
  void Reset();

  bool IsNull(int column) const;
  int Type(int column) const;  // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB, SQLITE_NULL
  int64_t Int(int column) const;
  double Real(int column) const;
  std::string_view Text(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  enum class Mode { kReadOnly, kReadWrite, kCreate };
  // `vfs`: a registered SQLite VFS name, empty = the default. Waits up to 5 s for a lock
  // (SetBusyTimeout changes it); an error of a locked database is kUnavailable.
  static core::Result<Database> Open(const std::string& path, Mode mode,
                                     const std::string& vfs = "");

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  core::Status Exec(std::string_view sql);
  core::Result<Statement> Prepare(std::string_view sql);
  // The single integer of a one-row query (e.g. COUNT(*)).
  core::Result<int64_t> QueryInt(std::string_view sql);
  core::Result<bool> TableExists(std::string_view table);
  void SetBusyTimeout(int milliseconds);
  // sqlite3_extended_errcode of the last call that failed.
  int ExtendedErrorCode() const { return sqlite3_extended_errcode(db_); }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

}  // namespace amip::storage
