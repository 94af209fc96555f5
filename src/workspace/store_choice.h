#pragma once
// Which store a workspace uses, and where it sits in a shared one.
//
// The store: PROVCHECK_STORE when set (it wins, so that a CI job or one
// person can point at a server without editing the committed settings),
// else provcheck.json's "store", else the embedded SQLite store. "sqlite"
// names the embedded store explicitly. A URL must not hold a password
// (PGPASSWORD or ~/.pgpass do): one in provcheck.json is refused, one in
// PROVCHECK_STORE is used but never printed.
//
// The workspace id: provcheck.json's "workspace_id", created by the first
// command that needs it (written atomically into the file, which is then
// committed like the rest of the settings, so every clone shares it).
//
// The branch: PROVCHECK_BRANCH, else the CI's variables (GitHub Actions'
// GITHUB_HEAD_REF then GITHUB_REF_NAME, GitLab's
// CI_MERGE_REQUEST_SOURCE_BRANCH_NAME then CI_COMMIT_REF_NAME), else git's
// HEAD (read from .git, no git process), "detached@<commit>" for a detached
// HEAD, else "main". The base branch, whose memory a new branch starts
// from: PROVCHECK_BASE_BRANCH, GITHUB_BASE_REF, CI_MERGE_REQUEST_TARGET_BRANCH_NAME,
// CI_DEFAULT_BRANCH, else "main". Errors are values; thread-compatible.

#include <string>

#include "core/settings.h"
#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::workspace {

struct StoreChoice {
  std::string url;     // empty: the embedded SQLite store
  std::string origin;  // "PROVCHECK_STORE" or "provcheck.json", for messages
};

util::Result<StoreChoice> choose_store(const Workspace& ws, const core::Settings& settings);
// The workspace id, writing a new one into provcheck.json when it has none.
util::Result<std::string> ensure_workspace_id(const Workspace& ws);
std::string current_branch(const Workspace& ws);
std::string base_branch();
// Identifies this clone on this machine (host name and root path).
std::string clone_key(const Workspace& ws);

}  // namespace provcheck::workspace
