#include "app/check_cmd.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "app/inputs.h"
#include "core/anchor.h"
#include "core/findings.h"
#include "report/check_report.h"
#include "util/file_io.h"
#include "util/hash.h"
#include "util/utf8.h"
#include "workspace/claims_file.h"
#include "workspace/sources.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

// Bump when the verdict logic changes so cached verdicts are recomputed.
constexpr const char* k_engine_version = "anchor-1";

std::string cache_key(const core::Citation& c, const std::string& source_hash) {
  std::string k = std::string(k_engine_version) + "\x1f" + c.quote_hash + "\x1f" + std::to_string(c.start) + "\x1f" +
                  std::to_string(c.end) + "\x1f" + c.prefix + "\x1f" + c.suffix + "\x1f" + c.quote + "\x1f" +
                  source_hash + "\x1f" + std::to_string(core::k_normalization_version);
  return util::xxh3_64_digest(k);
}

core::CitationFinding finding_from(const core::Claim& claim, int index, const core::Verdict& v) {
  const core::Citation& c = claim.citations[static_cast<std::size_t>(index)];
  core::CitationFinding f;
  f.claim = claim.id;
  f.index = index;
  f.source = c.source;
  f.claim_file = claim.file;
  f.claim_line = claim.line;
  f.status = v.status;
  f.severity = core::default_severity(v.status);
  f.pinned_start = c.start;
  f.pinned_end = c.end;
  f.found_start = v.found_start;
  f.found_end = v.found_end;
  f.similarity = v.similarity;
  f.message = v.message;
  if (v.status != core::CitationStatus::intact) f.old_passage = c.quote;
  f.new_passage = v.new_passage;
  return f;
}

util::Result<CommandOutput> render(const Session& s, core::CheckReport& report, const CheckOptions& o,
                                   std::vector<std::string> notes) {
  std::sort(report.citations.begin(), report.citations.end(), [](const auto& a, const auto& b) {
    return a.claim != b.claim ? a.claim < b.claim : a.index < b.index;
  });
  CommandOutput out;
  out.notes = std::move(notes);
  std::string text;
  if (o.format == "json") text = report::render_check_json(report);
  else if (o.format == "md") text = report::render_check_markdown(report);
  else text = report::render_check_text(report, o.color && !o.output);
  if (o.output) {
    fs::path p(*o.output);
    if (p.has_parent_path()) PC_TRY_STATUS(util::create_directories(p.parent_path()));
    PC_TRY_STATUS(util::write_file_atomic(p, text));
    out.notes.push_back("wrote " + *o.output);
    if (o.format != "text") out.out = report::render_check_text(report, o.color);
    else out.out.clear();
  } else {
    out.out = std::move(text);
  }
  out.provenance_broken = core::fails(report, o.fail_on);
  (void)s;
  return out;
}

// Phase times as notes when PROVCHECK_TIMINGS is set: for profiling runs.
class PhaseTimer {
 public:
  PhaseTimer() : m_on(std::getenv("PROVCHECK_TIMINGS") != nullptr), m_last(std::chrono::steady_clock::now()) {}
  void mark(const char* phase) {
    if (!m_on) return;
    auto now = std::chrono::steady_clock::now();
    m_notes.push_back(std::string("timing: ") + phase + " " +
                      std::to_string(std::chrono::duration<double, std::milli>(now - m_last).count()) + " ms");
    m_last = now;
  }
  std::vector<std::string> notes() const { return m_notes; }

 private:
  bool m_on;
  std::chrono::steady_clock::time_point m_last;
  std::vector<std::string> m_notes;
};

struct LoadedSource {
  const workspace::SourceEntry* entry = nullptr;
  bool present = false;
  std::string problem;  // why it is unusable, when !present
  std::string hash;
  std::optional<std::string> text;  // loaded on demand
  util::FileStat stat;
  bool changed = false;  // stat or hash differs from the store's record
};

