#include "app/git_changes.h"

#include "util/process.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

namespace {

std::string first_line(const std::string& s) {
  std::string line = s.substr(0, s.find('\n'));
  return line.empty() ? "(no message)" : line;
}

util::Result<util::ProcessResult> git(const workspace::Workspace& ws, std::vector<std::string> args) {
  // Fixed settings so that a user's configuration cannot change the output's shape.
  std::vector<std::string> argv = {"git", "-c", "core.quotepath=off", "-c", "diff.noprefix=false"};
  argv.insert(argv.end(), args.begin(), args.end());
  auto r = util::run_process(argv, ws.root());
  if (!r.ok() && r.error().kind() == ErrorKind::not_found) {
    return Error(ErrorKind::not_found, "--changed-since needs git, and git is not installed (or not on PATH)");
  }
  return r;
}

void add_nul_separated(const std::string& out, std::set<std::string>& paths) {
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\0', start);
    if (end == std::string::npos) end = out.size();
    if (end > start) paths.insert(out.substr(start, end - start));
    start = end + 1;
  }
}

}  // namespace

util::Result<GitChanges> git_changes_since(const workspace::Workspace& ws, const std::string& ref) {
  if (ref.empty() || ref[0] == '-') {
    return Error(ErrorKind::invalid_input, "--changed-since '" + ref + "': give a git revision such as origin/main, "
                                           "HEAD~1 or a commit id");
  }
  PC_ASSIGN_OR_RETURN(auto inside, git(ws, {"rev-parse", "--is-inside-work-tree"}));
  if (inside.exit_code != 0 || inside.out.rfind("true", 0) != 0) {
    return Error(ErrorKind::invalid_input, "--changed-since: the workspace " + ws.root().string() +
                                               " is not inside a git work tree (git said: " + first_line(inside.err) +
                                               "); run a full `provcheck check` instead");
  }
  PC_ASSIGN_OR_RETURN(auto resolved, git(ws, {"rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}"}));
  std::string commit = resolved.out.substr(0, resolved.out.find('\n'));
  if (resolved.exit_code != 0 || commit.size() < 40) {
    return Error(ErrorKind::invalid_input, "--changed-since '" + ref + "': git knows no such commit; fetch it first "
                                           "(e.g. `git fetch origin main`) or give a commit id, branch or tag");
  }
  GitChanges changes;
  changes.commit = commit;
  PC_ASSIGN_OR_RETURN(auto diff, git(ws, {"diff", "--name-only", "--no-renames", "--relative", "-z", commit, "--", "."}));
  if (diff.exit_code != 0) {
    return Error(ErrorKind::io, "git diff --name-only " + commit + " failed: " + first_line(diff.err));
  }
  add_nul_separated(diff.out, changes.paths);
  PC_ASSIGN_OR_RETURN(auto untracked, git(ws, {"ls-files", "--others", "--exclude-standard", "-z", "--", "."}));
  if (untracked.exit_code != 0) {
    return Error(ErrorKind::io, "git ls-files --others failed: " + first_line(untracked.err));
  }
  add_nul_separated(untracked.out, changes.paths);
  return changes;
}

}  // namespace provcheck::app
