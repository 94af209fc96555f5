#include "app/accept_cmd.h"

#include <map>
#include <optional>
#include <set>

#include "app/manage_common.h"
#include "core/anchor.h"
#include "core/quote.h"
#include "util/file_io.h"
#include "util/file_set.h"
#include "workspace/claims_file.h"
#include "workspace/file_transaction.h"
#include "workspace/sources.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

namespace {

struct CurrentSource {
  workspace::SourceEntry entry;
  workspace::LoadedText loaded;  // text layer now, with the raw bytes' hash (the snapshot)
  std::string unusable;          // why the source cannot be read, when it cannot
  std::optional<core::SourceView> view;  // over `loaded.text`: normalized once for all its citations
};

// Reads a source into its (node-stable) slot, so that the view's text stays put.
void load_source(const workspace::Workspace& ws, const workspace::SourceEntry& e, CurrentSource& s) {
  s.entry = e;
  auto t = workspace::load_text_layer(ws, e);
  if (!t.ok()) {
    s.unusable = t.error().message();
    return;
  }
  s.loaded = std::move(t).value();
  s.view.emplace(s.loaded.text);
}

std::string where(const core::Claim& c, std::size_t i) { return c.id + "[" + std::to_string(i) + "]"; }

std::string span(std::uint64_t b, std::uint64_t e) { return std::to_string(b) + "-" + std::to_string(e); }

util::Status check_selection(const ClaimAcceptOptions& o, const std::vector<workspace::ClaimsFile>& files,
                             const std::map<std::string, workspace::SourceEntry>& sources) {
  if (o.ids.empty() && !o.all && !o.source) {
    return Error(ErrorKind::invalid_input, "claim accept: name the claims to accept (IDs), or pass --source ID or --all");
  }
  std::set<std::string> known;
  for (const auto& f : files) {
    for (const auto& c : f.claims) known.insert(c.id);
  }
  for (const std::string& id : o.ids) {
    if (!known.count(id)) {
      return Error(ErrorKind::not_found, "claim accept: no claim '" + id + "' in claims/; `provcheck claim list` shows the ids");
    }
  }
  if (o.source && !sources.count(*o.source)) {
    return Error(ErrorKind::not_found, "claim accept --source: no source '" + *o.source +
                                           "'; `provcheck source list` shows the ids");
  }
  return util::Status();
}

}  // namespace

