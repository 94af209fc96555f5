#include "app/refresh_cmd.h"

#include <filesystem>
#include <map>
#include <set>

#include "app/capture.h"
#include "util/file_io.h"
#include "util/file_set.h"
#include "util/hash.h"
#include "workspace/claims_file.h"
#include "workspace/sources.h"
#include "workspace/text_cache.h"
#include "workspace/text_layers.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

// A file as it was before this run wrote it, to put back on failure.
struct Undo {
  fs::path path;
  std::string bytes;
};

util::Result<std::vector<workspace::SourceEntry>> selected(const workspace::Workspace& ws,
                                                          const std::vector<std::string>& ids) {
  PC_ASSIGN_OR_RETURN(auto all, workspace::list_sources(ws));
  if (ids.empty()) return all;
  std::map<std::string, workspace::SourceEntry> by_id;
  for (auto& e : all) by_id.emplace(e.meta.id, e);
  std::vector<workspace::SourceEntry> out;
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    auto it = by_id.find(id);
    if (it == by_id.end()) {
      return Error(ErrorKind::not_found, "no source '" + id + "' (no sources/" + id + workspace::k_sidecar_suffix +
                                             "); `provcheck source list` shows the ids");
    }
    if (seen.insert(id).second) out.push_back(it->second);
  }
  return out;
}

// Citations of each source, for the outcome lines (best effort: a claims
// file that does not parse only loses the count).
std::map<std::string, int> citations_by_source(const workspace::Workspace& ws) {
  std::map<std::string, int> pins;
  auto files = workspace::load_claims(ws);
  if (!files.ok()) return pins;
  for (const auto& f : *files) {
    for (const auto& c : f.claims) {
      for (const auto& ct : c.citations) ++pins[ct.source];
    }
  }
  return pins;
}

struct Outcome {
  enum class Kind { unchanged, changed, failed, skipped } kind;
  std::string line;
  ErrorKind error = ErrorKind::io;  // for failed: what kind of failure
};
using K = Outcome::Kind;

class Refresher {
 public:
  Refresher(Session& s, const RefreshOptions& o) : m_s(s), m_o(o), m_pins(citations_by_source(s.ws)) {}

  // Refreshes one source; an error is a failure of provcheck itself (a
  // write or the store), which aborts the run.
  util::Result<Outcome> refresh(const workspace::SourceEntry& e) {
    const core::SourceMeta& m = e.meta;
    if (m.capture_url.empty()) {
      return Outcome{K::skipped, "skipped: not captured from a URL" +
                                     std::string(m.url.empty() ? "" : " (its url is only recorded)") +
                                     "; `provcheck source add URL` captures one"};
    }
    fs::path content = m_s.ws.absolute(e.content);
    auto current = util::read_file(content);
    std::string current_hash = current.ok() ? util::xxh3_128_digest(*current) : std::string();
    util::HttpOptions http = m_o.http;
    // The validators describe the stored capture: use them only while it is intact.
    if (current.ok() && current_hash == m.content_hash) {
      http.if_none_match = m.etag;
      http.if_modified_since = m.last_modified;
    }
    auto captured = capture_url(m.capture_url, http, workspace::layer_of(m));
    if (!captured.ok()) return Outcome{K::failed, "failed: " + captured.error().message(), captured.error().kind()};
    Capture& c = *captured;
    if (c.not_modified) return Outcome{K::unchanged, "unchanged (HTTP 304 Not Modified)"};
    if (c.media_type != m.media_type) {
      return Outcome{K::failed, "failed: the URL now serves " + c.media_type + ", not " + m.media_type +
                                    "; add it as a new source with `provcheck source add URL --id NEW-ID`",
                     ErrorKind::unsupported};
    }
    std::string hash = util::xxh3_128_digest(c.response.body);
    core::SourceMeta next = m;
    next.final_url = c.response.final_url;
    next.http_status = static_cast<int>(c.response.status);
    next.etag = c.response.etag;
    next.last_modified = c.response.last_modified;
    next.response_headers = recorded_headers(c.response);
    if (hash == m.content_hash && current_hash == m.content_hash) {
      bool validators_moved = next.etag != m.etag || next.last_modified != m.last_modified ||
                              next.final_url != m.final_url || next.http_status != m.http_status;
      // The headers are those of the capture that produced these bytes; a
      // Date that moved alone does not rewrite the sidecar.
      if (!validators_moved) next.response_headers = m.response_headers;
      if (validators_moved) m_pending.push_back({m_s.ws.absolute(e.sidecar), workspace::render_sidecar(next)});
      return Outcome{K::unchanged,
                     std::string("unchanged (same bytes") + (validators_moved ? "; validators updated" : "") + ")"};
    }
    // Pages that change markup, scripts or ads on every request still read the same.
    bool same_text = false;
    if (current.ok()) {
      auto before = workspace::load_text_layer(m_s.ws, e);
      same_text = before.ok() && before->text == c.text;
    }
    next.content_hash = hash;
    next.retrieved = now_iso();
    // Written by flush(), with every other changed source's files.
    m_pending.push_back({content, c.response.body});
    m_pending.push_back({m_s.ws.absolute(e.sidecar), workspace::render_sidecar(next)});
    store::SnapshotInfo snap{hash, next.media_type, static_cast<std::int64_t>(c.response.body.size()),
                             util::xxh3_128_digest(c.text), next.retrieved, next.final_url};
    PC_TRY_STATUS(m_s.store->put_snapshot(snap, c.text));
    PC_TRY_STATUS(m_s.store->put_source(next, hash, next.retrieved));
    if (!workspace::is_identity_layer(c.layer)) workspace::remember_text_layer(m_s.ws, hash, c.layer, c.text);
    int pinned = 0;
    if (auto it = m_pins.find(m.id); it != m_pins.end()) pinned = it->second;
    std::string was = current.ok() ? std::to_string(current->size()) + " bytes" : "missing";
    return Outcome{K::changed, "changed: " + was + " -> " + std::to_string(c.response.body.size()) + " bytes, new snapshot " +
                       hash + "; " + std::to_string(pinned) + " citation" + (pinned == 1 ? "" : "s") +
                       " to judge against it: " +
                       (same_text ? "its text did not change (markup or scripts only)" : "run `provcheck check`"),
                   ErrorKind::io};
  }

