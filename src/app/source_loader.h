#pragma once
// Loads the current state of every source for a check: its sidecar, and
// either its hash from the stat cache (no read) or its bytes, hash and text
// layer, with the snapshot text compressed for the store when the store has
// not seen that content yet. Runs on a worker thread while the claims are
// parsed; it touches no store and no shared state except its own results.

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/store.h"
#include "util/file_io.h"
#include "workspace/sources.h"

namespace provcheck::app {

struct LoadedSource {
  workspace::SourceEntry entry;
  bool present = false;
  std::string problem;  // why it is unusable, when !present
  std::string hash;     // xxh3-128 of the content file
  std::optional<std::string> text;  // the text layer, when it was read
  std::optional<std::string> compressed;  // for a snapshot the store lacks
  util::FileStat stat;
  bool changed = false;  // read because its stat differed from the store's record
};

struct SourceLoad {
  std::vector<workspace::SourceEntry> entries;
  std::map<std::string, LoadedSource> by_id;
};

// `records` and `known_snapshots` come from the store, read before the worker starts.
util::Result<SourceLoad> load_sources(const workspace::Workspace& ws,
                                      const std::unordered_map<std::string, store::FileRecord>& records,
                                      const std::unordered_set<std::string>& known_snapshots);

// Reads the text layer of a source whose hash came from the stat cache.
util::Status ensure_text(const workspace::Workspace& ws, LoadedSource& src);

// Is the record's stat the file's, and old enough to trust (see inputs.h)?
bool stat_matches(const store::FileRecord& r, const util::FileStat& st);

}  // namespace provcheck::app
