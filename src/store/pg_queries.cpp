#include "store/pg_queries.h"

#include <algorithm>
#include <map>

#include "core/settings.h"
#include "store/row_codecs.h"

namespace provcheck::store {
namespace {
using util::Error;
using util::ErrorKind;
using util::Result;
using util::Status;
using P = PgParam;

// Rows of the desk's view: the asking workspace's branch, every other
// workspace's base branch. Parameters $1 ws, $2 branch, $3 base branch.
constexpr const char* k_scope = "((t.ws = $1 AND t.br = $2) OR (t.ws <> $1 AND t.br = $3))";

std::vector<P> scope_params(const SharedScope& s) {
  return {P::text(s.workspace_id), P::text(s.branch), P::text(s.base_branch)};
}

}  // namespace

Result<std::vector<BrokenCitation>> pg_broken_since(PgConnection& db, const SharedScope& s, const std::string& since) {
  auto params = scope_params(s);
  params.push_back(P::text(since));
  PC_ASSIGN_OR_RETURN(PgResult r, db.exec_retry(
      std::string("SELECT w.name, t.claim_id, t.idx, t.source_id, t.status, t.severity, runs.started_at, t.claim_file, "
                  "t.claim_line, t.message FROM results t JOIN runs ON runs.id = t.first_run JOIN workspaces w ON "
                  "w.ws = t.ws WHERE ") + k_scope +
          " AND t.severity IN ('warning', 'error') AND runs.started_at >= $4 "
          "ORDER BY w.name COLLATE \"C\", t.ws, t.claim_id COLLATE \"C\", t.idx", params));
  std::vector<BrokenCitation> out;
  for (int i = 0; i < r.rows(); ++i) {
    out.push_back({r.text(i, 0), r.text(i, 1), static_cast<int>(r.integer(i, 2)), r.text(i, 3), r.text(i, 4),
                   r.text(i, 5), r.text(i, 6), r.text(i, 7), static_cast<int>(r.integer(i, 8)), r.text(i, 9)});
  }
  return out;
}

Result<std::vector<ChangedSource>> pg_changed_sources(PgConnection& db, const SharedScope& s, const std::string& since) {
  auto params = scope_params(s);
  params.push_back(P::text(since));
  PC_ASSIGN_OR_RETURN(PgResult r, db.exec_retry(
      std::string("SELECT w.name, t.id, t.title, MAX(ss.first_seen COLLATE \"C\"), COUNT(*), "
                  "(SELECT string_agg(DISTINCT c.claim_id, E'\\n' ORDER BY c.claim_id) FROM citations c "
                  " WHERE c.ws = t.ws AND c.br = t.br AND c.source_id = t.id) "
                  "FROM sources t JOIN source_snapshots ss ON ss.ws = t.ws AND ss.source_id = t.id "
                  "JOIN workspaces w ON w.ws = t.ws WHERE ") + k_scope +
          " GROUP BY w.name, t.ws, t.br, t.id, t.title HAVING COUNT(*) > 1 AND MAX(ss.first_seen COLLATE \"C\") >= $4 "
          "ORDER BY w.name COLLATE \"C\", t.ws, t.id COLLATE \"C\"", params));
  std::vector<ChangedSource> out;
  for (int i = 0; i < r.rows(); ++i) {
    ChangedSource c{r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), static_cast<int>(r.integer(i, 4)), {}};
    std::string claims = r.is_null(i, 5) ? "" : r.text(i, 5);
    for (std::size_t pos = 0; pos < claims.size();) {
      std::size_t e = claims.find('\n', pos);
      if (e == std::string::npos) e = claims.size();
      c.claims.push_back(claims.substr(pos, e - pos));
      pos = e + 1;
    }
    std::sort(c.claims.begin(), c.claims.end());
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<SubjectClaim>> pg_claims_by_subject(PgConnection& db, const SharedScope& s,
                                                       const std::vector<std::string>& folded_subjects) {
  // Narrowed in SQL by lower-case equality after squeezing whitespace, then
  // checked with core::fold_name, the one definition of a folded name.
  std::string arr = "{";
  for (const std::string& f : folded_subjects) {
    std::string item = "\"";
    for (char ch : f) {
      if (ch == '"' || ch == '\\') item += '\\';
      item += ch;
    }
    arr += (arr.size() > 1 ? "," : "") + item + "\"";
  }
  arr += "}";
  auto params = scope_params(s);
  params.push_back(P::text(arr));
  PC_ASSIGN_OR_RETURN(PgResult r, db.exec_retry(
      std::string("SELECT w.name, t.id, t.file, t.line, t.text, t.subject, COALESCE(t.metric, ''), "
                  "COALESCE(t.value, ''), COALESCE(t.unit, ''), COALESCE(t.as_of, '') FROM claims t "
                  "JOIN workspaces w ON w.ws = t.ws WHERE ") + k_scope +
          " AND t.subject IS NOT NULL AND btrim(regexp_replace(lower(t.subject), '\\s+', ' ', 'g')) = ANY($4::text[]) "
          "ORDER BY w.name COLLATE \"C\", t.ws, t.id COLLATE \"C\"", params));
  std::vector<SubjectClaim> out;
  for (int i = 0; i < r.rows(); ++i) {
    std::string subject = r.text(i, 5);
    if (std::find(folded_subjects.begin(), folded_subjects.end(), core::fold_name(subject)) == folded_subjects.end()) {
      continue;
    }
    out.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2), static_cast<int>(r.integer(i, 3)), r.text(i, 4), subject,
                   r.text(i, 6), r.text(i, 7), r.text(i, 8), r.text(i, 9)});
  }
  return out;
}

