#pragma once
// What every command needs: the workspace found from the working folder and
// its store, opened (and created or migrated) on demand. Commands never
// print: they return a CommandOutput that the cli layer writes out.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "store/store.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::app {

struct GlobalOptions {
  std::filesystem::path directory = ".";  // where to start looking for the workspace
  int busy_timeout_ms = 5000;
};

struct CommandOutput {
  std::string out;                 // for stdout
  std::vector<std::string> notes;  // for stderr: warnings, assumptions
  bool provenance_broken = false;  // exit 1 when true
};

struct Session {
  workspace::Workspace ws;
  std::unique_ptr<store::Store> store;
};

util::Result<workspace::Workspace> find_workspace(const GlobalOptions& g);
util::Result<Session> open_session(const GlobalOptions& g);

// ISO 8601 UTC time of now, to the second.
std::string now_iso();
std::int64_t now_ns();

}  // namespace provcheck::app
