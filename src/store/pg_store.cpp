// The store on PostgreSQL (store.h): the same memory as the SQLite store,
// scoped by workspace id and branch, with snapshots and search passages
// shared by content hash. Writers of one workspace-and-branch serialize on a
// transaction-scoped advisory lock taken by begin_write (as SQLite's
// BEGIN IMMEDIATE does), at READ COMMITTED; shared rows (snapshots,
// passages) are written in hash order with ON CONFLICT DO NOTHING, so two
// clients never wait on each other in opposite orders.

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "store/pg_conn.h"
#include "store/pg_queries.h"
#include "store/pg_schema.h"
#include "store/pg_search.h"
#include "store/row_codecs.h"
#include "store/store.h"
#include "util/compress.h"

namespace provcheck::store {
namespace {
using util::Error;
using util::ErrorKind;
using util::Result;
using util::Status;
using P = PgParam;

class PgStore;

class PgTransaction : public Store::WriteTransaction {
 public:
  explicit PgTransaction(PgStore& s) : m_store(&s) {}
  ~PgTransaction() override;
  Status commit() override;

 private:
  PgStore* m_store;
  bool m_done = false;
};

class PgStore : public Store {
 public:
  PgStore(PgConnection db, SharedScope scope, int busy_timeout_ms)
      : m_db(std::move(db)), m_scope(std::move(scope)), m_busy_ms(busy_timeout_ms) {}

  PgConnection& db() { return m_db; }
  const SharedScope& scope() const { return m_scope; }
  P ws() const { return P::text(m_scope.workspace_id); }
  P br() const { return P::text(m_scope.branch); }

