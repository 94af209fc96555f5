#include "app/session.h"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "util/file_io.h"
#include "util/file_set.h"
#include "workspace/settings_file.h"
#include "workspace/store_choice.h"

namespace provcheck::app {

util::Result<workspace::Workspace> find_workspace(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, workspace::Workspace::discover(g.directory));
  // A multi-file write (claim accept, source add/refresh) that a crash cut
  // short after its commit point is finished before any command, reading
  // or writing, looks at the files (util/file_set.h).
  PC_TRY_STATUS(util::recover_file_set(ws.store_dir()));
  return ws;
}

util::Result<std::unique_ptr<store::Store>> open_store(const workspace::Workspace& ws, const std::string& url,
                                                       const store::OpenOptions& opts) {
  if (url.empty()) {
    PC_TRY_STATUS(util::create_directories(ws.store_dir()));
    return store::open_sqlite_store(ws.store_path().string(), opts);
  }
  store::SharedScope scope;
  PC_ASSIGN_OR_RETURN(scope.workspace_id, workspace::ensure_workspace_id(ws));
  scope.workspace_name = ws.root().filename().string();
  scope.branch = workspace::current_branch(ws);
  scope.base_branch = workspace::base_branch();
  scope.clone = workspace::clone_key(ws);
  return store::open_postgres_store(url, scope, opts);
}

util::Result<std::string> store_url(const workspace::Workspace& ws) {
  PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(ws));
  PC_ASSIGN_OR_RETURN(workspace::StoreChoice choice, workspace::choose_store(ws, settings));
  return choice.url;
}

util::Result<Session> open_session(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(std::string url, store_url(ws));
  store::OpenOptions opts;
  opts.busy_timeout_ms = g.busy_timeout_ms;
  auto st = open_store(ws, url, opts);
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
