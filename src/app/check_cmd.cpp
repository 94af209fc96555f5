#include "app/check_cmd.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "app/inputs.h"
#include "app/check_conflicts.h"
#include "app/check_pipeline.h"
#include "app/git_changes.h"
#include "app/report_inputs.h"
#include "app/search_cmd.h"
#include "core/anchor.h"
#include "core/findings.h"
#include "report/check_report.h"
#include "report/report_data.h"
#include "report/report.h"
#include "util/file_io.h"
#include "util/hash.h"
#include "workspace/claims_file.h"
#include "workspace/settings_file.h"
#include "workspace/sources.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

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
  void note(const char* what, double ms) {
    if (m_on) m_notes.push_back(std::string("timing: ") + what + " " + std::to_string(ms) + " ms");
  }
  std::vector<std::string> notes() const { return m_notes; }

 private:
  bool m_on;
  std::chrono::steady_clock::time_point m_last;
  std::vector<std::string> m_notes;
};

core::CitationFinding finding_from(const core::Claim& claim, int index, const core::Verdict& v,
                                   const core::Settings& settings) {
  const core::Citation& c = claim.citations[static_cast<std::size_t>(index)];
  core::CitationFinding f;
  f.claim = claim.id;
  f.index = index;
  f.source = c.source;
  f.claim_file = claim.file;
  f.claim_line = claim.line;
  f.status = v.status;
  f.severity = settings.severity_for(v.status);
  f.pinned_start = c.start;
  f.pinned_end = c.end;
  f.found_start = v.found_start;
  f.found_end = v.found_end;
  f.similarity = v.similarity;
  f.message = v.message;
  if (v.status != core::CitationStatus::intact) f.old_passage = c.quote;
  f.new_passage = v.new_passage;
  f.diff = v.diff;
  f.page = c.page;
  return f;
}

bool is_ci_format(const std::string& f) { return f == "junit" || f == "sarif" || f == "github"; }

util::Result<CommandOutput> render(core::CheckReport& report, const CheckOptions& o, std::vector<std::string> notes,
                                   const report::CiContext* ci = nullptr) {
  // Text lists only what is not ok, and moved citations with their new
  // place; the summary already counts the rest.
  if (o.format == "text") {
    std::erase_if(report.citations, [](const core::CitationFinding& f) {
      return f.severity == core::Severity::ok && f.status != core::CitationStatus::moved;
    });
  }
  std::sort(report.citations.begin(), report.citations.end(), [](const auto& a, const auto& b) {
    int c = a.claim.compare(b.claim);
    return c != 0 ? c < 0 : a.index < b.index;
  });
  CommandOutput out;
  out.notes = std::move(notes);
  std::string text;
  if (o.format == "json") text = report::render_check_json(report);
  else if (o.format == "md") text = report::render_check_markdown(report);
  else if (ci && o.format == "junit") text = report::render_junit(report, *ci);
  else if (ci && o.format == "sarif") text = report::render_sarif(report, *ci);
  else if (ci && o.format == "github") text = report::render_github(report, *ci);
  else text = report::render_check_text(report, o.color && !o.output);
  if (o.output) {
    fs::path p(*o.output);
    if (p.has_parent_path()) PC_TRY_STATUS(util::create_directories(p.parent_path()));
    PC_TRY_STATUS(util::write_file_atomic(p, text));
    out.notes.push_back("wrote " + *o.output);
    // The report is in the file; the terminal gets one line to act on.
    out.out = report::render_check_summary_line(report);
  } else {
    out.out = std::move(text);
  }
  out.provenance_broken = core::fails(report, o.fail_on);
  return out;
}

// What the judging produced, and what the store must learn from it.
struct Judged {
  core::CheckReport report;
  std::vector<std::pair<core::CitationFinding, std::string>> rows;  // not-intact findings to upsert
  std::vector<std::string> delete_rows;                              // rows of citations now intact or gone
  std::vector<std::string> back_to_intact;                           // history entries to add
  std::vector<store::IntactEntry> intact;
};