  Result<std::unique_ptr<WriteTransaction>> begin_write() override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec("BEGIN ISOLATION LEVEL READ COMMITTED"));
    (void)r;
    auto timeout = m_db.exec("SET LOCAL lock_timeout = " + std::to_string(m_busy_ms));
    if (!timeout.ok()) {
      (void)m_db.exec("ROLLBACK");
      return timeout.error();
    }
    auto lock = m_db.exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                          {P::text(m_scope.workspace_id + "\n" + m_scope.branch)});
    if (!lock.ok()) {
      (void)m_db.exec("ROLLBACK");
      if (lock.error().kind() == ErrorKind::busy) {
        return Error(ErrorKind::busy, m_db.label() + ": another provcheck is writing this workspace's memory (branch " +
                                          m_scope.branch + ") and did not finish within " +
                                          std::to_string(m_busy_ms) + " ms; run the command again");
      }
      return lock.error();
    }
    return std::unique_ptr<WriteTransaction>(new PgTransaction(*this));
  }

  // Snapshots written inside a transaction wait for its commit, then go in
  // hash order (see the file comment).
  Status flush_snapshots() {
    std::vector<std::vector<P>> rows;
    for (const auto& [hash, snap] : m_pending) {
      rows.push_back({P::text(hash), P::text(snap.info.media_type), P::integer(snap.info.byte_size),
                      P::text(snap.info.text_hash), P::bytes(snap.compressed), P::text(snap.info.captured_at),
                      P::text(snap.info.captured_from)});
    }
    PC_TRY_STATUS(insert_rows("INSERT INTO snapshots(hash, media_type, byte_size, text_hash, text_zstd, captured_at, "
                              "captured_from) VALUES ", rows, " ON CONFLICT (hash) DO NOTHING"));
    m_pending.clear();
    PC_TRY_STATUS(flush_sources());
    return flush_links();
  }

  // Sources seen in this transaction, one upsert for all of them.
  Status flush_sources() {
    std::vector<std::vector<P>> rows;
    for (const auto& [id, src] : m_sources) {
      const core::SourceMeta& m = src.meta;
      rows.push_back({ws(), br(), P::text(m.id), P::text(m.file), P::text(m.title), P::text(m.publisher),
                      P::text(m.url), P::text(m.published), P::text(m.retrieved), P::text(m.media_type),
                      P::text(src.snapshot)});
    }
    m_sources.clear();
    return insert_rows("INSERT INTO sources(ws, br, id, file, title, publisher, url, published, retrieved, media_type, "
                       "snapshot) VALUES ", rows, " ON CONFLICT (ws, br, id) DO UPDATE SET "
                       "file=excluded.file, title=excluded.title, publisher=excluded.publisher, url=excluded.url, "
                       "published=excluded.published, retrieved=excluded.retrieved, media_type=excluded.media_type, "
                       "snapshot=excluded.snapshot");
  }

  void drop_pending() {
    m_pending.clear();
    m_sources.clear();
    m_links.clear();
  }

  Result<std::unordered_map<std::string, FileRecord>> file_records() override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry("SELECT records FROM stat_cache WHERE ws = $1 AND clone = $2",
                                                    {ws(), P::text(m_scope.clone)}, true));
    if (!r.rows()) return std::unordered_map<std::string, FileRecord>();
    auto records = unpack_file_records(r.bytes(0, 0));
    if (!records) return Error(ErrorKind::corruption, m_db.label() + ": the stat cache is damaged; run `provcheck reindex`");
    return std::move(*records);
  }

  Status put_file_records(const std::vector<FileRecord>& all) override {
    return run("INSERT INTO stat_cache(ws, clone, records) VALUES($1,$2,$3) "
               "ON CONFLICT (ws, clone) DO UPDATE SET records = excluded.records",
               {ws(), P::text(m_scope.clone), P::bytes(pack_file_records(all))});
  }

  Status put_snapshot(const SnapshotInfo& s, std::string_view text_layer) override {
    return put_snapshot_compressed(s, compress_snapshot_text(text_layer));
  }

  Status put_snapshot_compressed(const SnapshotInfo& s, std::string_view packed) override {
    m_pending.emplace(s.hash, Dump::Snapshot{s, std::string(packed)});
    if (!m_db.in_transaction()) return flush_snapshots();
    return Status();
  }

  Result<std::vector<std::string>> snapshot_hashes() override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry("SELECT hash FROM snapshots"));
    std::vector<std::string> out;
    out.reserve(static_cast<std::size_t>(r.rows()) + m_pending.size());
    for (int i = 0; i < r.rows(); ++i) out.push_back(r.text(i, 0));
    for (const auto& [h, s] : m_pending) out.push_back(h);
    return out;
  }

  Result<std::optional<std::string>> snapshot_text(const std::string& hash) override {
    std::string_view packed;
    PgResult r;
    if (auto it = m_pending.find(hash); it != m_pending.end()) {
      packed = it->second.compressed;
    } else {
      PC_ASSIGN_OR_RETURN(r, m_db.exec_retry("SELECT text_zstd FROM snapshots WHERE hash = $1", {P::text(hash)}, true));
      if (!r.rows()) return std::optional<std::string>();
      packed = r.bytes(0, 0);
    }
    auto text = util::zstd_decompress(packed);
    if (!text.ok()) return text.error().with_context(m_db.label() + ": snapshot " + hash);
    return std::optional<std::string>(std::move(text).value());
  }

  Status put_source(const core::SourceMeta& m, const std::string& snapshot_hash, const std::string& seen_at) override {
    // Written with the snapshot it refers to, in one statement for all sources of the transaction.
    m_sources[m.id] = Dump::Source{m, snapshot_hash};
    m_links.push_back({m.id, snapshot_hash, seen_at});
    if (!m_db.in_transaction()) return flush_snapshots();
    return Status();
  }

  Status flush_links() {
    std::stable_sort(m_links.begin(), m_links.end(), [](const Dump::Link& a, const Dump::Link& b) {
      return std::tie(a.source_id, a.snapshot) < std::tie(b.source_id, b.snapshot);
    });
    std::vector<std::vector<P>> rows;
    for (std::size_t i = 0; i < m_links.size(); ++i) {
      const auto& l = m_links[i];
      if (i > 0 && m_links[i - 1].source_id == l.source_id && m_links[i - 1].snapshot == l.snapshot) continue;
      rows.push_back({ws(), P::text(l.source_id), P::text(l.snapshot), P::text(l.first_seen)});
    }
    m_links.clear();
    return insert_rows("INSERT INTO source_snapshots(ws, source_id, snapshot, first_seen) VALUES ", rows,
                       " ON CONFLICT DO NOTHING");
  }

  Result<std::vector<SnapshotInfo>> source_snapshots(const std::string& source_id) override {
    PC_TRY_STATUS(flush_if_pending_links());
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry(
        "SELECT s.hash, s.media_type, s.byte_size, s.text_hash, ss.first_seen, s.captured_from "
        "FROM source_snapshots ss JOIN snapshots s ON s.hash = ss.snapshot WHERE ss.ws = $1 AND ss.source_id = $2 "
        "ORDER BY ss.first_seen COLLATE \"C\", s.hash COLLATE \"C\"", {ws(), P::text(source_id)}));
    std::vector<SnapshotInfo> out;
    for (int i = 0; i < r.rows(); ++i) {
      out.push_back({r.text(i, 0), r.text(i, 1), r.integer(i, 2), r.text(i, 3), r.text(i, 4), r.text(i, 5)});
    }
    return out;
  }

  Result<std::optional<std::string>> meta(const std::string& key) override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry("SELECT value FROM meta WHERE ws = $1 AND br = $2 AND key = $3",
                                                    {ws(), br(), P::text(key)}));
    if (!r.rows()) return std::optional<std::string>();
    return std::optional<std::string>(r.text(0, 0));
  }

  Status set_meta(const std::string& key, const std::string& value) override {
    return run("INSERT INTO meta(ws, br, key, value) VALUES($1,$2,$3,$4) "
               "ON CONFLICT (ws, br, key) DO UPDATE SET value = excluded.value",
               {ws(), br(), P::text(key), P::text(value)});
  }

  Status replace_claims(const std::vector<core::Claim>& claims) override {
    PC_TRY_STATUS(run("DELETE FROM citations WHERE ws = $1 AND br = $2", {ws(), br()}));
    PC_TRY_STATUS(run("DELETE FROM claims WHERE ws = $1 AND br = $2", {ws(), br()}));
    return insert_claims(claims);
  }

  Status put_claims(const std::vector<core::Claim>& claims) override {
    std::string ids = "{";
    for (const core::Claim& c : claims) ids += (ids.size() > 1 ? "," : "") + array_item(c.id);
    ids += "}";
    PC_TRY_STATUS(run("DELETE FROM citations WHERE ws = $1 AND br = $2 AND claim_id = ANY($3::text[])",
                      {ws(), br(), P::text(ids)}));
    PC_TRY_STATUS(run("DELETE FROM claims WHERE ws = $1 AND br = $2 AND id = ANY($3::text[])", {ws(), br(), P::text(ids)}));
    return insert_claims(claims);
  }

  Status insert_claims(const std::vector<core::Claim>& claims) {
    std::vector<std::vector<P>> rows, cits;
    for (const core::Claim& c : claims) {
      std::string tags;
      for (const std::string& t : c.tags) tags += (tags.empty() ? "" : "\n") + t;
      const core::Assertion& a = c.assertion;
      rows.push_back({ws(), br(), P::text(c.id), P::text(c.file), P::integer(c.line), P::text(c.text),
                      P::opt(a.subject), P::opt(a.metric), P::opt(a.value), P::opt(a.unit), P::opt(a.approx),
                      P::opt(a.as_of), P::text(tags)});
      for (std::size_t k = 0; k < c.citations.size(); ++k) {
        const core::Citation& ct = c.citations[k];
        cits.push_back({ws(), br(), P::text(c.id), P::integer(static_cast<std::int64_t>(k)), P::text(ct.source),
                        P::integer(static_cast<std::int64_t>(ct.start)), P::integer(static_cast<std::int64_t>(ct.end)),
                        P::text(ct.quote_hash), P::text(ct.normalized_hash), P::text(ct.snapshot)});
      }
    }
    PC_TRY_STATUS(insert_rows("INSERT INTO claims(ws, br, id, file, line, text, subject, metric, value, unit, approx, "
                              "as_of, tags) VALUES ", rows, ""));
    return insert_rows("INSERT INTO citations(ws, br, claim_id, idx, source_id, start, \"end\", quote_hash, "
                       "normalized_hash, snapshot) VALUES ", cits, "");
  }

  Result<std::optional<RunRecord>> last_run() override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry(
        "SELECT id, started_at, fingerprint, summary, exit_code FROM runs WHERE ws = $1 AND br = $2 "
        "ORDER BY id DESC LIMIT 1", {ws(), br()}));
    if (!r.rows()) return std::optional<RunRecord>();
    return std::optional<RunRecord>(RunRecord{r.integer(0, 0), r.text(0, 1), r.text(0, 2),
                                              decode_summary(r.text(0, 3)), static_cast<int>(r.integer(0, 4))});
  }

  Result<std::int64_t> add_run(const RunRecord& run_record) override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec(
        "INSERT INTO runs(ws, br, started_at, fingerprint, summary, exit_code) VALUES($1,$2,$3,$4,$5,$6) RETURNING id",
        {ws(), br(), P::text(run_record.started_at), P::text(run_record.fingerprint),
         P::text(encode_summary(run_record.summary)), P::integer(run_record.exit_code)}));
    return r.integer(0, 0);
  }

  Result<std::unordered_map<std::string, StoredResult>> results(bool not_ok_only) override {
    std::string where = not_ok_only ? " AND r.severity <> 'ok'" : "";
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry(
        "SELECT r.key, r.claim_id, r.idx, r.source_id, r.claim_file, r.claim_line, r.status, r.severity, "
        "r.pinned_start, r.pinned_end, r.found_start, r.found_end, r.similarity, r.message, r.old_passage, "
        "r.new_passage, r.cache_key, r.first_run, COALESCE(runs.started_at, ''), r.diff, r.page "
        "FROM results r LEFT JOIN runs ON runs.id = r.first_run WHERE r.ws = $1 AND r.br = $2" + where,
        {ws(), br()}));
    std::unordered_map<std::string, StoredResult> out;
    out.reserve(static_cast<std::size_t>(r.rows()));
    for (int i = 0; i < r.rows(); ++i) {
      StoredResult s;
      core::CitationFinding& f = s.finding;
      f.claim = r.text(i, 1);
      f.index = static_cast<int>(r.integer(i, 2));
      f.source = r.text(i, 3);
      f.claim_file = r.text(i, 4);
      f.claim_line = static_cast<int>(r.integer(i, 5));
      f.status = core::parse_status(r.text(i, 6)).value_or(core::CitationStatus::missing);
      f.severity = core::parse_severity(r.text(i, 7)).value_or(core::Severity::error);
      f.pinned_start = static_cast<std::uint64_t>(r.integer(i, 8));
      f.pinned_end = static_cast<std::uint64_t>(r.integer(i, 9));
      if (!r.is_null(i, 10)) f.found_start = static_cast<std::uint64_t>(r.integer(i, 10));
      if (!r.is_null(i, 11)) f.found_end = static_cast<std::uint64_t>(r.integer(i, 11));
      f.similarity = r.real(i, 12);
      f.message = r.text(i, 13);
      f.old_passage = r.text(i, 14);
      f.new_passage = r.text(i, 15);
      s.cache_key = r.text(i, 16);
      s.first_run = r.integer(i, 17);
      f.since = r.text(i, 18);
      f.diff = r.text(i, 19);
      if (!r.is_null(i, 20)) f.page = static_cast<int>(r.integer(i, 20));
      out.emplace(r.text(i, 0), std::move(s));
    }
    return out;
  }

  Status put_result(std::int64_t run_id, const core::CitationFinding& f, const std::string& cache_key) override {
    std::string key = result_key(f.claim, f.index);
    std::string status = core::status_name(f.status);
    PC_TRY_STATUS(run("INSERT INTO history(ws, br, key, run, status, message) SELECT $1, $2, $3, $4, $5, $6 "
                      "WHERE NOT EXISTS (SELECT 1 FROM results WHERE ws = $1 AND br = $2 AND key = $3 AND status = $5) "
                      "ON CONFLICT (ws, br, key, run) DO UPDATE SET status = excluded.status, message = excluded.message",
                      {ws(), br(), P::text(key), P::integer(run_id), P::text(status), P::text(f.message)}));
    auto opt_int = [](const std::optional<std::uint64_t>& v) {
      return v ? P::integer(static_cast<std::int64_t>(*v)) : P::null();
    };
    return run(
        "INSERT INTO results AS r(ws, br, key, claim_id, idx, source_id, claim_file, claim_line, status, severity, "
        "pinned_start, pinned_end, found_start, found_end, similarity, message, old_passage, new_passage, cache_key, "
        "first_run, last_run, diff, page) VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,"
        "$20,$20,$21,$22) ON CONFLICT (ws, br, key) DO UPDATE SET "
        "first_run = CASE WHEN r.status = excluded.status THEN r.first_run ELSE excluded.first_run END, "
        "claim_id=excluded.claim_id, idx=excluded.idx, source_id=excluded.source_id, claim_file=excluded.claim_file, "
        "claim_line=excluded.claim_line, status=excluded.status, severity=excluded.severity, "
        "pinned_start=excluded.pinned_start, pinned_end=excluded.pinned_end, found_start=excluded.found_start, "
        "found_end=excluded.found_end, similarity=excluded.similarity, message=excluded.message, "
        "old_passage=excluded.old_passage, new_passage=excluded.new_passage, cache_key=excluded.cache_key, "
        "last_run=excluded.last_run, diff=excluded.diff, page=excluded.page",
        {ws(), br(), P::text(key), P::text(f.claim), P::integer(f.index), P::text(f.source), P::text(f.claim_file),
         P::integer(f.claim_line), P::text(status), P::text(core::severity_name(f.severity)),
         P::integer(static_cast<std::int64_t>(f.pinned_start)), P::integer(static_cast<std::int64_t>(f.pinned_end)),
         opt_int(f.found_start), opt_int(f.found_end), P::real(f.similarity), P::text(f.message),
         P::text(f.old_passage), P::text(f.new_passage), P::text(cache_key), P::integer(run_id), P::text(f.diff),
         f.page > 0 ? P::integer(f.page) : P::null()});
  }

  Status delete_results(const std::vector<std::string>& keys) override {
    if (keys.empty()) return Status();
    std::string arr = "{";
    for (const std::string& k : keys) arr += (arr.size() > 1 ? "," : "") + array_item(k);
    arr += "}";
    return run("DELETE FROM results WHERE ws = $1 AND br = $2 AND key = ANY($3::text[])", {ws(), br(), P::text(arr)});
  }

  Result<std::vector<IntactEntry>> intact_set() override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry("SELECT entries FROM intact WHERE ws = $1 AND br = $2",
                                                    {ws(), br()}, true));
    if (!r.rows()) return std::vector<IntactEntry>();
    auto entries = unpack_intact_set(r.bytes(0, 0));
    if (!entries) return Error(ErrorKind::corruption, m_db.label() + ": the intact set has a bad size");
    return std::move(*entries);
  }

  Status put_intact_set(const std::vector<IntactEntry>& entries) override {
    return run("INSERT INTO intact(ws, br, entries) VALUES($1,$2,$3) "
               "ON CONFLICT (ws, br) DO UPDATE SET entries = excluded.entries",
               {ws(), br(), P::bytes(pack_intact_set(entries))});
  }

  Status add_history(std::int64_t run_id, const std::string& key, const std::string& status,
                     const std::string& message) override {
    return run("INSERT INTO history(ws, br, key, run, status, message) VALUES($1,$2,$3,$4,$5,$6) "
               "ON CONFLICT (ws, br, key, run) DO UPDATE SET status = excluded.status, message = excluded.message",
               {ws(), br(), P::text(key), P::integer(run_id), P::text(status), P::text(message)});
  }

  Result<std::vector<HistoryEntry>> history(const std::string& claim_id, int index) override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry(
        "SELECT h.run, COALESCE(runs.started_at, ''), h.status, h.message FROM history h "
        "LEFT JOIN runs ON runs.id = h.run WHERE h.ws = $1 AND h.br = $2 AND h.key = $3 ORDER BY h.run",
        {ws(), br(), P::text(result_key(claim_id, index))}));
    std::vector<HistoryEntry> out;
    for (int i = 0; i < r.rows(); ++i) out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3)});
    return out;
  }

  Status put_pin(const PinRecord& p) override {
    const core::Citation& c = p.old_pin;
    return run("INSERT INTO pins(ws, claim_id, idx, accepted_at, status, source_id, quote, prefix, suffix, start, "
               "\"end\", quote_hash, normalized_hash, snapshot, new_start, new_end, new_snapshot) "
               "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)",
               {ws(), P::text(p.claim), P::integer(p.index), P::text(p.accepted_at), P::text(p.status),
                P::text(c.source), P::text(c.quote), P::text(c.prefix), P::text(c.suffix),
                P::integer(static_cast<std::int64_t>(c.start)), P::integer(static_cast<std::int64_t>(c.end)),
                P::text(c.quote_hash), P::text(c.normalized_hash), P::text(c.snapshot),
                P::integer(static_cast<std::int64_t>(p.new_start)), P::integer(static_cast<std::int64_t>(p.new_end)),
                P::text(p.new_snapshot)});
  }

  // The audit (store/audit.h), per workspace like the pins.
  Status put_audit(const AuditEntry& e) override {
    return run("INSERT INTO audit(ws, at, command, who, kind, object, before, after, detail) "
               "VALUES($1,$2,$3,$4,$5,$6,$7,$8,$9)",
               {ws(), P::text(e.at), P::text(e.command), P::text(e.who), P::text(e.kind), P::text(e.object),
                P::text(e.before), P::text(e.after), P::text(e.detail)});
  }

  Result<std::vector<AuditEntry>> audit(const std::string& kind, const std::string& object) override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry(
        "SELECT id, at, command, who, before, after, detail FROM audit WHERE ws = $1 AND kind = $2 AND object = $3 "
        "ORDER BY id", {ws(), P::text(kind), P::text(object)}));
    std::vector<AuditEntry> out;
    for (int i = 0; i < r.rows(); ++i) {
      out.push_back({r.integer(i, 0), r.text(i, 1), r.text(i, 2), r.text(i, 3), kind, object, r.text(i, 4),
                     r.text(i, 5), r.text(i, 6)});
    }
    return out;
  }

  // What the store keeps per claim follows a rename: pins and audit of the
  // workspace, results and history of this branch (as SQLite's audit.cpp).
  Status rename_claim(const std::string& from, const std::string& to) override {
    const std::vector<P> a = {ws(), P::text(from), P::text(to)}, b = {ws(), P::text(from), P::text(to), br()};
    PC_TRY_STATUS(run("UPDATE pins SET claim_id = $3 WHERE ws = $1 AND claim_id = $2", a));
    PC_TRY_STATUS(run("UPDATE results SET claim_id = $3::text, key = $3::text || '#' || idx WHERE ws = $1 AND "
                      "br = $4 AND claim_id = $2::text", b));
    PC_TRY_STATUS(run("UPDATE history SET key = $3::text || substr(key, length($2::text) + 1) WHERE ws = $1 AND "
                      "br = $4 AND substr(key, 1, length($2::text) + 1) = $2::text || '#'", b));
    return run("UPDATE audit SET object = $3 WHERE ws = $1 AND kind = 'claim' AND object = $2", a);
  }

  Status rename_source(const std::string& from, const std::string& to) override {
    const std::vector<P> a = {ws(), P::text(from), P::text(to)}, b = {ws(), P::text(from), P::text(to), br()};
    PC_TRY_STATUS(run("DELETE FROM sources WHERE ws = $1 AND br = $4 AND id = $3 AND "
                      "EXISTS (SELECT 1 FROM sources s WHERE s.ws = $1 AND s.br = $4 AND s.id = $2)", b));
    PC_TRY_STATUS(run("UPDATE sources SET id = $3 WHERE ws = $1 AND br = $4 AND id = $2", b));
    PC_TRY_STATUS(run("DELETE FROM source_snapshots t WHERE t.ws = $1 AND t.source_id = $2 AND EXISTS (SELECT 1 FROM "
                      "source_snapshots u WHERE u.ws = $1 AND u.source_id = $3 AND u.snapshot = t.snapshot)", a));
    PC_TRY_STATUS(run("UPDATE source_snapshots SET source_id = $3 WHERE ws = $1 AND source_id = $2", a));
    PC_TRY_STATUS(run("UPDATE citations SET source_id = $3 WHERE ws = $1 AND br = $4 AND source_id = $2", b));
    PC_TRY_STATUS(run("UPDATE results SET source_id = $3 WHERE ws = $1 AND br = $4 AND source_id = $2", b));
    PC_TRY_STATUS(run("UPDATE pins SET source_id = $3 WHERE ws = $1 AND source_id = $2", a));
    return run("UPDATE audit SET object = $3 WHERE ws = $1 AND kind = 'source' AND object = $2", a);
  }

  // The dropped citation's rows go and later ones move down by one. Keys are
  // renumbered through a suffix first, so no row meets a key still in use.
  Status drop_citation(const std::string& claim, int index) override {
    const std::vector<P> a = {ws(), P::text(claim), P::integer(index)};
    const std::vector<P> b = {ws(), P::text(claim), P::integer(index), br()};
    PC_TRY_STATUS(run("DELETE FROM pins WHERE ws = $1 AND claim_id = $2 AND idx = $3::int", a));
    PC_TRY_STATUS(run("UPDATE pins SET idx = idx - 1 WHERE ws = $1 AND claim_id = $2 AND idx > $3::int", a));
    PC_TRY_STATUS(run("DELETE FROM results WHERE ws = $1 AND br = $4 AND claim_id = $2 AND idx = $3::int", b));
    const std::vector<P> c = {ws(), P::text(claim), br()};
    PC_TRY_STATUS(run("UPDATE results SET idx = idx - 1, key = $2::text || '#' || (idx - 1) || '~' "
                      "WHERE ws = $1 AND br = $4 AND claim_id = $2::text AND idx > $3::int", b));
    PC_TRY_STATUS(run("UPDATE results SET key = rtrim(key, '~') WHERE ws = $1 AND br = $3 AND claim_id = $2 AND "
                      "key LIKE '%~'", c));
    PC_TRY_STATUS(run("DELETE FROM history WHERE ws = $1 AND br = $4 AND key = $2::text || '#' || $3::text", b));
    PC_TRY_STATUS(run("UPDATE history SET key = $2::text || '#' || (substr(key, length($2::text) + 2)::int - 1) || '~' "
                      "WHERE ws = $1 AND br = $4 AND substr(key, 1, length($2::text) + 1) = $2::text || '#' AND "
                      "substr(key, length($2::text) + 2) ~ '^[0-9]+$' AND substr(key, length($2::text) + 2)::int > $3::int",
                      b));
    return run("UPDATE history SET key = rtrim(key, '~') WHERE ws = $1 AND br = $3 AND "
               "substr(key, 1, length($2::text) + 1) = $2::text || '#' AND key LIKE '%~'", c);
  }

  Result<std::vector<PinRecord>> pins(const std::string& claim_id) override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry(
        "SELECT idx, accepted_at, status, source_id, quote, prefix, suffix, start, \"end\", quote_hash, "
        "normalized_hash, snapshot, new_start, new_end, new_snapshot FROM pins WHERE ws = $1 AND claim_id = $2 "
        "ORDER BY idx, id", {ws(), P::text(claim_id)}));
    std::vector<PinRecord> out;
    for (int i = 0; i < r.rows(); ++i) {
      PinRecord p;
      p.claim = claim_id;
      p.index = static_cast<int>(r.integer(i, 0));
      p.accepted_at = r.text(i, 1);
      p.status = r.text(i, 2);
      core::Citation& c = p.old_pin;
      c.source = r.text(i, 3);
      c.quote = r.text(i, 4);
      c.prefix = r.text(i, 5);
      c.suffix = r.text(i, 6);
      c.start = static_cast<std::uint64_t>(r.integer(i, 7));
      c.end = static_cast<std::uint64_t>(r.integer(i, 8));
      c.quote_hash = r.text(i, 9);
      c.normalized_hash = r.text(i, 10);
      c.snapshot = r.text(i, 11);
      p.new_start = static_cast<std::uint64_t>(r.integer(i, 12));
      p.new_end = static_cast<std::uint64_t>(r.integer(i, 13));
      p.new_snapshot = r.text(i, 14);
      out.push_back(std::move(p));
    }
    return out;
  }

  Status put_conflict_report(const ConflictReport& report) override {
    return run("INSERT INTO conflict_cache(ws, br, report) VALUES($1,$2,$3) "
               "ON CONFLICT (ws, br) DO UPDATE SET report = excluded.report",
               {ws(), br(), P::bytes(pack_conflict_report(report))});
  }

  Result<std::optional<ConflictReport>> conflict_report() override {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry("SELECT report FROM conflict_cache WHERE ws = $1 AND br = $2",
                                                    {ws(), br()}, true));
    if (!r.rows()) return std::optional<ConflictReport>();
    bool damaged = false;
    auto rep = unpack_conflict_report(r.bytes(0, 0), damaged);
    if (damaged) return Error(ErrorKind::corruption, m_db.label() + ": the conflict cache is damaged; run `provcheck reindex`");
    return rep;
  }

  Result<std::vector<std::string>> indexed_snapshots() override { return pg_indexed_snapshots(m_db, m_scope); }
  Status index_passages(const std::string& snapshot, const std::vector<IndexedPassage>& passages) override {
    PC_TRY_STATUS(flush_if_pending_links());
    return pg_index_passages(m_db, m_scope, snapshot, passages);
  }
  Status unindex_snapshot(const std::string& snapshot) override {
    return pg_unindex_snapshot(m_db, m_scope, snapshot);
  }
  Result<std::vector<SearchHit>> search_passages(const std::string& query, int limit) override {
    PC_TRY_STATUS(flush_if_pending_links());
    return pg_search(m_db, m_scope, query, limit);
  }

  Result<std::vector<BrokenCitation>> broken_since(const std::string& since) override {
    return pg_broken_since(m_db, m_scope, since);
  }
  Result<std::vector<ChangedSource>> changed_sources(const std::string& since) override {
    PC_TRY_STATUS(flush_if_pending_links());
    return pg_changed_sources(m_db, m_scope, since);
  }
  Result<std::vector<SubjectClaim>> claims_by_subject(const std::vector<std::string>& folded) override {
    return pg_claims_by_subject(m_db, m_scope, folded);
  }
  Result<Dump> dump() override {
    PC_TRY_STATUS(flush_if_pending_links());
    return pg_dump(m_db, m_scope, *this);
  }
  Status load(const Dump& d) override { return pg_load(m_db, m_scope, *this, d); }
  std::string describe() const override { return "postgresql " + m_db.label(); }

  // Statement helpers.
  Status run(const std::string& sql, const std::vector<P>& params) {
    PC_ASSIGN_OR_RETURN(PgResult r, m_db.exec_retry(sql, params));
    (void)r;
    return Status();
  }

  // Many rows in few statements (at most ~32k parameters each).
  Status insert_rows(const std::string& prefix, const std::vector<std::vector<P>>& rows, const std::string& suffix) {
    if (rows.empty()) return Status();
    const std::size_t cols = rows.front().size();
    const std::size_t per = std::max<std::size_t>(1, 30000 / cols);
    for (std::size_t at = 0; at < rows.size(); at += per) {
      std::size_t end = std::min(rows.size(), at + per);
      std::string sql = prefix;
      std::vector<P> params;
      params.reserve((end - at) * cols);
      for (std::size_t i = at; i < end; ++i) {
        sql += i == at ? "(" : ",(";
        for (std::size_t c = 0; c < cols; ++c) {
          params.push_back(rows[i][c]);
          sql += (c ? ",$" : "$") + std::to_string(params.size());
        }
        sql += ")";
      }
      PC_TRY_STATUS(run(sql + suffix, params));
    }
    return Status();
  }

 private:
  Status flush_if_pending_links() {
    if (m_pending.empty() && m_sources.empty() && m_links.empty()) return Status();
    return flush_snapshots();
  }

  // An element of a text[] literal, quoted.
  static std::string array_item(const std::string& s) {
    std::string out = "\"";
    for (char ch : s) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    return out + "\"";
  }

  PgConnection m_db;
  SharedScope m_scope;
  int m_busy_ms;
  std::map<std::string, Dump::Snapshot> m_pending;  // by hash: flushed in hash order
  std::map<std::string, Dump::Source> m_sources;  // by id: one row each
  std::vector<Dump::Link> m_links;
};

