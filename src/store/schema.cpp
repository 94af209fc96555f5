#include "store/schema.h"

#include <string>
#include <vector>

namespace provcheck::store {
namespace {

// Never edit a migration that has shipped: append a new one.
const std::vector<std::string> k_migrations = {
    // 1: the foundation.
    R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE snapshots(
  hash TEXT PRIMARY KEY,             -- xxh3-128 digest of the raw bytes (algorithm in the value)
  media_type TEXT NOT NULL,
  byte_size INTEGER NOT NULL,
  text_hash TEXT NOT NULL,           -- xxh3-128 digest of the text layer
  text_zstd BLOB NOT NULL,           -- the text layer, zstd-compressed
  captured_at TEXT NOT NULL,
  captured_from TEXT NOT NULL);
CREATE TABLE sources(                 -- the sidecars as last seen, with the current snapshot
  id TEXT PRIMARY KEY, file TEXT NOT NULL, title TEXT NOT NULL, publisher TEXT NOT NULL, url TEXT NOT NULL,
  published TEXT NOT NULL, retrieved TEXT NOT NULL, media_type TEXT NOT NULL, snapshot TEXT NOT NULL);
CREATE TABLE source_snapshots(
  source_id TEXT NOT NULL,
  snapshot TEXT NOT NULL REFERENCES snapshots(hash),
  first_seen TEXT NOT NULL,
  PRIMARY KEY(source_id, snapshot));
CREATE TABLE stat_cache(               -- packed FileRecords of every input file
  id INTEGER PRIMARY KEY CHECK (id = 1), records BLOB NOT NULL);
CREATE TABLE claims(
  id TEXT PRIMARY KEY, file TEXT NOT NULL, line INTEGER NOT NULL, text TEXT NOT NULL,
  subject TEXT, metric TEXT, value TEXT, unit TEXT, approx TEXT, as_of TEXT, tags TEXT NOT NULL);
CREATE TABLE citations(                -- the quote itself lives in the claims file
  claim_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  source_id TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  quote_hash TEXT NOT NULL,          -- xxh3-64 digest of the quote's bytes
  normalized_hash TEXT NOT NULL,     -- xxh3-64+normN: names the normalizer version
  snapshot TEXT NOT NULL,            -- xxh3-128 digest of the source when pinned
  PRIMARY KEY(claim_id, idx));
CREATE INDEX citations_by_source ON citations(source_id);
CREATE TABLE runs(
  id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, fingerprint TEXT NOT NULL,
  summary TEXT NOT NULL, exit_code INTEGER NOT NULL);
CREATE TABLE intact(                   -- the intact set: packed (key hash, cache key) pairs
  id INTEGER PRIMARY KEY CHECK (id = 1), entries BLOB NOT NULL);
CREATE TABLE results(                  -- citations that are not intact
  key TEXT PRIMARY KEY, claim_id TEXT NOT NULL, idx INTEGER NOT NULL, source_id TEXT NOT NULL,
  claim_file TEXT NOT NULL, claim_line INTEGER NOT NULL,
  status TEXT NOT NULL, severity TEXT NOT NULL,
  pinned_start INTEGER NOT NULL, pinned_end INTEGER NOT NULL, found_start INTEGER, found_end INTEGER,
  similarity REAL NOT NULL, message TEXT NOT NULL, old_passage TEXT NOT NULL, new_passage TEXT NOT NULL,
  diff TEXT NOT NULL,
  cache_key TEXT NOT NULL, first_run INTEGER NOT NULL, last_run INTEGER NOT NULL);
CREATE TABLE history(
  key TEXT NOT NULL, run INTEGER NOT NULL, status TEXT NOT NULL, message TEXT NOT NULL,
  PRIMARY KEY(key, run));
)sql",
    // 2: earlier pins of citations, kept when `claim accept` re-pins them.
    R"sql(
CREATE TABLE pins(
  claim_id TEXT NOT NULL, idx INTEGER NOT NULL,
  accepted_at TEXT NOT NULL,         -- when the person accepted the drift
  status TEXT NOT NULL,              -- the status the citation had then
  source_id TEXT NOT NULL,
  quote TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  quote_hash TEXT NOT NULL, normalized_hash TEXT NOT NULL,
  snapshot TEXT NOT NULL,            -- the snapshot the old pin was made on
  new_start INTEGER NOT NULL, new_end INTEGER NOT NULL, new_snapshot TEXT NOT NULL);
CREATE INDEX pins_by_claim ON pins(claim_id, idx);
)sql",
    // 3: conflicts and search (issue 5): the last full check's conflicts and
    // related-claim groups for a check answered from the store, and the
    // full-text index of every current snapshot's passages.
    R"sql(
CREATE TABLE conflict_cache(           -- packed conflicts and groups (store/conflict_cache.h)
  id INTEGER PRIMARY KEY CHECK (id = 1), report BLOB NOT NULL);
CREATE VIRTUAL TABLE passages USING fts5(
  body,                              -- a paragraph- or sentence-sized piece of a text layer
  snapshot UNINDEXED,                -- xxh3-128 digest of the snapshot it comes from
  start UNINDEXED, stop UNINDEXED,   -- its byte span in that text layer
  tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE search_snapshots(         -- snapshots whose passages are in the index, as rowids first..last
  snapshot TEXT PRIMARY KEY, passages INTEGER NOT NULL, first_row INTEGER NOT NULL, last_row INTEGER NOT NULL);
)sql",
    // 4: capture: the page of a citation in a paged source (PDF), for reports
    // answered from the store.
    R"sql(
ALTER TABLE results ADD COLUMN page INTEGER;
)sql",
    // 5: manage (issue 12): the audit of changes to claims and sources.
    R"sql(