Result<Store::Dump> pg_dump(PgConnection& db, const SharedScope& s, Store& store) {
  Store::Dump d;
  std::vector<P> wb = {P::text(s.workspace_id), P::text(s.branch)};
  std::vector<P> w = {P::text(s.workspace_id)};
  {
    // The snapshots this workspace has seen (others' stay where they are).
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec(
        "SELECT hash, media_type, byte_size, text_hash, captured_at, captured_from FROM snapshots WHERE hash IN "
        "(SELECT snapshot FROM source_snapshots WHERE ws = $1 UNION SELECT snapshot FROM sources WHERE ws = $1 "
        "AND br = $2) ORDER BY hash COLLATE \"C\"", wb));
    for (int i = 0; i < r.rows(); ++i) {
      Store::Dump::Snapshot snap{{r.text(i, 0), r.text(i, 1), r.integer(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5)}, {}};
      PC_ASSIGN_OR_RETURN(PgResult b, db.exec("SELECT text_zstd FROM snapshots WHERE hash = $1", {P::text(snap.info.hash)}, true));
      snap.compressed = std::string(b.bytes(0, 0));
      d.snapshots.push_back(std::move(snap));
    }
  }
  {
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec(
        "SELECT id, file, title, publisher, url, published, retrieved, media_type, snapshot FROM sources "
        "WHERE ws = $1 AND br = $2 ORDER BY id COLLATE \"C\"", wb));
    for (int i = 0; i < r.rows(); ++i) {
      Store::Dump::Source src;
      src.meta.id = r.text(i, 0);
      src.meta.file = r.text(i, 1);
      src.meta.title = r.text(i, 2);
      src.meta.publisher = r.text(i, 3);
      src.meta.url = r.text(i, 4);
      src.meta.published = r.text(i, 5);
      src.meta.retrieved = r.text(i, 6);
      src.meta.media_type = r.text(i, 7);
      src.snapshot = r.text(i, 8);
      d.sources.push_back(std::move(src));
    }
  }
  {
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec(
        "SELECT source_id, snapshot, first_seen FROM source_snapshots WHERE ws = $1 ORDER BY 1, 3, 2", w));
    for (int i = 0; i < r.rows(); ++i) d.links.push_back({r.text(i, 0), r.text(i, 1), r.text(i, 2)});
  }
  {
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec("SELECT key, value FROM meta WHERE ws = $1 AND br = $2 ORDER BY key", wb));
    for (int i = 0; i < r.rows(); ++i) d.meta.emplace_back(r.text(i, 0), r.text(i, 1));
  }
  {
    // Runs this branch made, and those its results and history still refer to (a fork's base runs).
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec(
        "SELECT id, started_at, fingerprint, summary, exit_code FROM runs WHERE (ws = $1 AND br = $2) OR id IN "
        "(SELECT first_run FROM results WHERE ws = $1 AND br = $2 UNION SELECT run FROM history WHERE ws = $1 "
        "AND br = $2) ORDER BY id", wb));
    for (int i = 0; i < r.rows(); ++i) {
      d.runs.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), decode_summary(r.text(i, 3)),
                        static_cast<int>(r.integer(i, 4))});
    }
  }
  {
    PC_ASSIGN_OR_RETURN(auto results, store.results(false));
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec("SELECT key, last_run FROM results WHERE ws = $1 AND br = $2 ORDER BY key", wb));
    for (int i = 0; i < r.rows(); ++i) {
      auto it = results.find(r.text(i, 0));
      if (it != results.end()) d.results.push_back({it->first, it->second, r.integer(i, 1)});
    }
  }
  {
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec(
        "SELECT key, run, status, message FROM history WHERE ws = $1 AND br = $2 ORDER BY key, run", wb));
    for (int i = 0; i < r.rows(); ++i) d.history.push_back({r.text(i, 0), r.integer(i, 1), r.text(i, 2), r.text(i, 3)});
  }
  PC_ASSIGN_OR_RETURN(d.intact, store.intact_set());
  {
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec("SELECT DISTINCT claim_id FROM pins WHERE ws = $1 ORDER BY 1", w));
    for (int i = 0; i < r.rows(); ++i) {
      PC_ASSIGN_OR_RETURN(auto pins, store.pins(r.text(i, 0)));
      for (auto& p : pins) d.pins.push_back(std::move(p));
    }
  }
  {
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec(
        "SELECT at, command, who, kind, object, before, after, detail FROM audit WHERE ws = $1 ORDER BY id", w));
    for (int i = 0; i < r.rows(); ++i) {
      d.audit.push_back({0, r.text(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5),
                         r.text(i, 6), r.text(i, 7)});
    }
  }
  PC_ASSIGN_OR_RETURN(d.conflicts, store.conflict_report());
  return d;
}

