#pragma once
// Several files written as one: after a crash or SIGKILL at any moment,
// either every file has its new bytes or every file has its old ones (once
// the next command has run recover_file_set). For commands that rewrite
// more than one file of the workspace: `claim accept` (several claims
// files), `source add` and `source refresh` (content file and sidecar).
//
// How: every new file is first written and synced under a temporary name
// beside its target (file_io.h's write_temporary). Then a journal naming
// each temporary and its target is written atomically: that is the commit
// point. Then each temporary is renamed over its target and the journal is
// removed. A run killed before the journal exists leaves only hidden
// temporaries (".NAME.tmp-XXXXXX", which nothing reads); a run killed after
// it is finished by recover_file_set, which renames what is still there and
// removes the journal. Both hold an exclusive lock (flock on LOCK_FILE in
// the journal's folder, released by the kernel when a process dies), so a
// recovery never races a write in progress.
//
// Journal: "provcheck.fileset/1\n", then per file the length-prefixed
// temporary and target paths ("<bytes>:<path>" each, then "\n"). Relative
// paths are relative to the journal's folder's parent (the workspace).

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "util/result.h"

namespace provcheck::util {

inline constexpr const char* k_file_set_journal = "fileset.journal";
inline constexpr const char* k_file_set_lock = "fileset.lock";

struct FileWrite {
  std::filesystem::path path;
  std::string bytes;
};

// Writes every file or none. `journal_dir` is the workspace's .provcheck/.
// On an error before the commit point nothing changed; after it (a rename
// refused) the journal stays for recover_file_set to finish the set.
Status write_file_set(const std::filesystem::path& journal_dir, const std::vector<FileWrite>& files);

// Finishes a set whose writer died after its commit point. A stat when
// there is nothing to do. Errors: io (the journal or a rename refused),
// corruption (a journal that does not parse).
Status recover_file_set(const std::filesystem::path& journal_dir);

}  // namespace provcheck::util
