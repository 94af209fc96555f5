#pragma once
// The files a git change touched, for `check --changed-since REF`: what
// `git diff --name-only REF` lists (committed since REF, staged, or modified
// in the work tree, deletions and both sides of renames included) plus the
// untracked files git does not ignore. Paths are relative to the workspace
// root and limited to it. git runs with an argument vector, never a shell,
// and REF is resolved to a commit before it is used, so a REF cannot be read
// as an option. Errors: invalid_input (not a git work tree, unknown REF, a
// REF that starts with '-'), not_found (git is not installed), io.

#include <set>
#include <string>

#include "util/result.h"
#include "workspace/workspace.h"

namespace provcheck::app {

struct GitChanges {
  std::string commit;          // REF resolved to a full commit id
  std::set<std::string> paths;  // workspace-relative, '/'-separated
};

util::Result<GitChanges> git_changes_since(const workspace::Workspace& ws, const std::string& ref);

}  // namespace provcheck::app