// Turns the per-citation decisions into findings, in claims-file order.
// With keep_intact false (text output, which lists only what needs
// attention), intact citations are counted but get no finding.
Judged collect(const CheckInputs& in, const Previous& prev, const std::string& started, bool keep_intact,
               const core::Settings& settings) {
  Judged j;
  // An intact citation made more than ok by provcheck.json must be listed.
  keep_intact = keep_intact || settings.severity_for(core::CitationStatus::intact) > core::Severity::ok;
  std::size_t omitted_intact = 0;
  if (keep_intact) j.report.citations.reserve(in.refs.size());
  std::unordered_set<std::string_view> live;
  for (std::size_t r = 0; r < in.refs.size(); ++r) {
    const CitationRef& ref = in.refs[r];
    const core::Claim& claim = *ref.claim;
    const core::Citation& c = claim.citations[ref.index];
    Decision d = in.decisions[r];
    int idx = static_cast<int>(ref.index);
    if (!prev.rows.empty()) live.insert(ref.key);
    auto row = prev.rows.find(ref.key);
    if (d.kind == Decision::Kind::source_missing) {
      auto src = in.by_id.find(c.source);
      d.verdict = core::source_missing_verdict(
          src == in.by_id.end() ? "no source '" + c.source + "' in sources/ (no sources/" + c.source +
                                      workspace::k_sidecar_suffix + ")"
                                : src->second.problem);
    }
    std::string ck = d.kind == Decision::Kind::source_missing ? std::string() : util::hex64(d.cache_key);
    if (d.kind == Decision::Kind::reuse_row) {
      core::CitationFinding f = row->second.finding;
      // Rewritten when it moved in its claims file or provcheck.json changed its severity.
      bool relocated = f.claim_file != claim.file || f.claim_line != claim.line ||
                       f.severity != settings.severity_for(f.status);
      f.severity = settings.severity_for(f.status);
      f.claim_file = claim.file;
      f.claim_line = claim.line;
      f.page = c.page;
      if (relocated) j.rows.emplace_back(f, ck);
      j.report.citations.push_back(std::move(f));
      continue;
    }
    if (d.kind == Decision::Kind::reuse_intact) d.verdict = core::intact_verdict(c);
    if (d.verdict.status == core::CitationStatus::intact) {
      j.intact.push_back({util::xxh3_64(ref.key), d.cache_key});
      if (row != prev.rows.end()) {
        j.delete_rows.push_back(ref.key);
        j.back_to_intact.push_back(ref.key);
      }
      if (!keep_intact) {
        ++omitted_intact;
        continue;
      }
      j.report.citations.push_back(finding_from(claim, idx, d.verdict, settings));
      continue;
    }
    core::CitationFinding f = finding_from(claim, idx, d.verdict, settings);
    {
      f.since = (row != prev.rows.end() && row->second.finding.status == f.status) ? row->second.finding.since
                                                                                    : started;
      j.rows.emplace_back(f, ck);
    }
    j.report.citations.push_back(std::move(f));
  }
  for (const auto& [key, r] : prev.rows) {
    if (!live.count(key)) j.delete_rows.push_back(key);
  }
  std::sort(j.intact.begin(), j.intact.end());
  std::size_t claims = 0;
  for (const auto& f : in.claims) claims += f.claims.size();
  core::summarize(j.report, claims, in.by_id.size());
  j.report.summary.citations += omitted_intact;
  j.report.summary.by_status[core::status_name(core::CitationStatus::intact)] += omitted_intact;
  return j;
}

// Stores the snapshot of a source that was read (compressed while it was
// read), and records the source with it as its current snapshot.
util::Status write_snapshot(Session& s, const LoadedSource& ls, const std::string& started) {
  if (ls.compressed) {
    store::SnapshotInfo snap{ls.hash, ls.entry.meta.media_type, static_cast<std::int64_t>(ls.stat.size),
                             ls.text_hash, started, ls.entry.content};
    PC_TRY_STATUS(s.store->put_snapshot_compressed(snap, *ls.compressed));
  }
  return s.store->put_source(ls.entry.meta, ls.hash, started);
}

