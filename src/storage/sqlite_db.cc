#include "storage/sqlite_db.h"

#include <sys/stat.h>

#include <utility>

namespace amip::storage {
namespace {

// SQLITE_BUSY/LOCKED is not a defect but another connection holding the database: kUnavailable
// with a German message, so the CLI exits 1 and says what to do; the same for FULL and IOERR.
core::Status SqliteError(sqlite3* db, std::string_view what, std::string_view message) {
  const int code = db != nullptr ? (sqlite3_errcode(db) & 0xff) : SQLITE_NOMEM;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
    return core::UnavailableError(
        "die Datenbank ist gerade von einem anderen Programm gesperrt (SQLite: " +
        std::string(message) + "); bitte erneut versuchen");
  }
  // A full disk or a failing device is not a defect of amip either; the transaction is rolled
  // back (now or, from the journal, on the next open).
  if (code == SQLITE_FULL) {
    return core::UnavailableError("kein Platz mehr auf dem Datenträger (SQLite: " +
                                  std::string(message) + "); der Import ist nicht geschrieben");
  }
  if (code == SQLITE_IOERR) {
    return core::UnavailableError("Ein-/Ausgabefehler beim Zugriff auf die Datenbank (SQLite: " +
                                  std::string(message) + ")");
  }
  // A --db naming some other file, or a damaged database, is the user's file, not a defect.
  if (code == SQLITE_NOTADB) {
    return core::FailedPreconditionError(
        "die Datei ist keine SQLite-Datenbank (SQLite: " + std::string(message) +
        "); --db muss eine amip-Datenbank oder eine noch nicht vorhandene Datei nennen");
  }
  if (code == SQLITE_CORRUPT) {
    return core::DataLossError("die Datenbank ist beschädigt (SQLite: " + std::string(message) +
                               "); bitte aus einer Sicherung wiederherstellen oder neu importieren");
  }
  return core::InternalError("SQLite: " + std::string(what) + ": " + std::string(message));
}

core::Status SqliteError(sqlite3* db, std::string_view what) {
  return SqliteError(db, what, db != nullptr ? sqlite3_errmsg(db) : "out of memory");
}

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

void Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void Statement::Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
void Statement::Bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
void Statement::BindNull(int index) { sqlite3_bind_null(stmt_, index); }
void Statement::BindOptional(int index, const std::optional<std::string>& text) {
  if (text.has_value()) {
    Bind(index, std::string_view(*text));
  } else {
    BindNull(index);
  }
}

core::Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteError(db_, sqlite3_sql(stmt_));
}

core::Status Statement::Run() {
  const int rc = sqlite3_step(stmt_);
  sqlite3_reset(stmt_);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return SqliteError(db_, sqlite3_sql(stmt_));
  return core::Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
int Statement::Type(int column) const { return sqlite3_column_type(stmt_, column); }
int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::Real(int column) const { return sqlite3_column_double(stmt_, column); }
std::string_view Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

core::Result<Database> Database::Open(const std::string& path, Mode mode, const std::string& vfs) {
  // A FIFO would block open() for ever and a device is no database: refused by name.
  struct stat existing {};
  if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    return core::InvalidArgumentError(
        path + ": ist keine reguläre Datei (" +
        (S_ISDIR(existing.st_mode)    ? std::string("ein Verzeichnis")
         : S_ISFIFO(existing.st_mode) ? std::string("eine benannte Pipe")
                                      : std::string("ein Gerät oder Socket")) +
        "); --db muss eine Datenbankdatei nennen");
  }
  int flags = SQLITE_OPEN_READONLY;
  if (mode == Mode::kReadWrite) flags = SQLITE_OPEN_READWRITE;
  if (mode == Mode::kCreate) flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX,
                                 vfs.empty() ? nullptr : vfs.c_str());
  if (rc != SQLITE_OK) {
    core::Status status =
        core::UnavailableError("cannot open database " + path + ": " +
                               (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return status;
  }
  sqlite3_busy_timeout(db, 5000);
  return Database(db);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Database::~Database() { sqlite3_close(db_); }

core::Status Database::Exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string error = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return SqliteError(db_, text.substr(0, 200), error);
  }
  return core::Status::Ok();
}

core::Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) !=
      SQLITE_OK) {
    return SqliteError(db_, sql);
  }
  return Statement(db_, stmt);
}

core::Result<int64_t> Database::QueryInt(std::string_view sql) {
  AMIP_ASSIGN_OR_RETURN(Statement statement, Prepare(sql));
  AMIP_ASSIGN_OR_RETURN(bool has_row, statement.Step());
  if (!has_row) return core::InternalError("SQLite: no row from " + std::string(sql));
  return statement.Int(0);
}

void Database::SetBusyTimeout(int milliseconds) { sqlite3_busy_timeout(db_, milliseconds); }

core::Result<bool> Database::TableExists(std::string_view table) {
  AMIP_ASSIGN_OR_RETURN(Statement statement,
                        Prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?1"));
  statement.Bind(1, table);
  return statement.Step();
}

}  // namespace amip::storage
