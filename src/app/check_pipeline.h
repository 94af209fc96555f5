#pragma once
// The reading half of a check, on two threads. Phase one parses every
// claims file and every sidecar; phase two takes the sources one by one:
// its hash comes from the stat cache or from reading it (then its snapshot
// text is compressed when the store lacks that content), and every
// citation of it is decided right there, from the verdict cache or by
// judging it against the text. A source's text is dropped as soon as its
// citations are decided, so memory follows the largest document, not the
// corpus. Both threads take work from shared counters, so both cores stay
// busy whatever the mix. Errors are reported in file order, so the first
// bad file named is the same on every run.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/progress.h"
#include "core/anchor.h"
#include "store/store.h"
#include "util/file_io.h"
#include "workspace/claims_file.h"
#include "workspace/sources.h"

namespace provcheck::app {

// What the store remembers from earlier runs, read before the threads start.
struct Previous {
  std::unordered_map<std::string, store::FileRecord> records;
  std::unordered_set<std::string> known_snapshots;
  std::unordered_map<std::string, store::StoredResult> rows;  // not-intact verdicts by result key
  std::unordered_map<std::uint64_t, std::uint64_t> intact;    // key hash -> cache key
};

struct Decision {
  enum class Kind { judged, reuse_row, reuse_intact, source_missing } kind = Kind::source_missing;
  core::Verdict verdict;  // for judged, reuse_intact and source_missing
  std::uint64_t cache_key = 0;
};

struct CitationRef {
  const core::Claim* claim = nullptr;
  std::size_t index = 0;
  std::string key;  // store::result_key
};

struct LoadedSource {
  workspace::SourceEntry entry;
  bool present = false;
  std::string problem;  // why it is unusable, when !present
  std::string hash;     // xxh3-128 of the content file
  std::string text_hash;  // xxh3-128 of the text layer, when it was read
  std::optional<std::string> compressed;  // snapshot text for the store, when it lacks this content
  util::FileStat stat;
  bool changed = false;  // read because its stat differed from the store's record
  std::vector<std::size_t> citations;  // indexes into CheckInputs::refs
};

struct CheckInputs {
  std::unordered_map<std::string, LoadedSource> by_id;
  std::vector<workspace::ClaimsFile> claims;
  std::vector<CitationRef> refs;       // every citation, in claims-file order
  std::vector<Decision> decisions;     // one per ref
};

// Bump when the verdict logic changes so cached verdicts are recomputed.
inline constexpr const char* k_engine_version = "anchor-8";

// What a verdict depends on: the citation's selector, the source's content
// and the engine. Same key, same verdict.
std::uint64_t cache_key(const core::Citation& c, const std::string& source_hash);

// Called on the calling thread for each source that was read (changed), as
// soon as it is done, so that its snapshot can be stored while other
// sources are still being read. An error stops further calls and is
// returned by load_and_judge.
using ReadySink = std::function<util::Status(const LoadedSource&)>;

// Limits a check to part of the workspace (`check --changed-since`): only
// the claims in a claims file among `paths`, and the claims citing a source
// whose content file or sidecar is among `paths`, are judged, and only their
// sources are read.
struct Scope {
  std::unordered_set<std::string> paths;  // workspace-relative, '/'-separated
};

// `sidecars` and `claim_files`: workspace-relative paths, sorted (from the input scan).
// `progress`, when set, hears how many sources are done; `scope`, when set, limits the work.
util::Result<CheckInputs> load_and_judge(const workspace::Workspace& ws, const Previous& prev,
                                         std::vector<std::string> sidecars, std::vector<std::string> claim_files,
                                         const ReadySink& sink, const ProgressFn& progress = {},
                                         const Scope* scope = nullptr);

// Is the record's stat the file's, and old enough to trust (see inputs.h)?
bool stat_matches(const store::FileRecord& r, const util::FileStat& st);

}  // namespace provcheck::app