// Everything else a check records, in the transaction write_snapshots began.
util::Status persist(Session& s, store::Store::WriteTransaction& tx, const InputScan& scan,
                     const std::string& fingerprint, CheckInputs& load, std::vector<workspace::ClaimsFile>& files,
                     Judged& j, const std::unordered_map<std::string, store::FileRecord>& records, bool reindex_all,
                     const std::string& started, std::int64_t recorded, int exit_code, PhaseTimer& timer) {
  std::unordered_map<std::string, const LoadedSource*> by_content;
  for (auto& [id, ls] : load.by_id) {
    if (ls.present) by_content.emplace(ls.entry.content, &ls);
  }
  // The new stat cache: every input file; sources with their content hash.
  bool claims_changed = reindex_all;
  std::vector<store::FileRecord> stat_cache;
  stat_cache.reserve(scan.files.size());
  for (const InputFile& in : scan.files) {
    auto r = records.find(in.rel);
    bool same = r != records.end() && stat_matches(r->second, in.stat);
    if (!same && in.kind == InputFile::Kind::claims) claims_changed = true;
    auto src = by_content.find(in.rel);
    if (src != by_content.end() &&
        (src->second->stat.mtime_ns != in.stat.mtime_ns || src->second->stat.ctime_ns != in.stat.ctime_ns)) {
      continue;  // changed while it was read: read again next time
    }
    std::string hash = src != by_content.end() ? src->second->hash : "stat-only";
    store::FileRecord rec{in.rel, static_cast<std::int64_t>(in.stat.size), in.stat.mtime_ns,
                          static_cast<std::int64_t>(in.stat.inode), hash, recorded, in.stat.ctime_ns};
    if (same && r->second.content_hash == hash) rec.recorded_ns = r->second.recorded_ns;
    stat_cache.push_back(std::move(rec));
  }
  std::unordered_set<std::string_view> present;
  for (const InputFile& in : scan.files) present.insert(in.rel);
  for (const auto& [path, r] : records) {
    if (path.rfind("claims/", 0) == 0 && !present.count(path)) claims_changed = true;  // a claims file was deleted
  }
  PC_TRY_STATUS(s.store->put_file_records(stat_cache));
  timer.mark("store: file records");
  // The claims index is rebuilt by `reindex` and kept by `claim add`; a
  // check only notes that the claims files moved on since.
  if (claims_changed && !reindex_all) PC_TRY_STATUS(s.store->set_meta("claims_index", "stale"));
  (void)files;
  if (reindex_all) {
    std::vector<core::Claim> all;
    for (auto& f : files) {
      for (auto& c : f.claims) all.push_back(std::move(c));
    }
    PC_TRY_STATUS(s.store->replace_claims(all));
    PC_TRY_STATUS(s.store->set_meta("claims_index", "current"));
  }
  timer.mark("store: claims index");
  store::RunRecord run{0, started, fingerprint, j.report.summary, exit_code};
  PC_ASSIGN_OR_RETURN(std::int64_t run_id, s.store->add_run(run));
  for (const auto& [f, ck] : j.rows) PC_TRY_STATUS(s.store->put_result(run_id, f, ck));
  PC_TRY_STATUS(s.store->delete_results(j.delete_rows));
  for (const std::string& key : j.back_to_intact) PC_TRY_STATUS(s.store->add_history(run_id, key, "intact", ""));
  PC_TRY_STATUS(s.store->put_intact_set(j.intact));
  PC_TRY_STATUS(s.store->put_conflict_report({j.report.conflicts, j.report.groups}));
  timer.mark("store: results");
  PC_TRY_STATUS(tx.commit());
  timer.mark("store: commit");
  return util::Status();
}