CREATE TABLE audit(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,                  -- ISO 8601 UTC
  command TEXT NOT NULL,             -- e.g. 'claim edit'
  who TEXT NOT NULL,                 -- user name from the environment
  kind TEXT NOT NULL,                -- 'claim' or 'source'
  object TEXT NOT NULL,              -- its id
  before TEXT NOT NULL,              -- JSON, '' when new
  after TEXT NOT NULL,               -- JSON, '' when removed
  detail TEXT NOT NULL);
CREATE INDEX audit_by_object ON audit(kind, object, id);
)sql",
};

util::Result<int> user_version(Connection& db) {
  PC_ASSIGN_OR_RETURN(Statement st, Statement::prepare(db, "PRAGMA user_version"));
  bool row = false;
  PC_ASSIGN_OR_RETURN(row, st.step());
  return row ? static_cast<int>(st.column_int(0)) : 0;
}

}  // namespace

int latest_schema_version() { return static_cast<int>(k_migrations.size()); }

util::Status migrate(Connection& db, int target_version) {
  int version = 0;
  PC_ASSIGN_OR_RETURN(version, user_version(db));
  if (version > static_cast<int>(k_migrations.size())) {
    return util::Error(util::ErrorKind::incompatible,
                       db.path() + ": the store has schema version " + std::to_string(version) +
                           ", newer than this provcheck understands (" + std::to_string(k_migrations.size()) +
                           "); use a newer provcheck, or delete .provcheck/ to rebuild it from sources/ and "
                           "claims/ (history is lost)");
  }
  if (version >= target_version) return util::Status();
  PC_TRY_STATUS(db.exec("BEGIN IMMEDIATE"));
  for (int v = version; v < target_version; ++v) {
    auto st = db.exec(k_migrations[static_cast<std::size_t>(v)]);
    if (!st.ok()) {
      (void)db.exec("ROLLBACK");
      return st.error();
    }
  }
  auto st = db.exec("PRAGMA user_version = " + std::to_string(target_version) + "; COMMIT");
  if (!st.ok()) {
    (void)db.exec("ROLLBACK");
    return st.error();
  }
  return util::Status();
}

}  // namespace provcheck::store
