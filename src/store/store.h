#pragma once
// The store: provcheck's memory between runs. Every snapshot of every
// source (content-addressed by XXH3-128, text layer zstd-compressed), the
// index of claims and citations, the stat records that make an unchanged
// file cost nothing, the history of check runs and per-citation results.
// The files in sources/ and claims/ are the record; everything here can be
// rebuilt from them except history.
//
// This is the one narrow interface the rest of the program sees, so that
// the embedded SQLite store can later be joined by a server database. All
// methods return errors as values (ErrorKind::busy when the lock outlasts
// the busy timeout, corruption for a damaged store, incompatible for a
// store written by a newer provcheck). Writes happen inside a transaction
// from begin_write(); one Store is used by one thread at a time.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/findings.h"
#include "core/model.h"
#include "store/conflict_cache.h"
#include "util/result.h"

namespace provcheck::store {


struct FileRecord {
  std::string path;  // workspace-relative
  std::int64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::int64_t inode = 0;
  std::string content_hash;
  std::int64_t recorded_ns = 0;  // wall clock when the stat was taken
  std::int64_t ctime_ns = 0;
};

struct SnapshotInfo {
  std::string hash;  // xxh3-128 of the raw bytes
  std::string media_type;
  std::int64_t byte_size = 0;
  std::string text_hash;  // xxh3-128 of the text layer
  std::string captured_at;
  std::string captured_from;
};

struct StoredResult {
  core::CitationFinding finding;
  std::string cache_key;
  std::int64_t first_run = 0;
};

struct RunRecord {
  std::int64_t id = 0;
  std::string started_at;
  std::string fingerprint;
  core::CheckSummary summary;
  int exit_code = 0;
};

struct IntactEntry {
  std::uint64_t key_hash = 0;   // xxh3-64 of result_key(claim, index)
  std::uint64_t cache_key = 0;  // what the verdict was computed from
  bool operator<(const IntactEntry& o) const { return key_hash < o.key_hash; }
};

struct HistoryEntry {
  std::int64_t run = 0;
  std::string at;
  std::string status;
  std::string message;
};

// A citation's earlier pin, kept when `claim accept` re-pinned it.
struct PinRecord {
  std::string claim;
  int index = 0;
  std::string accepted_at;
  std::string status;  // the status it had when accepted
  core::Citation old_pin;
  std::uint64_t new_start = 0;
  std::uint64_t new_end = 0;
  std::string new_snapshot;
};

// A passage of a snapshot's text layer, for the search index.
struct IndexedPassage {
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  std::string text;
};

// One ranked passage found by a search.
struct SearchHit {
  std::string snapshot;
  std::uint64_t start = 0;
  std::uint64_t end = 0;
  double score = 0;     // -bm25: higher is better
  std::string snippet;  // matched terms between \x02 and \x03
  // Sources of other workspaces of a shared store whose current snapshot
  // this is, as "workspace:source" labels (PostgreSQL; empty on SQLite).
  std::vector<std::string> elsewhere;
};

// One change made by a command that edits claims or sources (store/audit.h).
struct AuditEntry {
  std::int64_t id = 0;  // order of recording
  std::string at;       // ISO 8601 UTC
  std::string command;  // "claim edit", "source rename", ...
  std::string who;      // user name from the environment
  std::string kind;     // "claim" or "source"
  std::string object;   // the claim or source id (the new id after a rename)
  std::string before;   // JSON of the object before, empty when it is new
  std::string after;    // JSON of the object after, empty when it was removed
  std::string detail;   // a one-line summary ("renamed a to b", "citation [1] removed")
};

struct OpenOptions {
  bool create = true;
  int busy_timeout_ms = 5000;
  bool upgrade_schema = false;  // PostgreSQL: move an older shared schema forward (`store upgrade`)
};

// Rows of the desk's questions (`provcheck query`). On SQLite they cover the
// one workspace; on PostgreSQL every workspace of the database, each row
// naming its workspace (its name, e.g. the folder it was first used from).
struct BrokenCitation {
  std::string workspace;
  std::string claim;
  int index = 0;
  std::string source;
  std::string status;
  std::string severity;
  std::string since;  // when the run that first saw this status started
  std::string claim_file;
  int claim_line = 0;
  std::string message;
};

struct ChangedSource {
  std::string workspace;
  std::string source;
  std::string title;
  std::string changed_at;  // when its newest snapshot was first seen
  int snapshots = 0;       // how many versions the store holds
  std::vector<std::string> claims;  // the claims that cite it, sorted
};

struct SubjectClaim {
  std::string workspace;
  std::string claim;
  std::string file;
  int line = 0;
  std::string text;
  std::string subject, metric, value, unit, as_of;
};

class Store {
 public:
  virtual ~Store() = default;

