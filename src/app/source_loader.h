#pragma once
// Loads what a check reads from the workspace, on two threads: every source
// (its sidecar, then either its hash from the stat cache, or its bytes,
// hash, text layer and, when the store lacks that content, its compressed
// snapshot text) and every claims file. One thread starts with the
// sources, the other with the claims; each then helps with the other list,
// so both cores stay busy whatever the mix. Errors are reported in file
// order, so the first bad file named is the same on every run.

#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/store.h"
#include "util/file_io.h"
#include "workspace/claims_file.h"
#include "workspace/sources.h"

namespace provcheck::app {

struct LoadedSource {
  workspace::SourceEntry entry;
  bool present = false;
  std::string problem;  // why it is unusable, when !present
  std::string hash;     // xxh3-128 of the content file
  std::optional<std::string> text;        // the text layer, when it was read
  std::optional<std::string> compressed;  // for a snapshot the store lacks
  util::FileStat stat;
  bool changed = false;  // read because its stat differed from the store's record
};

struct CheckInputs {
  std::vector<std::string> sidecars;  // sorted; sources are sorted by id the same way
  std::unordered_map<std::string, LoadedSource> by_id;
  std::vector<workspace::ClaimsFile> claims;
};

// `records` and `known_snapshots` come from the store and are only read.
util::Result<CheckInputs> load_check_inputs(const workspace::Workspace& ws,
                                            const std::unordered_map<std::string, store::FileRecord>& records,
                                            const std::unordered_set<std::string>& known_snapshots);

// Reads the text layer of a source whose hash came from the stat cache.
util::Status ensure_text(const workspace::Workspace& ws, LoadedSource& src);

// Is the record's stat the file's, and old enough to trust (see inputs.h)?
bool stat_matches(const store::FileRecord& r, const util::FileStat& st);

}  // namespace provcheck::app