PgTransaction::~PgTransaction() {
  if (!m_done) {
    m_store->drop_pending();
    (void)m_store->db().exec("ROLLBACK");
  }
}

Status PgTransaction::commit() {
  m_done = true;
  auto st = m_store->flush_snapshots();
  if (!st.ok()) {
    m_store->drop_pending();
    (void)m_store->db().exec("ROLLBACK");
    return st;
  }
  auto r = m_store->db().exec("COMMIT");
  if (!r.ok()) return r.error();
  return Status();
}

// A workspace and branch seen for the first time are registered; a new
// branch starts from a copy of the base branch's memory (its results,
// history and intact set: a pull request's first check knows since when a
// citation has been broken on main), then goes its own way.
Status register_scope(PgConnection& db, const SharedScope& s) {
  PC_ASSIGN_OR_RETURN(PgResult known, db.exec_retry("SELECT 1 FROM branches WHERE ws = $1 AND br = $2",
                                                    {P::text(s.workspace_id), P::text(s.branch)}));
  if (known.rows()) return Status();
  PC_ASSIGN_OR_RETURN(PgResult begin, db.exec("BEGIN"));
  (void)begin;
  auto fail = [&](const Error& e) {
    (void)db.exec("ROLLBACK");
    return Status(e);
  };
  std::vector<P> scope = {P::text(s.workspace_id), P::text(s.branch), P::text(s.base_branch)};
  const char* steps[] = {
      "SELECT pg_advisory_xact_lock(hashtextextended($1 || E'\\n' || $2, 0))",
      "INSERT INTO workspaces(ws, name) VALUES($1, $2) ON CONFLICT DO NOTHING",
  };
  if (auto r = db.exec(steps[0], {scope[0], scope[1]}); !r.ok()) return fail(r.error());
  if (auto r = db.exec(steps[1], {P::text(s.workspace_id), P::text(s.workspace_name)}); !r.ok()) return fail(r.error());
  auto ins = db.exec("INSERT INTO branches(ws, br, forked_from) VALUES($1, $2, $3) ON CONFLICT DO NOTHING RETURNING br",
                     scope);
  if (!ins.ok()) return fail(ins.error());
  if (ins->rows() && s.base_branch != s.branch) {
    const char* copies[] = {
        "INSERT INTO meta(ws, br, key, value) SELECT ws, $2, key, value FROM meta WHERE ws = $1 AND br = $3",
        "INSERT INTO sources SELECT ws, $2, id, file, title, publisher, url, published, retrieved, media_type, snapshot "
        "FROM sources WHERE ws = $1 AND br = $3",
        "INSERT INTO claims SELECT ws, $2, id, file, line, text, subject, metric, value, unit, approx, as_of, tags "
        "FROM claims WHERE ws = $1 AND br = $3",
        "INSERT INTO citations SELECT ws, $2, claim_id, idx, source_id, start, \"end\", quote_hash, normalized_hash, "
        "snapshot FROM citations WHERE ws = $1 AND br = $3",
        "INSERT INTO results SELECT ws, $2, key, claim_id, idx, source_id, claim_file, claim_line, status, severity, "
        "pinned_start, pinned_end, found_start, found_end, similarity, message, old_passage, new_passage, diff, "
        "cache_key, first_run, last_run, page FROM results WHERE ws = $1 AND br = $3",
        "INSERT INTO history SELECT ws, $2, key, run, status, message FROM history WHERE ws = $1 AND br = $3",
        "INSERT INTO intact SELECT ws, $2, entries FROM intact WHERE ws = $1 AND br = $3",
        "INSERT INTO conflict_cache SELECT ws, $2, report FROM conflict_cache WHERE ws = $1 AND br = $3",
    };
    for (const char* sql : copies) {
      if (auto r = db.exec(sql, scope); !r.ok()) return fail(r.error());
    }
  }
  if (auto r = db.exec("COMMIT"); !r.ok()) return r.error();
  return Status();
}

}  // namespace

Result<std::unique_ptr<Store>> open_postgres_store(const std::string& url, const SharedScope& scope,
                                                   const OpenOptions& options) {
  PC_ASSIGN_OR_RETURN(PgConnection db, PgConnection::connect(url));
  PC_TRY_STATUS(migrate_pg(db, options.upgrade_schema));
  PC_TRY_STATUS(register_scope(db, scope));
  return std::unique_ptr<Store>(new PgStore(std::move(db), scope, options.busy_timeout_ms));
}

}  // namespace provcheck::store
