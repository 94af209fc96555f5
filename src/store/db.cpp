#include "store/db.h"

namespace provcheck::store {
using util::Error;
using util::ErrorKind;

util::Error sqlite_error(sqlite3* db, int rc, const std::string& context) {
  int primary = rc & 0xFF;
  ErrorKind kind = ErrorKind::internal;
  std::string hint;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      kind = ErrorKind::busy;
      hint = "; another provcheck process holds the store's lock: wait for it to finish and run again";
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      kind = ErrorKind::corruption;
      hint = "; the store is damaged: delete .provcheck/ and run `provcheck reindex` (sources/ and claims/ are "
             "the record; only history and caches are lost)";
      break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
      kind = ErrorKind::io;
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
      kind = ErrorKind::io;
      hint = "; provcheck must be able to write its store: check that the folder .provcheck/ and its files are "
             "writable (not on a read-only file system, permissions)";
      break;
    default:
      break;
  }
  std::string msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  // The schema is fixed by migrations: a missing table or column means the
  // file was damaged or edited, not that provcheck asked for something odd.
  if (primary == SQLITE_ERROR && (msg.rfind("no such table", 0) == 0 || msg.rfind("no such column", 0) == 0 ||
                                  msg.find("malformed") != std::string::npos)) {
    kind = ErrorKind::corruption;
    hint = "; the store's schema is damaged: delete .provcheck/ and run `provcheck reindex` (sources/ and claims/ "
           "are the record; only history and caches are lost)";
  }
  return Error(kind, context + ": " + msg + hint);
}

util::Result<Connection> Connection::open(const std::string& path, int busy_timeout_ms, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = sqlite_error(db, rc, path);
    sqlite3_close(db);
    return e;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, busy_timeout_ms);
  return Connection(db, path);
}

Connection::~Connection() {
  if (m_db) sqlite3_close_v2(m_db);
}

util::Status Connection::exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    sqlite3_free(err);
    return sqlite_error(m_db, rc, m_path);
  }
  return util::Status();
}

util::Result<Statement> Statement::prepare(Connection& db, const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db.handle(), sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return sqlite_error(db.handle(), rc, db.path());
  return Statement(db, stmt);
}

Statement::~Statement() {
  if (m_stmt) sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t v) {
  sqlite3_bind_int64(m_stmt, index, v);
  return *this;
}
Statement& Statement::bind(int index, double v) {
  sqlite3_bind_double(m_stmt, index, v);
  return *this;
}
Statement& Statement::bind(int index, std::string_view v) {
  sqlite3_bind_text64(m_stmt, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}
Statement& Statement::bind_blob(int index, std::string_view v) {
  sqlite3_bind_blob64(m_stmt, index, v.data(), v.size(), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(m_stmt, index);
  return *this;
}

util::Result<bool> Statement::step() {
  int rc = sqlite3_step(m_stmt);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error e = sqlite_error(m_db->handle(), rc, m_db->path());
  sqlite3_reset(m_stmt);
  return e;
}

util::Status Statement::run() {
  for (;;) {
    bool row = false;
    PC_ASSIGN_OR_RETURN(row, step());
    if (!row) break;
  }
  reset();
  return util::Status();
}

void Statement::reset() {
  sqlite3_reset(m_stmt);
  sqlite3_clear_bindings(m_stmt);
}

std::string Statement::column_text(int i) const {
  const unsigned char* p = sqlite3_column_text(m_stmt, i);
  if (!p) return std::string();
  return std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i)));
}

std::string_view Statement::column_blob(int i) const {
  const void* p = sqlite3_column_blob(m_stmt, i);
  if (!p) return std::string_view();
  return std::string_view(static_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, i)));
}

util::Result<Transaction> Transaction::begin(Connection& db) {
  PC_TRY_STATUS(db.exec("BEGIN IMMEDIATE"));
  return Transaction(db);
}

Transaction::~Transaction() {
  if (!m_done) (void)m_db->exec("ROLLBACK");
}

util::Status Transaction::commit() {
  PC_TRY_STATUS(m_db->exec("COMMIT"));
  m_done = true;
  return util::Status();
}

}  // namespace provcheck::store