util::Result<CommandOutput> claim_accept(const GlobalOptions& g, const ClaimAcceptOptions& o) {
  PC_ASSIGN_OR_RETURN(Session s, open_write_session(g));
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(s.ws));
  PC_ASSIGN_OR_RETURN(auto entries, workspace::list_sources(s.ws));
  std::map<std::string, workspace::SourceEntry> by_id;
  for (auto& e : entries) by_id.emplace(e.meta.id, e);
  PC_TRY_STATUS(check_selection(o, files, by_id));
  const std::set<std::string> named(o.ids.begin(), o.ids.end());

  std::map<std::string, CurrentSource> loaded;
  std::vector<store::PinRecord> pins;
  std::set<std::size_t> changed_files;
  std::vector<core::Claim> changed_claims;
  std::vector<store::AuditEntry> audit;
  CommandOutput out;
  std::size_t accepted = 0, refused = 0, skipped = 0;
  const std::string now = now_iso();
  for (std::size_t fi = 0; fi < files.size(); ++fi) {
    for (core::Claim& c : files[fi].claims) {
      bool by_name = named.count(c.id) > 0;
      bool claim_changed = false;
      std::string before;  // the claim as it was, for the audit, once a citation of it is accepted
      for (std::size_t i = 0; i < c.citations.size(); ++i) {
        core::Citation& ct = c.citations[i];
        if (!by_name && !o.all && !(o.source && ct.source == *o.source)) continue;
        auto e = by_id.find(ct.source);
        if (e == by_id.end()) {
          out.out += "not accepted " + where(c, i) + ": source_missing: no source '" + ct.source +
                     "' in sources/; restore it or edit the claim\n";
          ++refused;
          continue;
        }
        auto [it, fresh_slot] = loaded.try_emplace(ct.source);
        if (fresh_slot) load_source(s.ws, e->second, it->second);
        CurrentSource& src = it->second;
        if (!src.unusable.empty()) {
          out.out += "not accepted " + where(c, i) + ": source_missing: " + src.unusable + "\n";
          ++refused;
          continue;
        }
        core::Verdict v = core::judge_citation(*src.view, ct);
        const char* status = core::status_name(v.status);
        if (v.status == core::CitationStatus::intact) continue;
        if (!v.found_start || !v.found_end) {
          out.out += std::string("not accepted ") + where(c, i) + ": " + status + ": " + v.message +
                     (v.status == core::CitationStatus::ambiguous
                          ? "; re-pin it by hand with `claim add --occurrence N`\n"
                          : "; there is no passage to pin to: edit the claim or remove the citation\n");
          ++refused;
          continue;
        }
        if (v.status == core::CitationStatus::figure_changed && !by_name && !o.figures) {
          out.out += "skipped " + where(c, i) + ": figure_changed " + v.diff +
                     " — review it and accept it by id, or pass --figures\n";
          ++skipped;
          continue;
        }
        core::Citation fresh =
            core::make_citation(src.loaded.text, *v.found_start, *v.found_end, ct.source, src.loaded.raw_hash);
        workspace::record_page(src.entry.meta, src.loaded.text, fresh);
        pins.push_back({c.id, static_cast<int>(i), now, status, ct, fresh.start, fresh.end, fresh.snapshot});
        out.out += "accepted " + where(c, i) + " (" + status + "): bytes " + span(ct.start, ct.end) + " -> " +
                   span(fresh.start, fresh.end) + (v.diff.empty() ? "" : ": " + v.diff) + "\n";
        if (v.status == core::CitationStatus::figure_changed) {
          out.notes.push_back(c.id + ": the cited figure changed; check that the claim's text and value still say "
                                     "what the source says");
        }
        if (before.empty()) before = workspace::render_claim(c);
        ct = std::move(fresh);
        claim_changed = true;
        ++accepted;
      }
      if (claim_changed) {
        changed_files.insert(fi);
        changed_claims.push_back(c);
        audit.push_back({0, now, "claim accept", current_user(), "claim", c.id, before, workspace::render_claim(c),
                         "re-pinned to the passage the source has now"});
      }
    }
  }

  if (!pins.empty()) {
    PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
    for (const auto& [id, src] : loaded) {
      if (!src.unusable.empty()) continue;
      store::SnapshotInfo snap{src.loaded.raw_hash, src.entry.meta.media_type, src.loaded.raw_size,
                               src.loaded.text_hash, now, src.entry.content};
      PC_TRY_STATUS(s.store->put_snapshot(snap, src.loaded.text));
      PC_TRY_STATUS(s.store->put_source(src.entry.meta, src.loaded.raw_hash, now));
    }
    for (const auto& p : pins) PC_TRY_STATUS(s.store->put_pin(p));
    for (const auto& a : audit) PC_TRY_STATUS(s.store->put_audit(a));
    PC_ASSIGN_OR_RETURN(auto index_state, s.store->meta("claims_index"));
    if (index_state.value_or("stale") == "current") PC_TRY_STATUS(s.store->put_claims(changed_claims));
    workspace::FileTransaction files_tx(s.ws);  // every changed claims file, all or nothing
    for (std::size_t fi : changed_files) {
      std::string rendered = workspace::render_claims_file(files[fi]);
      auto reparsed = workspace::parse_claims_file(rendered, files[fi].path);
      if (!reparsed.ok()) {
        return Error(ErrorKind::internal, "rendered claims file does not parse: " + reparsed.error().message());
      }
      files_tx.write(files[fi].path, std::move(rendered));
    }
    PC_TRY_STATUS(files_tx.prepare());
    PC_TRY_STATUS(tx->commit());
    PC_TRY_STATUS(files_tx.apply());
  }
  out.out += "accepted " + std::to_string(accepted) + ", not accepted " + std::to_string(refused) +
             (skipped ? ", skipped " + std::to_string(skipped) : std::string()) + "\n";
  if (accepted == 0 && refused == 0 && skipped == 0) out.notes.push_back("nothing to accept: the selected citations are intact");
  out.provenance_broken = refused > 0 || skipped > 0;
  return out;
}

}  // namespace provcheck::app