// What the store remembers of earlier runs: the stat cache (unless
// `with_stat_cache` is false), the known snapshots and the cached verdicts.
util::Result<Previous> read_previous(Session& s, bool with_stat_cache) {
  Previous prev;
  if (with_stat_cache) {
    PC_ASSIGN_OR_RETURN(prev.records, s.store->file_records());
  }
  PC_ASSIGN_OR_RETURN(auto snapshot_list, s.store->snapshot_hashes());
  prev.known_snapshots.insert(snapshot_list.begin(), snapshot_list.end());
  PC_ASSIGN_OR_RETURN(prev.rows, s.store->results());
  PC_ASSIGN_OR_RETURN(auto intact, s.store->intact_set());
  for (const auto& e : intact) prev.intact.emplace(e.key_hash, e.cache_key);
  return prev;
}

struct FullRun {
  Judged j;
  CheckInputs inputs;
};

// The full pipeline: read and judge on two threads (check_pipeline.h),
// then judge the conflicts between claims and record the run in one transaction.
util::Result<FullRun> judge_and_record(Session& s, const CheckOptions& o, const InputScan& scan,
                                       const std::string& fingerprint, bool reindex_all, PhaseTimer& timer,
                                       const core::Settings& settings) {
  std::int64_t recorded = now_ns();
  std::string started = now_iso();
  // reindex ignores the stat cache, even a damaged one
  PC_ASSIGN_OR_RETURN(Previous prev, read_previous(s, !reindex_all));
  timer.mark("read store");
  // One transaction for the whole run; snapshots go in while sources are
  // still being read.
  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  auto sink = [&](const LoadedSource& ls) { return write_snapshot(s, ls, started); };
  std::vector<std::string> sidecars, claim_files;
  for (const InputFile& f : scan.files) {
    if (f.kind == InputFile::Kind::sidecar) sidecars.push_back(f.rel);
    if (f.kind == InputFile::Kind::claims) claim_files.push_back(f.rel);
  }
  PC_ASSIGN_OR_RETURN(CheckInputs inputs, load_and_judge(s.ws, prev, std::move(sidecars), std::move(claim_files), sink,
                                                         o.progress));
  timer.mark("read, judge and store snapshots");
  Judged j = collect(inputs, prev, started, o.format != "text", settings);
  timer.mark("collect");
  PC_ASSIGN_OR_RETURN(core::ConflictResult conflicts, judge_claims(inputs, j.report.citations, settings));
  add_conflicts(j.report, std::move(conflicts));
  timer.mark("conflicts");
  {
    int exit_code = core::fails(j.report, o.fail_on) ? 1 : 0;
    PC_TRY_STATUS(persist(s, *tx, scan, fingerprint, inputs, inputs.claims, j, prev.records, reindex_all, started,
                          recorded, exit_code, timer));
    tx.reset();
  }
  return FullRun{std::move(j), std::move(inputs)};
}

std::vector<SourceState> source_states(const CheckInputs& in) {
  std::vector<SourceState> out;
  out.reserve(in.by_id.size());
  for (const auto& [id, ls] : in.by_id) {
    out.push_back({ls.entry, ls.present, ls.problem, ls.hash, ls.citations.size()});
  }
  std::sort(out.begin(), out.end(), [](const SourceState& a, const SourceState& b) { return a.entry.meta.id < b.entry.meta.id; });
  return out;
}

// Renders a judged run; the CI formats also learn where each source file and passage is.
util::Result<CommandOutput> render_run(Session& s, const CheckOptions& o, Judged& j, const CheckInputs& inputs,
                                       std::vector<std::string> notes) {
  std::optional<report::CiContext> ci;
  if (is_ci_format(o.format)) ci = ci_context(s.ws, source_states(inputs), j.report, o.fail_on);
  return render(j.report, o, std::move(notes), ci ? &*ci : nullptr);
}

util::Result<CommandOutput> full_check(Session& s, const CheckOptions& o, const InputScan& scan,
                                       const std::string& fingerprint, bool reindex_all, PhaseTimer& timer,
                                       const core::Settings& settings) {
  PC_ASSIGN_OR_RETURN(FullRun run, judge_and_record(s, o, scan, fingerprint, reindex_all, timer, settings));
  auto out = render_run(s, o, run.j, run.inputs, {});
  timer.mark("render");
  release_at_exit(std::move(run));
  if (out.ok()) {
    auto notes = timer.notes();
    out->notes.insert(out->notes.begin(), notes.begin(), notes.end());
  }
  return out;
}

