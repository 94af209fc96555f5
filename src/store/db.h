#pragma once
// A thin RAII layer over SQLite (in the manner of SQLiteCpp): a connection,
// prepared statements with bound parameters only, and a transaction that
// rolls back unless committed. SQLite result codes become util::Error
// kinds: BUSY/LOCKED -> busy, CORRUPT/NOTADB -> corruption, I/O and
// permission failures -> io. A Connection is used by one thread at a time.

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "util/result.h"

namespace provcheck::store {

util::Error sqlite_error(sqlite3* db, int rc, const std::string& context);

class Connection {
 public:
  static util::Result<Connection> open(const std::string& path, int busy_timeout_ms, bool create);
  Connection(Connection&& o) noexcept : m_db(o.m_db), m_path(std::move(o.m_path)) { o.m_db = nullptr; }
  Connection& operator=(Connection&&) = delete;
  Connection(const Connection&) = delete;
  ~Connection();

  util::Status exec(const std::string& sql);
  sqlite3* handle() const { return m_db; }
  const std::string& path() const { return m_path; }
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(m_db); }

 private:
  Connection(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
  sqlite3* m_db;
  std::string m_path;
};

class Statement {
 public:
  static util::Result<Statement> prepare(Connection& db, const std::string& sql);
  Statement(Statement&& o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t v);
  Statement& bind(int index, double v);
  Statement& bind(int index, std::string_view v);
  Statement& bind_blob(int index, std::string_view v);
  Statement& bind_null(int index);

  // true: a row is ready; false: done. Errors carry the SQL's context.
  util::Result<bool> step();
  // Runs to completion, then resets for reuse.
  util::Status run();
  void reset();

  std::int64_t column_int(int i) const { return sqlite3_column_int64(m_stmt, i); }
  double column_double(int i) const { return sqlite3_column_double(m_stmt, i); }
  bool column_is_null(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }
  std::string column_text(int i) const;
  std::string_view column_blob(int i) const;

 private:
  Statement(Connection& db, sqlite3_stmt* stmt) : m_db(&db), m_stmt(stmt) {}
  Connection* m_db;
  sqlite3_stmt* m_stmt;
};

// BEGIN IMMEDIATE on construction (so a writer waits for the lock up front
// rather than failing half-way), ROLLBACK on destruction unless committed.
class Transaction {
 public:
  static util::Result<Transaction> begin(Connection& db);
  Transaction(Transaction&& o) noexcept : m_db(o.m_db), m_done(o.m_done) { o.m_done = true; }
  Transaction(const Transaction&) = delete;
  ~Transaction();
  util::Status commit();

 private:
  explicit Transaction(Connection& db) : m_db(&db) {}
  Connection* m_db;
  bool m_done = false;
};

}  // namespace provcheck::store
