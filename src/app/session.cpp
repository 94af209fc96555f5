#include "app/session.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "util/file_io.h"
#include "util/file_set.h"

namespace provcheck::app {

util::Result<workspace::Workspace> find_workspace(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, workspace::Workspace::discover(g.directory));
  // A multi-file write (claim accept, source add/refresh) that a crash cut
  // short after its commit point is finished before any command, reading
  // or writing, looks at the files (util/file_set.h).
  PC_TRY_STATUS(util::recover_file_set(ws.store_dir()));
  return ws;
}

util::Result<Session> open_session(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_TRY_STATUS(util::create_directories(ws.store_dir()));
  store::OpenOptions opts;
  opts.busy_timeout_ms = g.busy_timeout_ms;
  auto st = store::open_sqlite_store(ws.store_path().string(), opts);
  if (!st.ok()) return st.error();
  return Session{std::move(ws), std::move(st).value(), std::nullopt};
}

util::Result<Session> open_write_session(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(workspace::WriteLock lock, workspace::WriteLock::acquire(ws, g.busy_timeout_ms));
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  s.lock.emplace(std::move(lock));
  return s;
}

std::string now_iso() {
  // SOURCE_DATE_EPOCH (reproducible-builds.org) fixes the clock of every time
  // provcheck writes, for byte-identical reports in tests and pipelines.
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) t = std::strtoll(epoch, nullptr, 10);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace provcheck::app