// The full pipeline: every input read or taken from the stat cache.
util::Result<CommandOutput> full_check(Session& s, const CheckOptions& o, const InputScan& scan,
                                       const std::string& fingerprint, bool reindex_all) {
  std::int64_t recorded = now_ns();
  std::string started = now_iso();
  PC_ASSIGN_OR_RETURN(auto records, s.store->file_records());
  if (reindex_all) records.clear();
  PhaseTimer timer;
  PC_ASSIGN_OR_RETURN(auto sources, workspace::list_sources(s.ws));
  timer.mark("read sidecars");
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(s.ws));
  timer.mark("read claims");
  PC_ASSIGN_OR_RETURN(auto previous, s.store->results());

  std::vector<store::FileRecord> new_records;
  auto record_of = [&](const std::string& rel, const util::FileStat& st, const std::string& hash) {
    return store::FileRecord{rel, static_cast<std::int64_t>(st.size), st.mtime_ns, static_cast<std::int64_t>(st.inode),
                             hash, recorded};
  };
  auto unchanged = [&](const std::string& rel, const util::FileStat& st) -> const store::FileRecord* {
    auto it = records.find(rel);
    if (it == records.end()) return nullptr;
    const store::FileRecord& r = it->second;
    bool same = r.size == static_cast<std::int64_t>(st.size) && r.mtime_ns == st.mtime_ns &&
                r.inode == static_cast<std::int64_t>(st.inode) && st.mtime_ns < r.recorded_ns - k_racy_window_ns;
    return same ? &r : nullptr;
  };

  std::map<std::string, LoadedSource> by_id;
  for (const auto& e : sources) {
    LoadedSource ls;
    ls.entry = &e;
    auto st = util::stat_file(s.ws.absolute(e.content));
    if (!st.ok()) {
      ls.problem = st.error().kind() == ErrorKind::not_found
                       ? e.content + " is gone (its sidecar " + e.sidecar + " is still there)"
                       : e.content + " is unreadable: " + st.error().message();
    } else if (!st->is_regular) {
      ls.problem = e.content + " is not a regular file";
    } else {
      ls.stat = *st;
      if (const store::FileRecord* r = unchanged(e.content, *st)) {
        ls.hash = r->content_hash;
        ls.present = true;
      } else {
        auto bytes = util::read_file(s.ws.absolute(e.content));
        if (!bytes.ok()) {
          ls.problem = e.content + " is unreadable: " + bytes.error().message();
        } else if (util::looks_binary(*bytes)) {
          ls.problem = e.content + " is now a binary file, not text";
        } else {
          ls.hash = util::xxh3_128_digest(*bytes);
          auto text = workspace::text_layer(e.meta.media_type, std::move(bytes).value(), e.content);
          if (!text.ok()) ls.problem = text.error().message();
          else {
            ls.text = std::move(text).value();
            ls.present = true;
            ls.changed = true;
          }
        }
      }
    }
    by_id.emplace(e.meta.id, std::move(ls));
  }

  core::CheckReport report;
  std::size_t claim_count = 0;
  std::vector<std::pair<core::CitationFinding, std::string>> to_store;
  std::vector<std::string> keys;
  for (const auto& f : files) {
    for (const core::Claim& claim : f.claims) {
      ++claim_count;
      for (std::size_t i = 0; i < claim.citations.size(); ++i) {
        const core::Citation& c = claim.citations[i];
        int idx = static_cast<int>(i);
        std::string key = store::result_key(claim.id, idx);
        keys.push_back(key);
        auto src = by_id.find(c.source);
        core::Verdict v;
        std::string ck;
        if (src == by_id.end()) {
          v = core::source_missing_verdict("no source '" + c.source + "' in sources/ (no sources/" + c.source +
                                           workspace::k_sidecar_suffix + ")");
          ck = "missing-sidecar";
        } else if (!src->second.present) {
          v = core::source_missing_verdict(src->second.problem);
          ck = "unusable:" + src->second.problem;
        } else {
          LoadedSource& ls = src->second;
          ck = cache_key(c, ls.hash);
          auto prev = previous.find(key);
          if (prev != previous.end() && prev->second.cache_key == ck) {
            core::CitationFinding pf = prev->second.finding;
            bool moved_in_file = pf.claim_file != claim.file || pf.claim_line != claim.line;
            pf.claim_file = claim.file;
            pf.claim_line = claim.line;
            if (moved_in_file) to_store.emplace_back(pf, ck);
            report.citations.push_back(std::move(pf));
            continue;
          }
          if (!ls.text) {
            auto bytes = util::read_file(s.ws.absolute(ls.entry->content));
            if (!bytes.ok()) return bytes.error();
            PC_ASSIGN_OR_RETURN(std::string t, workspace::text_layer(ls.entry->meta.media_type, std::move(bytes).value(),
                                                                     ls.entry->content));
            ls.text = std::move(t);
          }
          core::SourceView view(*ls.text);
          v = core::judge_citation(view, c);
        }
        core::CitationFinding fnd = finding_from(claim, idx, v);
        auto prev = previous.find(key);
        if (prev != previous.end() && prev->second.finding.status == fnd.status) fnd.since = prev->second.finding.since;
        else fnd.since = started;
        to_store.emplace_back(fnd, ck);
        report.citations.push_back(std::move(fnd));
      }
    }
  }
  core::summarize(report, claim_count, sources.size());
  timer.mark("judge");
  // Record everything in one transaction.
  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  std::vector<std::string> keep_files;
  for (auto& [id, ls] : by_id) {
    if (!ls.present) continue;
    keep_files.push_back(ls.entry->content);
    if (!ls.changed) continue;
    PC_ASSIGN_OR_RETURN(bool known, s.store->has_snapshot(ls.hash));
    if (!known) {
      store::SnapshotInfo snap{ls.hash, ls.entry->meta.media_type, static_cast<std::int64_t>(ls.stat.size),
                               util::xxh3_128_digest(*ls.text), started, ls.entry->content};
      PC_TRY_STATUS(s.store->put_snapshot(snap, *ls.text));
    }
    PC_TRY_STATUS(s.store->put_source(ls.entry->meta, ls.hash, started));
    PC_TRY_STATUS(s.store->put_file_record(record_of(ls.entry->content, ls.stat, ls.hash)));
  }
  bool claims_changed = reindex_all;
  std::set<std::string> source_files(keep_files.begin(), keep_files.end());
  for (const InputFile& in : scan.files) {
    if (source_files.count(in.rel)) continue;
    keep_files.push_back(in.rel);
    if (unchanged(in.rel, in.stat)) continue;
    if (in.kind == InputFile::Kind::claims) claims_changed = true;
    PC_TRY_STATUS(s.store->put_file_record(record_of(in.rel, in.stat, "stat-only")));
  }
  PC_TRY_STATUS(s.store->delete_file_records_except(keep_files));
  if (claims_changed) {
    std::vector<core::Claim> all;
    for (auto& f : files) {
      for (auto& c : f.claims) all.push_back(std::move(c));
    }
    PC_TRY_STATUS(s.store->replace_claims(all));
  }
  timer.mark("store sources and claims");
  store::RunRecord run{0, started, fingerprint, report.summary, 0};
  PC_ASSIGN_OR_RETURN(std::int64_t run_id, s.store->add_run(run));
  for (const auto& [f, ck] : to_store) PC_TRY_STATUS(s.store->put_result(run_id, f, ck));
  timer.mark("store results");
  if (previous.size() != keys.size() || reindex_all) PC_TRY_STATUS(s.store->delete_results_except(keys));
  PC_TRY_STATUS(tx->commit());
  timer.mark("commit");
  return render(s, report, o, timer.notes());
}

