#pragma once
// What every command needs: the workspace found from the working folder and
// its store, opened (and created or migrated) on demand. Commands never
// print: they return a CommandOutput that the cli layer writes out.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "util/result.h"
#include "workspace/workspace.h"
#include "workspace/write_lock.h"

namespace provcheck::app {

struct GlobalOptions {
  std::filesystem::path directory = ".";  // where to start looking for the workspace
  int busy_timeout_ms = 5000;
};

struct CommandOutput {
  std::string out;                 // for stdout
  std::vector<std::string> notes;  // for stderr: warnings, assumptions
  bool provenance_broken = false;  // exit 1 when true
  // A command that did part of its work (e.g. `source refresh` with some
  // sources unreachable) prints its outcome and still fails: this error's
  // kind picks the exit code and its message goes to stderr.
  std::optional<util::Error> partial_failure;
};

struct Session {
  workspace::Workspace ws;
  std::unique_ptr<store::Store> store;
  // Held by a session that changes claims files or sidecars (open_write_session).
  std::optional<workspace::WriteLock> lock;
};

util::Result<workspace::Workspace> find_workspace(const GlobalOptions& g);
util::Result<Session> open_session(const GlobalOptions& g);
// The same for a command that changes claims files or sidecars: the
// workspace's write lock (workspace/write_lock.h) is taken first, waiting at
// most the busy timeout (then ErrorKind::busy), and held until the session
// ends, so everything the command reads is what it writes over. Every face
// (CLI, web app) goes through this for a change.
util::Result<Session> open_write_session(const GlobalOptions& g);

// The store the workspace chose (workspace/store_choice.h): "" for SQLite.
util::Result<std::string> store_url(const workspace::Workspace& ws);
// Opens the store at `url` ("" for the workspace's SQLite store).
util::Result<std::unique_ptr<store::Store>> open_store(const workspace::Workspace& ws, const std::string& url,
                                                       const store::OpenOptions& opts);

// Hands a large structure to the end of the process instead of freeing it
// piece by piece (tens of thousands of claims take tens of milliseconds to
// free, for nothing, just before exit). For one-shot command runs only.
template <class T>
void release_at_exit(T&& value) {
  static auto* keep = new std::vector<std::shared_ptr<void>>();  // reachable: not a leak
  keep->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

// ISO 8601 UTC time of now, to the second (of SOURCE_DATE_EPOCH when set).
std::string now_iso();
std::int64_t now_ns();

}  // namespace provcheck::app
