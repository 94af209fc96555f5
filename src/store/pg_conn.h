#pragma once
// A thin RAII layer over libpq, in the manner of store/db.h for SQLite: a
// connection, parameterized statements only (text parameters, bytea in
// binary), results that free themselves. libpq failures become util::Error
// kinds: a server that cannot be reached or went away -> io (exit 3, "run
// again"), serialization failure / deadlock / lock timeout -> busy,
// data corruption SQLSTATEs -> corruption, a bad statement -> internal.
// Messages never carry the password: every URL is shown through
// mask_store_url(). A PgConnection is used by one thread at a time.

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/result.h"

namespace provcheck::store {

// "postgresql://user:secret@host/db" -> "postgresql://user:***@host/db"; a
// "password=..." keyword anywhere is masked the same way.
std::string mask_store_url(std::string_view url);

// One statement parameter: text, bytea (sent in binary) or NULL.
struct PgParam {
  enum class Kind { text, bytes, null } kind = Kind::null;
  std::string value;
  static PgParam text(std::string_view v) { return {Kind::text, std::string(v)}; }
  static PgParam bytes(std::string_view v) { return {Kind::bytes, std::string(v)}; }
  static PgParam integer(std::int64_t v) { return {Kind::text, std::to_string(v)}; }
  static PgParam real(double v);
  static PgParam null() { return {Kind::null, {}}; }
  static PgParam opt(const std::optional<std::string>& v) { return v ? text(*v) : null(); }
};

class PgResult {
 public:
  explicit PgResult(PGresult* r = nullptr) : m_r(r) {}
  PgResult(PgResult&& o) noexcept : m_r(o.m_r) { o.m_r = nullptr; }
  PgResult& operator=(PgResult&& o) noexcept;
  PgResult(const PgResult&) = delete;
  ~PgResult() { if (m_r) PQclear(m_r); }

  int rows() const { return m_r ? PQntuples(m_r) : 0; }
  bool is_null(int row, int col) const { return PQgetisnull(m_r, row, col) != 0; }
  std::string text(int row, int col) const;
  std::int64_t integer(int row, int col) const;
  double real(int row, int col) const;
  // A bytea column of a result fetched in binary format.
  std::string_view bytes(int row, int col) const;

 private:
  PGresult* m_r;
};

class PgConnection {
 public:
  // Connects (connect_timeout from the URL, else 10 s); `label` is the masked URL.
  static util::Result<PgConnection> connect(const std::string& url);
  PgConnection(PgConnection&& o) noexcept : m_conn(o.m_conn), m_label(std::move(o.m_label)) { o.m_conn = nullptr; }
  PgConnection& operator=(PgConnection&&) = delete;
  PgConnection(const PgConnection&) = delete;
  ~PgConnection() { if (m_conn) PQfinish(m_conn); }

  // Runs a statement; binary_result asks for every column in binary (for bytea reads).
  util::Result<PgResult> exec(const std::string& sql, const std::vector<PgParam>& params = {},
                              bool binary_result = false);
  // The same, retried up to `attempts` times on a serialization failure or
  // deadlock; only for a statement outside an explicit transaction.
  util::Result<PgResult> exec_retry(const std::string& sql, const std::vector<PgParam>& params = {},
                                    bool binary_result = false, int attempts = 5);
  const std::string& label() const { return m_label; }
  bool in_transaction() const;

 private:
  PgConnection(PGconn* c, std::string label) : m_conn(c), m_label(std::move(label)) {}
  PGconn* m_conn;
  std::string m_label;
};

}  // namespace provcheck::store
