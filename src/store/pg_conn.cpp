#include "store/pg_conn.h"

#include <arpa/inet.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace provcheck::store {
using util::Error;
using util::ErrorKind;

std::string mask_store_url(std::string_view url) {
  std::string out(url);
  // URI form: scheme://user:password@host...
  std::size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    std::size_t auth_start = scheme + 3;
    std::size_t at = out.find('@', auth_start);
    std::size_t slash = out.find('/', auth_start);
    if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
      std::size_t colon = out.find(':', auth_start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // password=... as a query parameter or a keyword.
  for (std::size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    std::size_t v = p + 9;
    std::size_t e = out.find_first_of("& ", v);
    if (e == std::string::npos) e = out.size();
    out.replace(v, e - v, "***");
  }
  return out;
}

PgParam PgParam::real(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return {Kind::text, buf};
}

PgResult& PgResult::operator=(PgResult&& o) noexcept {
  if (this != &o) {
    if (m_r) PQclear(m_r);
    m_r = o.m_r;
    o.m_r = nullptr;
  }
  return *this;
}

std::string PgResult::text(int row, int col) const {
  return std::string(PQgetvalue(m_r, row, col), static_cast<std::size_t>(PQgetlength(m_r, row, col)));
}
std::int64_t PgResult::integer(int row, int col) const { return std::strtoll(PQgetvalue(m_r, row, col), nullptr, 10); }
double PgResult::real(int row, int col) const { return std::strtod(PQgetvalue(m_r, row, col), nullptr); }
std::string_view PgResult::bytes(int row, int col) const {
  return std::string_view(PQgetvalue(m_r, row, col), static_cast<std::size_t>(PQgetlength(m_r, row, col)));
}

namespace {

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// A server that is not there, refuses us, or went away: the command fails
// (exit 3) with nothing committed, and the next run recovers.
Error gone(const std::string& label, const std::string& why) {
  return Error(ErrorKind::io, "the store " + label + " cannot be reached (" + mask_store_url(trim(why)) +
                                  "); nothing was stored by this command and the claims files are untouched: "
                                  "check that the server is running and reachable, then run the command again");
}

Error from_result(PGconn* conn, PGresult* r, const std::string& label, const std::string& sql) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(conn);
  if (PQstatus(conn) != CONNECTION_OK || code.rfind("08", 0) == 0 || code.rfind("57P", 0) == 0) return gone(label, msg);
  if (code == "40001" || code == "40P01" || code == "55P03") {
    return Error(ErrorKind::busy, label + ": another client holds what this command needed (" + trim(msg) +
                                      "); nothing was stored: run the command again");
  }
  if (code == "XX001" || code == "XX002") return Error(ErrorKind::corruption, label + ": " + trim(msg));
  if (code == "53100" || code == "53200") return Error(ErrorKind::io, label + ": " + trim(msg));
  std::string head = sql.substr(0, 80);
  return Error(ErrorKind::internal, label + ": " + trim(msg) + " (in: " + head + ")");
}

}  // namespace

util::Result<PgConnection> PgConnection::connect(const std::string& url) {
  std::string label = mask_store_url(url);
  // connect_timeout unless the URL sets one: an unreachable host must not hang a CI job.
  const char* keys[] = {"dbname", "connect_timeout", "application_name", nullptr};
  const char* values[] = {url.c_str(), "10", "provcheck", nullptr};
  PGconn* c = PQconnectdbParams(keys, values, 1);
  if (!c) return Error(ErrorKind::io, label + ": out of memory connecting to the store");
  if (PQstatus(c) != CONNECTION_OK) {
    std::string why = PQerrorMessage(c);
    PQfinish(c);
    return gone(label, why);
  }
  PgConnection conn(c, label);
  // Quiet notices (e.g. "relation already exists, skipping") and fixed
  // formats: UTC, and the least-ambiguous float output.
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  auto r = conn.exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'; SET extra_float_digits = 3");
  if (!r.ok()) return r.error();
  return conn;
}

bool PgConnection::in_transaction() const { return PQtransactionStatus(m_conn) != PQTRANS_IDLE; }

util::Result<PgResult> PgConnection::exec(const std::string& sql, const std::vector<PgParam>& params,
                                          bool binary_result) {
  if (PQstatus(m_conn) != CONNECTION_OK) return gone(m_label, "the connection was lost");
  std::vector<const char*> values(params.size());
  std::vector<int> lengths(params.size()), formats(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    const PgParam& p = params[i];
    values[i] = p.kind == PgParam::Kind::null ? nullptr : p.value.data();
    lengths[i] = static_cast<int>(p.value.size());
    formats[i] = p.kind == PgParam::Kind::bytes ? 1 : 0;
  }
  PGresult* r = params.empty() && !binary_result
                    ? PQexec(m_conn, sql.c_str())
                    : PQexecParams(m_conn, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                                   lengths.data(), formats.data(), binary_result ? 1 : 0);
  ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return PgResult(r);
  Error e = from_result(m_conn, r, m_label, sql);
  if (r) PQclear(r);
  return e;
}

util::Result<PgResult> PgConnection::exec_retry(const std::string& sql, const std::vector<PgParam>& params,
                                                bool binary_result, int attempts) {
  for (int i = 1;; ++i) {
    auto r = exec(sql, params, binary_result);
    if (r.ok() || r.error().kind() != ErrorKind::busy || i >= attempts || in_transaction()) return r;
    std::this_thread::sleep_for(std::chrono::milliseconds(10 << i));
  }
}

}  // namespace provcheck::store