  class WriteTransaction {
   public:
    virtual ~WriteTransaction() = default;
    virtual util::Status commit() = 0;  // rolls back on destruction unless committed
  };
  virtual util::Result<std::unique_ptr<WriteTransaction>> begin_write() = 0;

  // The stat cache: one record per input file, read and replaced whole (a
  // check knows every file anyway, and one packed row costs far less than
  // thousands of row updates).
  virtual util::Result<std::unordered_map<std::string, FileRecord>> file_records() = 0;
  virtual util::Status put_file_records(const std::vector<FileRecord>& all) = 0;

  // Snapshots and sources.
  virtual util::Status put_snapshot(const SnapshotInfo& info, std::string_view text_layer) = 0;
  // The same with the text layer already compressed by compress_snapshot_text (for worker threads).
  virtual util::Status put_snapshot_compressed(const SnapshotInfo& info, std::string_view compressed) = 0;
  virtual util::Result<std::vector<std::string>> snapshot_hashes() = 0;
  virtual util::Result<std::optional<std::string>> snapshot_text(const std::string& hash) = 0;
  // Records the source's metadata (the sidecar stays the record) with its
  // current snapshot, and links that snapshot to the source's history.
  virtual util::Status put_source(const core::SourceMeta& meta, const std::string& snapshot_hash,
                                  const std::string& seen_at) = 0;
  virtual util::Result<std::vector<SnapshotInfo>> source_snapshots(const std::string& source_id) = 0;

  // Small named values (e.g. whether the claims index is current).
  virtual util::Result<std::optional<std::string>> meta(const std::string& key) = 0;
  virtual util::Status set_meta(const std::string& key, const std::string& value) = 0;

  // The claims index: claims and citations as of the last `reindex` or
  // `claim add`; meta "claims_index" says "stale" when a check saw the
  // claims files change since.
  virtual util::Status replace_claims(const std::vector<core::Claim>& claims) = 0;
  virtual util::Status put_claims(const std::vector<core::Claim>& claims) = 0;

  // Runs and results.
  virtual util::Result<std::optional<RunRecord>> last_run() = 0;
  virtual util::Result<std::int64_t> add_run(const RunRecord& run) = 0;
  // Every stored result, or only those whose severity is above ok.
  //
  // Verdicts: a citation that is not intact has a result row (with its
  // passages, message and the run since which it has had this status); an
  // intact one is only an entry in the intact set: (hash of its result key,
  // cache key). That keeps a cold check of a large clean workspace cheap.
  virtual util::Result<std::unordered_map<std::string, StoredResult>> results(bool not_ok_only = false) = 0;
  // Records a not-intact finding for this run; a status change starts a new history entry.
  virtual util::Status put_result(std::int64_t run, const core::CitationFinding& f, const std::string& cache_key) = 0;
  virtual util::Status delete_results(const std::vector<std::string>& keys) = 0;
  virtual util::Result<std::vector<IntactEntry>> intact_set() = 0;
  virtual util::Status put_intact_set(const std::vector<IntactEntry>& entries) = 0;
  virtual util::Status add_history(std::int64_t run, const std::string& key, const std::string& status,
                                   const std::string& message) = 0;
  virtual util::Result<std::vector<HistoryEntry>> history(const std::string& claim_id, int index) = 0;

  // Earlier pins, oldest first.
  virtual util::Status put_pin(const PinRecord& pin) = 0;
  virtual util::Result<std::vector<PinRecord>> pins(const std::string& claim_id) = 0;
  // Conflicts and subject-and-metric groups of the last full check, for a
  // check answered from the store; nullopt when none are cached.
  virtual util::Status put_conflict_report(const ConflictReport& report) = 0;
  virtual util::Result<std::optional<ConflictReport>> conflict_report() = 0;

