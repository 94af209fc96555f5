#pragma once
// Runs another program with an argument vector (never through a shell, so
// no argument is ever re-parsed) and collects its exit status, standard
// output and standard error. Used for `git` by the diff-aware check.
// Errors: not_found when the program is not on PATH, io when it cannot be
// started or read. Thread-safe (nothing shared), but it forks: call it
// from a process that is not mid-way through other threads' work.

#include <filesystem>
#include <string>
#include <vector>

#include "util/result.h"

namespace provcheck::util {

struct ProcessResult {
  int exit_code = -1;  // -1 when killed by a signal
  std::string out;
  std::string err;
};

// argv[0] is looked up on PATH. `cwd` is where the program runs.
// Standard input is /dev/null.
Result<ProcessResult> run_process(const std::vector<std::string>& argv, const std::filesystem::path& cwd);

}  // namespace provcheck::util