  // Puts back every file this run wrote (after a failure of provcheck itself).
  void undo() {
    for (auto it = m_written.rbegin(); it != m_written.rend(); ++it) {
      if (it->bytes.empty() && !fs::exists(it->path)) continue;
      (void)util::write_file_atomic(it->path, it->bytes);
    }
  }

  // Every changed source's content file and sidecar, all or none, even
  // across a crash (util/file_set.h): a killed refresh leaves the workspace
  // as it was before the run or as it is after it.
  util::Status flush() {
    std::vector<util::FileWrite> files = std::move(m_pending);
    m_pending.clear();
    std::vector<Undo> olds;
    for (const util::FileWrite& f : files) {
      auto old = util::read_file(f.path);
      olds.push_back({f.path, old.ok() ? std::move(old).value() : std::string()});
    }
    PC_TRY_STATUS(util::write_file_set(m_s.ws.store_dir(), files));
    for (Undo& u : olds) m_written.push_back(std::move(u));
    return util::Status();
  }

 private:
  Session& m_s;
  const RefreshOptions& m_o;
  std::map<std::string, int> m_pins;
  std::vector<Undo> m_written;
  std::vector<util::FileWrite> m_pending;
};

}  // namespace

util::Result<CommandOutput> source_refresh(const GlobalOptions& g, const RefreshOptions& o) {
  PC_ASSIGN_OR_RETURN(Session s, open_write_session(g));
  PC_ASSIGN_OR_RETURN(auto sources, selected(s.ws, o.ids));
  // The store's write lock before any file is touched, as `source add` does.
  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  Refresher r(s, o);
  CommandOutput out;
  int failed = 0, changed = 0, unchanged = 0, skipped = 0;
  bool network = false;
  for (const workspace::SourceEntry& e : sources) {
    auto outcome = r.refresh(e);
    if (!outcome.ok()) {
      r.undo();
      return outcome.error().with_context("source refresh " + e.meta.id);
    }
    switch (outcome->kind) {
      case K::failed:
        ++failed;
        network = network || outcome->error == ErrorKind::io;
        break;
      case K::changed: ++changed; break;
      case K::skipped: ++skipped; break;
      case K::unchanged: ++unchanged; break;
    }
    out.out += e.meta.id + ": " + outcome->line + "\n";
  }
  if (auto st = r.flush(); !st.ok()) return st.error();
  if (auto st = tx->commit(); !st.ok()) {
    r.undo();
    return st.error();
  }
  if (sources.empty()) out.notes.push_back("no sources in sources/");
  out.out += std::to_string(changed) + " changed, " + std::to_string(unchanged) + " unchanged, " +
             std::to_string(failed) + " failed, " + std::to_string(skipped) + " skipped\n";
  if (failed > 0) {
    out.partial_failure = Error(ErrorKind::io, std::to_string(failed) + " of " + std::to_string(sources.size()) +
                                                   " source" + (sources.size() == 1 ? "" : "s") +
                                                   " could not be refreshed (reasons above); what is stored for them "
                                                   "is unchanged" +
                                                   (network ? "; try again when the network is back" : ""));
  }
  return out;
}

}  // namespace provcheck::app