// `check --changed-since REF`: judges only what git says changed, reads the
// store (stat cache, cached verdicts) but writes nothing to it: a partial
// run is not a run of the workspace, so the last full run's summary, the
// history and the stat cache stay those of full checks.
util::Result<CommandOutput> changed_check(Session& s, const CheckOptions& o, const InputScan& scan,
                                          const core::Settings& settings) {
  PC_ASSIGN_OR_RETURN(GitChanges changes, git_changes_since(s.ws, *o.changed_since));
  PC_ASSIGN_OR_RETURN(Previous prev, read_previous(s, true));
  // A settings change can touch every claim: then every claim is in scope.
  bool everything = changes.paths.count("provcheck.json") > 0;
  Scope scope;
  scope.paths.insert(changes.paths.begin(), changes.paths.end());
  std::vector<std::string> sidecars, claim_files;
  for (const InputFile& f : scan.files) {
    if (f.kind == InputFile::Kind::sidecar) sidecars.push_back(f.rel);
    if (f.kind == InputFile::Kind::claims) claim_files.push_back(f.rel);
  }
  auto no_store = [](const LoadedSource&) { return util::Status(); };
  PC_ASSIGN_OR_RETURN(CheckInputs inputs, load_and_judge(s.ws, prev, std::move(sidecars), std::move(claim_files),
                                                         no_store, o.progress, everything ? nullptr : &scope));
  Judged j = collect(inputs, prev, "", o.format != "text", settings);
  // Conflicts among the claims in scope (a claim that did not change is not
  // judged again against them: the full check does that).
  PC_ASSIGN_OR_RETURN(core::ConflictResult conflicts, judge_claims(inputs, j.report.citations, settings));
  add_conflicts(j.report, std::move(conflicts));
  std::set<std::string_view> claims, sources;
  for (const CitationRef& ref : inputs.refs) {
    claims.insert(ref.claim->id);
    sources.insert(ref.claim->citations[ref.index].source);
  }
  std::size_t all_claims = 0;
  for (const auto& f : inputs.claims) all_claims += f.claims.size();
  j.report.summary.claims = claims.size();
  j.report.summary.sources = sources.size();
  std::string note = "changed since " + *o.changed_since + " (" + changes.commit.substr(0, 12) + "): checked " +
                     std::to_string(claims.size()) + " of " + std::to_string(all_claims) + " claims, " +
                     std::to_string(sources.size()) + " sources; a partial run is not recorded";
  auto out = render_run(s, o, j, inputs, {note});
  release_at_exit(std::move(j));
  release_at_exit(std::move(inputs));
  return out;
}

// Nothing changed since the last run: the stored summary and the stored
// not-intact findings are the whole answer for text and Markdown.
util::Result<std::optional<CommandOutput>> cached_check(Session& s, const CheckOptions& o,
                                                        const store::RunRecord& last) {
  PC_ASSIGN_OR_RETURN(auto conflicts, s.store->conflict_report());
  if (!conflicts) return std::optional<CommandOutput>();  // a store from before conflicts: check in full
  PC_ASSIGN_OR_RETURN(auto previous, s.store->results());
  core::CheckReport report;
  report.conflicts = std::move(conflicts->conflicts);
  report.groups = std::move(conflicts->groups);
  report.citations.reserve(previous.size());
  for (auto& [key, r] : previous) report.citations.push_back(std::move(r.finding));
  report.summary = last.summary;
  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  store::RunRecord run{0, now_iso(), last.fingerprint, last.summary, core::fails(report, o.fail_on) ? 1 : 0};
  PC_ASSIGN_OR_RETURN(std::int64_t id, s.store->add_run(run));
  (void)id;
  PC_TRY_STATUS(tx->commit());
  PC_ASSIGN_OR_RETURN(CommandOutput out, render(report, o, {}));
  return std::optional<CommandOutput>(std::move(out));
}

}  // namespace