Status pg_load(PgConnection& db, const SharedScope& s, Store& store, const Store::Dump& d) {
  std::vector<P> wb = {P::text(s.workspace_id), P::text(s.branch)};
  PC_ASSIGN_OR_RETURN(PgResult have, db.exec("SELECT count(*) FROM runs WHERE ws = $1 AND br = $2", wb));
  if (have.integer(0, 0) > 0) {
    return Error(ErrorKind::conflict,
                 db.label() + " already holds " + have.text(0, 0) + " runs of this workspace (branch " + s.branch +
                     "); `store migrate` copies into a store that has no memory of it yet");
  }
  for (const auto& snap : d.snapshots) PC_TRY_STATUS(store.put_snapshot_compressed(snap.info, snap.compressed));
  for (const auto& src : d.sources) PC_TRY_STATUS(store.put_source(src.meta, src.snapshot, ""));
  PC_ASSIGN_OR_RETURN(PgResult del, db.exec("DELETE FROM source_snapshots WHERE ws = $1 AND first_seen = ''",
                                            {P::text(s.workspace_id)}));
  for (const auto& l : d.links) {
    PC_ASSIGN_OR_RETURN(PgResult r, db.exec(
        "INSERT INTO source_snapshots(ws, source_id, snapshot, first_seen) VALUES($1,$2,$3,$4) "
        "ON CONFLICT (ws, source_id, snapshot) DO UPDATE SET first_seen = LEAST(source_snapshots.first_seen COLLATE \"C\", "
        "excluded.first_seen COLLATE \"C\")",
        {P::text(s.workspace_id), P::text(l.source_id), P::text(l.snapshot), P::text(l.first_seen)}));
  }
  for (const auto& [k, v] : d.meta) PC_TRY_STATUS(store.set_meta(k, v));
  PC_TRY_STATUS(store.set_meta("claims_index", "stale"));
  std::map<std::int64_t, std::int64_t> ids;
  for (const RunRecord& r : d.runs) {
    PC_ASSIGN_OR_RETURN(std::int64_t id, store.add_run(r));
    ids[r.id] = id;
  }
  auto run_id = [&](std::int64_t old) {
    auto it = ids.find(old);
    return it == ids.end() ? old : it->second;
  };
  for (const auto& r : d.results) {
    PC_TRY_STATUS(store.put_result(run_id(r.stored.first_run), r.stored.finding, r.stored.cache_key));
    PC_ASSIGN_OR_RETURN(PgResult up, db.exec("UPDATE results SET last_run = $4 WHERE ws = $1 AND br = $2 AND key = $3",
                                             {wb[0], wb[1], P::text(r.key), P::integer(run_id(r.last_run))}));
  }
  PC_ASSIGN_OR_RETURN(PgResult clear, db.exec("DELETE FROM history WHERE ws = $1 AND br = $2", wb));
  for (const auto& h : d.history) PC_TRY_STATUS(store.add_history(run_id(h.run), h.key, h.status, h.message));
  PC_TRY_STATUS(store.put_intact_set(d.intact));
  PC_ASSIGN_OR_RETURN(PgResult pins, db.exec("SELECT count(*) FROM pins WHERE ws = $1", {P::text(s.workspace_id)}));
  if (pins.integer(0, 0) == 0) {
    for (const PinRecord& p : d.pins) PC_TRY_STATUS(store.put_pin(p));
    for (const AuditEntry& a : d.audit) PC_TRY_STATUS(store.put_audit(a));
  }
  if (d.conflicts) PC_TRY_STATUS(store.put_conflict_report(*d.conflicts));
  return Status();
}

}  // namespace provcheck::store