// Nothing changed since the last run: the stored summary and results are
// the answer. Only the findings the output shows are loaded.
util::Result<CommandOutput> cached_check(Session& s, const CheckOptions& o, const store::RunRecord& last) {
  PC_ASSIGN_OR_RETURN(auto previous, s.store->results(o.format == "text" || o.format == "md"));
  core::CheckReport report;
  report.citations.reserve(previous.size());
  for (auto& [key, r] : previous) report.citations.push_back(std::move(r.finding));
  report.summary = last.summary;
  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  store::RunRecord run{0, now_iso(), last.fingerprint, last.summary, 0};
  PC_ASSIGN_OR_RETURN(std::int64_t id, s.store->add_run(run));
  (void)id;
  PC_TRY_STATUS(tx->commit());
  return render(s, report, o, {});
}

}  // namespace

util::Result<CommandOutput> check(const GlobalOptions& g, const CheckOptions& o) {
  if (o.format != "text" && o.format != "json" && o.format != "md") {
    return Error(ErrorKind::invalid_input, "--format '" + o.format + "': choose text, json or md");
  }
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  PC_ASSIGN_OR_RETURN(InputScan scan, scan_inputs(s.ws));
  std::string fp = fingerprint(scan, k_engine_version);
  PC_ASSIGN_OR_RETURN(auto last, s.store->last_run());
  if (last && last->fingerprint == fp) {
    PC_ASSIGN_OR_RETURN(auto records, s.store->file_records());
    if (all_settled(scan, records)) return cached_check(s, o, *last);
  }
  return full_check(s, o, scan, fp, false);
}

util::Result<CommandOutput> reindex(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  PC_ASSIGN_OR_RETURN(InputScan scan, scan_inputs(s.ws));
  std::string fp = fingerprint(scan, k_engine_version);
  CheckOptions o;
  PC_ASSIGN_OR_RETURN(CommandOutput out, full_check(s, o, scan, fp, true));
  CommandOutput r;
  r.out = "rebuilt the index from sources/ and claims/\n" + out.out;
  r.provenance_broken = false;
  return r;
}

}  // namespace provcheck::app