util::Result<CommandOutput> check(const GlobalOptions& g, const CheckOptions& options) {
  if (options.format != "text" && options.format != "json" && options.format != "md" && !is_ci_format(options.format)) {
    return Error(ErrorKind::invalid_input, "--format '" + options.format + "': choose text, json, md, junit, sarif or github");
  }
  PhaseTimer timer;
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(ws));  // before anything is stored
  CheckOptions o = options;
  o.fail_on = o.fail_on_flag ? *o.fail_on_flag : settings.fail_on.value_or(o.fail_on);
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  timer.mark("open store");
  PC_ASSIGN_OR_RETURN(InputScan scan, scan_inputs(s.ws));
  std::string fp = fingerprint(scan, k_engine_version);
  timer.mark("scan inputs");
  if (o.changed_since) return changed_check(s, o, scan, settings);
  // JSON and Markdown list every citation, intact ones too: that needs the
  // claims files. Text lists only what is not ok, which the store holds.
  // (Not when provcheck.json makes intact citations findings: the store keeps no rows for them.)
  if (o.format == "text" && settings.severity_for(core::CitationStatus::intact) == core::Severity::ok) {
    PC_ASSIGN_OR_RETURN(auto last, s.store->last_run());
    if (last && last->fingerprint == fp) {
      PC_ASSIGN_OR_RETURN(auto records, s.store->file_records());
      if (all_settled(scan, records)) {
        PC_ASSIGN_OR_RETURN(auto cached, cached_check(s, o, *last));
        if (cached) return std::move(*cached);
      }
    }
  }
  return full_check(s, o, scan, fp, false, timer, settings);
}

util::Result<CommandOutput> reindex(const GlobalOptions& g) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(ws));
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  PC_ASSIGN_OR_RETURN(InputScan scan, scan_inputs(s.ws));
  std::string fp = fingerprint(scan, k_engine_version);
  CheckOptions o;
  PhaseTimer timer;
  o.fail_on = settings.fail_on.value_or(o.fail_on);
  PC_ASSIGN_OR_RETURN(CommandOutput out, full_check(s, o, scan, fp, true, timer, settings));
  {  // the search index too: snapshots not yet indexed, and none of those no source has
    PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
    auto indexed = refresh_search_index(s);
    if (!indexed.ok()) return indexed.error();
    PC_TRY_STATUS(tx->commit());
  }
  CommandOutput r;
  r.out = "rebuilt the index from sources/ and claims/\n" + out.out;
  r.notes = out.notes;
  return r;
}

util::Result<FullCheck> run_full_check(Session& s, const CheckOptions& o, const core::Settings& settings) {
  PhaseTimer timer;
  PC_ASSIGN_OR_RETURN(InputScan scan, scan_inputs(s.ws));
  std::string fp = fingerprint(scan, k_engine_version);
  CheckOptions every = o;
  every.format = "json";  // every finding, intact ones too
  PC_ASSIGN_OR_RETURN(FullRun run, judge_and_record(s, every, scan, fp, false, timer, settings));
  std::sort(run.j.report.citations.begin(), run.j.report.citations.end(), [](const auto& a, const auto& b) {
    int c = a.claim.compare(b.claim);
    return c != 0 ? c < 0 : a.index < b.index;
  });
  FullCheck out;
  out.report = std::move(run.j.report);
  out.sources = source_states(run.inputs);
  std::map<std::string, int> lost;  // claim id -> how many of its citations are found nowhere
  for (const core::CitationFinding& f : out.report.citations) {
    if (!f.found_start && f.status != core::CitationStatus::source_missing) ++lost[f.claim];
  }
  for (const auto& f : run.inputs.claims) {
    for (const core::Claim& c : f.claims) {
      out.claim_text.emplace(c.id, c.text);
      if (!c.citations.empty()) out.claim_quote.emplace(c.id, c.citations.front().quote);
      if (!lost.count(c.id)) continue;
      for (std::size_t i = 0; i < c.citations.size(); ++i) {
        out.pinned_snapshot.emplace(report::window_key(c.id, static_cast<int>(i)), c.citations[i].snapshot);
      }
    }
  }
  release_at_exit(std::move(run));
  return out;
}

}  // namespace provcheck::app