  // The audit (store/audit.h): every change a command made to a claim or a
  // source, oldest first. Entries are kept when the object is removed or
  // renamed (a rename moves its entries to the new id).
  virtual util::Status put_audit(const AuditEntry& entry) = 0;
  virtual util::Result<std::vector<AuditEntry>> audit(const std::string& kind, const std::string& object) = 0;
  // Moves what the store keeps per claim (pins, results, history, audit)
  // to a new claim id; per source (index, snapshots links, results, pins)
  // to a new source id; drops citation `index` of a claim and renumbers the
  // later ones, so history follows each citation.
  virtual util::Status rename_claim(const std::string& from, const std::string& to) = 0;
  virtual util::Status rename_source(const std::string& from, const std::string& to) = 0;
  virtual util::Status drop_citation(const std::string& claim, int index) = 0;

  // The full-text index (store/search_index.h): which snapshots are in it,
  // (re)index one, drop one, and rank passages for an FTS5 query.
  virtual util::Result<std::vector<std::string>> indexed_snapshots() = 0;
  virtual util::Status index_passages(const std::string& snapshot, const std::vector<IndexedPassage>& passages) = 0;
  virtual util::Status unindex_snapshot(const std::string& snapshot) = 0;
  virtual util::Result<std::vector<SearchHit>> search_passages(const std::string& query, int limit) = 0;

  // The desk's questions (app/query_cmd.h). `since` is an ISO 8601 date or
  // time; rows come sorted (workspace, then claim or source).
  virtual util::Result<std::vector<BrokenCitation>> broken_since(const std::string& since) = 0;
  virtual util::Result<std::vector<ChangedSource>> changed_sources(const std::string& since) = 0;
  // Claims whose subject, after core::fold_name, is one of `folded_subjects`
  // (a name and its aliases).
  virtual util::Result<std::vector<SubjectClaim>> claims_by_subject(const std::vector<std::string>& folded_subjects) = 0;

  // What `store migrate` copies (store/store_copy.h): the whole memory of
  // this workspace (and branch), read and written in bulk.
  struct Dump;
  virtual util::Result<Dump> dump() = 0;
  virtual util::Status load(const Dump& d) = 0;
  // "sqlite" or "postgresql", and where (the URL with its password masked).
  virtual std::string describe() const = 0;
};

// Everything a workspace's store holds, for `store migrate`, but the claims
// index (rebuilt from claims/ by the next command: load() marks it stale).
struct Store::Dump {
  struct Snapshot {
    SnapshotInfo info;
    std::string compressed;
  };
  struct Source {
    core::SourceMeta meta;
    std::string snapshot;
  };
  struct Link {
    std::string source_id, snapshot, first_seen;
  };
  struct Result {
    std::string key;
    StoredResult stored;
    std::int64_t last_run = 0;
  };
  struct History {
    std::string key;
    std::int64_t run = 0;
    std::string status, message;
  };
  std::vector<Snapshot> snapshots;
  std::vector<Source> sources;
  std::vector<Link> links;
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<RunRecord> runs;  // oldest first; results and history refer to their ids
  std::vector<Result> results;
  std::vector<History> history;
  std::vector<IntactEntry> intact;
  std::vector<PinRecord> pins;
  std::vector<AuditEntry> audit;  // in recording order
  std::optional<ConflictReport> conflicts;
};

// Opens (and creates or migrates) the SQLite store at `path`.
util::Result<std::unique_ptr<Store>> open_sqlite_store(const std::string& path, const OpenOptions& options);

// Where a workspace sits in a shared store (store/pg_store.cpp).
struct SharedScope {
  std::string workspace_id;    // from provcheck.json
  std::string workspace_name;  // shown in cross-workspace answers (the root folder's name)
  std::string branch;          // runs, results and history are per branch
  std::string base_branch;     // a branch's first use starts from this one's memory
  std::string clone;           // host and root path: the stat cache is per clone
};

// Connects to the PostgreSQL store at `url` (password from the
// environment or ~/.pgpass), creating or migrating its schema once under an
// advisory lock. Errors: io when the server cannot be reached (message
// with the password masked), incompatible for a schema of another version.
util::Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url, const SharedScope& scope,
                                                         const OpenOptions& options);

// "claim#index", the key of a citation's result.
std::string result_key(const std::string& claim_id, int index);
// zstd compression as put_snapshot_compressed expects it. Thread-safe.
std::string compress_snapshot_text(std::string_view text);

}  // namespace provcheck::store
