#include "store/pg_schema.h"

#include <string>
#include <vector>

namespace provcheck::store {
namespace {
using util::Error;
using util::ErrorKind;

// The advisory lock key of schema changes ("provchek" in ASCII).
constexpr const char* k_schema_lock = "8103510057313084779";

// Never edit a migration that has shipped: append a new one. Columns `ws`
// (workspace id) and `br` (branch) scope a workspace's memory; snapshots
// and the passages of the search index are shared by content hash.
const std::vector<std::string> k_pg_migrations = {
    // 1: the foundation: the SQLite store's tables (through its migration 4), scoped.
    R"sql(
CREATE TABLE snapshots(
  hash TEXT PRIMARY KEY, media_type TEXT NOT NULL, byte_size BIGINT NOT NULL, text_hash TEXT NOT NULL,
  text_zstd BYTEA NOT NULL, captured_at TEXT NOT NULL, captured_from TEXT NOT NULL);
CREATE TABLE workspaces(ws TEXT PRIMARY KEY, name TEXT NOT NULL, first_seen TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE branches(
  ws TEXT NOT NULL REFERENCES workspaces(ws), br TEXT NOT NULL, forked_from TEXT NOT NULL,
  first_seen TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY(ws, br));
CREATE TABLE meta(ws TEXT NOT NULL, br TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY(ws, br, key));
CREATE TABLE sources(
  ws TEXT NOT NULL, br TEXT NOT NULL, id TEXT NOT NULL, file TEXT NOT NULL, title TEXT NOT NULL,
  publisher TEXT NOT NULL, url TEXT NOT NULL, published TEXT NOT NULL, retrieved TEXT NOT NULL,
  media_type TEXT NOT NULL, snapshot TEXT NOT NULL, PRIMARY KEY(ws, br, id));
CREATE INDEX sources_by_snapshot ON sources(snapshot);
CREATE TABLE source_snapshots(
  ws TEXT NOT NULL, source_id TEXT NOT NULL,
  snapshot TEXT NOT NULL REFERENCES snapshots(hash) DEFERRABLE INITIALLY DEFERRED,
  first_seen TEXT NOT NULL, PRIMARY KEY(ws, source_id, snapshot));
CREATE TABLE stat_cache(ws TEXT NOT NULL, clone TEXT NOT NULL, records BYTEA NOT NULL, PRIMARY KEY(ws, clone));
CREATE TABLE claims(
  ws TEXT NOT NULL, br TEXT NOT NULL, id TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
  text TEXT NOT NULL, subject TEXT, metric TEXT, value TEXT, unit TEXT, approx TEXT, as_of TEXT,
  tags TEXT NOT NULL, PRIMARY KEY(ws, br, id));
CREATE INDEX claims_by_subject ON claims(lower(subject));
CREATE TABLE citations(
  ws TEXT NOT NULL, br TEXT NOT NULL, claim_id TEXT NOT NULL, idx INTEGER NOT NULL, source_id TEXT NOT NULL,
  start BIGINT NOT NULL, "end" BIGINT NOT NULL, quote_hash TEXT NOT NULL, normalized_hash TEXT NOT NULL,
  snapshot TEXT NOT NULL, PRIMARY KEY(ws, br, claim_id, idx));
CREATE INDEX citations_by_source ON citations(ws, br, source_id);
CREATE TABLE runs(
  id BIGSERIAL PRIMARY KEY, ws TEXT NOT NULL, br TEXT NOT NULL, started_at TEXT NOT NULL,
  fingerprint TEXT NOT NULL, summary TEXT NOT NULL, exit_code INTEGER NOT NULL);
CREATE INDEX runs_by_scope ON runs(ws, br, id);
CREATE TABLE intact(ws TEXT NOT NULL, br TEXT NOT NULL, entries BYTEA NOT NULL, PRIMARY KEY(ws, br));
CREATE TABLE results(
  ws TEXT NOT NULL, br TEXT NOT NULL, key TEXT NOT NULL, claim_id TEXT NOT NULL, idx INTEGER NOT NULL,
  source_id TEXT NOT NULL, claim_file TEXT NOT NULL, claim_line INTEGER NOT NULL, status TEXT NOT NULL,
  severity TEXT NOT NULL, pinned_start BIGINT NOT NULL, pinned_end BIGINT NOT NULL, found_start BIGINT,
  found_end BIGINT, similarity DOUBLE PRECISION NOT NULL, message TEXT NOT NULL, old_passage TEXT NOT NULL,
  new_passage TEXT NOT NULL, diff TEXT NOT NULL, cache_key TEXT NOT NULL, first_run BIGINT NOT NULL,
  last_run BIGINT NOT NULL, page INTEGER, PRIMARY KEY(ws, br, key));
CREATE TABLE history(
  ws TEXT NOT NULL, br TEXT NOT NULL, key TEXT NOT NULL, run BIGINT NOT NULL, status TEXT NOT NULL,
  message TEXT NOT NULL, PRIMARY KEY(ws, br, key, run));
CREATE TABLE pins(
  id BIGSERIAL PRIMARY KEY, ws TEXT NOT NULL, claim_id TEXT NOT NULL, idx INTEGER NOT NULL,
  accepted_at TEXT NOT NULL, status TEXT NOT NULL, source_id TEXT NOT NULL, quote TEXT NOT NULL,
  prefix TEXT NOT NULL, suffix TEXT NOT NULL, start BIGINT NOT NULL, "end" BIGINT NOT NULL,
  quote_hash TEXT NOT NULL, normalized_hash TEXT NOT NULL, snapshot TEXT NOT NULL,
  new_start BIGINT NOT NULL, new_end BIGINT NOT NULL, new_snapshot TEXT NOT NULL);
CREATE INDEX pins_by_claim ON pins(ws, claim_id, idx);
CREATE TABLE conflict_cache(ws TEXT NOT NULL, br TEXT NOT NULL, report BYTEA NOT NULL, PRIMARY KEY(ws, br));
CREATE TABLE passages(
  snapshot TEXT NOT NULL, start BIGINT NOT NULL, stop BIGINT NOT NULL, body TEXT NOT NULL,
  tsv TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED, PRIMARY KEY(snapshot, start));
CREATE INDEX passages_fts ON passages USING GIN(tsv);
CREATE TABLE search_snapshots(ws TEXT NOT NULL, snapshot TEXT NOT NULL, PRIMARY KEY(ws, snapshot));
)sql",
    // 2: the audit of commands that change claims and sources (SQLite's
    // migration 5), per workspace like the pins: who changed what, when.
    R"sql(
CREATE TABLE audit(
  id BIGSERIAL PRIMARY KEY, ws TEXT NOT NULL, at TEXT NOT NULL, command TEXT NOT NULL, who TEXT NOT NULL,
  kind TEXT NOT NULL, object TEXT NOT NULL, before TEXT NOT NULL, after TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX audit_by_object ON audit(ws, kind, object, id);
)sql",
};

util::Result<int> schema_version(PgConnection& db) {
  PC_ASSIGN_OR_RETURN(PgResult r, db.exec("SELECT to_regclass('provcheck_schema') IS NOT NULL"));
  if (r.text(0, 0) != "t") return 0;
  PC_ASSIGN_OR_RETURN(PgResult v, db.exec("SELECT version FROM provcheck_schema"));
  return v.rows() ? static_cast<int>(v.integer(0, 0)) : 0;
}

util::Status check_not_newer(PgConnection& db, int version) {
  if (version <= latest_pg_schema_version()) return util::Status();
  return Error(ErrorKind::incompatible,
               db.label() + ": the store has schema version " + std::to_string(version) +
                   ", newer than this provcheck understands (" + std::to_string(latest_pg_schema_version()) +
                   "); use the provcheck version the other clients of this database use (or newer)");
}

}  // namespace

int latest_pg_schema_version() { return static_cast<int>(k_pg_migrations.size()); }

util::Status check_not_older(PgConnection& db, int version, bool upgrade) {
  if (version == 0 || upgrade || version >= latest_pg_schema_version()) return util::Status();
  return Error(ErrorKind::incompatible,
               db.label() + ": the store has schema version " + std::to_string(version) +
                   ", older than this provcheck's (" + std::to_string(latest_pg_schema_version()) +
                   "); other clients may still use it: when every client has this provcheck, run "
                   "`provcheck store upgrade` once");
}

util::Status migrate_pg(PgConnection& db, bool upgrade) {
  PC_ASSIGN_OR_RETURN(int version, schema_version(db));
  PC_TRY_STATUS(check_not_newer(db, version));
  PC_TRY_STATUS(check_not_older(db, version, upgrade));
  if (version == latest_pg_schema_version()) return util::Status();
  // Several clients may start together: one migrates under the lock, the
  // others wait for it and then find the schema current.
  PC_ASSIGN_OR_RETURN(PgResult lock, db.exec(std::string("SELECT pg_advisory_lock(") + k_schema_lock + ")"));
  auto unlock = [&] { (void)db.exec(std::string("SELECT pg_advisory_unlock(") + k_schema_lock + ")"); };
  auto version2 = schema_version(db);
  if (!version2.ok()) { unlock(); return version2.error(); }
  version = *version2;
  if (auto st = check_not_newer(db, version); !st.ok()) { unlock(); return st; }
  if (auto st = check_not_older(db, version, upgrade); !st.ok()) { unlock(); return st; }
  if (version < latest_pg_schema_version()) {
    std::string sql = "BEGIN;\nCREATE TABLE IF NOT EXISTS provcheck_schema(version INTEGER NOT NULL);\n";
    for (int v = version; v < latest_pg_schema_version(); ++v) sql += k_pg_migrations[static_cast<std::size_t>(v)];
    sql += "DELETE FROM provcheck_schema;\nINSERT INTO provcheck_schema(version) VALUES(" +
           std::to_string(latest_pg_schema_version()) + ");\nCOMMIT;";
    auto r = db.exec(sql);
    if (!r.ok()) {
      (void)db.exec("ROLLBACK");
      unlock();
      return r.error().with_context("migrating the store's schema");
    }
  }
  unlock();
  return util::Status();
}

}  // namespace provcheck::store
