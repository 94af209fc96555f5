#include "app/claims_cmd.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "app/assertion_input.h"
#include "app/manage_common.h"
#include "app/pin_hint.h"
#include "core/normalize.h"
#include "core/quote.h"
#include "core/review.h"
#include "core/text_fragment.h"
#include "core/text_search.h"
#include "util/file_io.h"
#include "util/hash.h"
#include "util/utf8.h"
#include "workspace/claim_ids.h"
#include "workspace/claims_file.h"
#include "workspace/settings_file.h"
#include "workspace/sources.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

constexpr const char* k_default_claims_file = "claims/claims.json";

struct LoadedSource {
  workspace::SourceEntry entry;
  std::string bytes;      // the text layer
  std::string hash;       // xxh3-128 of the content file's raw bytes: the snapshot
  std::string text_hash;  // xxh3-128 of the text layer
  std::int64_t raw_size = 0;
};

util::Result<std::string> target_file(const workspace::Workspace& ws, const std::optional<std::string>& to) {
  if (!to) return std::string(k_default_claims_file);
  fs::path p(*to);
  std::string rel = p.is_absolute() ? ws.relative(p) : (fs::path(*to).lexically_normal().generic_string());
  if (rel.rfind("claims/", 0) != 0 || p.extension() != ".json") {
    return Error(ErrorKind::invalid_input, "--to '" + *to + "': claims files are .json files inside claims/, "
                                           "e.g. claims/aleppo.json");
  }
  return rel;
}

std::string generated_id(const std::string& source, const std::set<std::string>& taken) {
  for (int n = 1;; ++n) {
    std::string id = source + "-" + std::to_string(n);
    if (!taken.count(id)) return id;
  }
}

// The sources that `requests` cite, each sidecar read once; an id with no
// sidecar is left out (build_claim reports it). Only these sidecars are
// opened: the cost follows the claims added, not the workspace.
util::Result<std::map<std::string, LoadedSource>> cited_sources(const workspace::Workspace& ws,
                                                                const std::vector<core::ClaimRequest>& requests) {
  std::map<std::string, LoadedSource> sources;
  for (const core::ClaimRequest& r : requests) {
    if (sources.count(r.source) || !workspace::is_valid_id(r.source)) continue;
    std::string rel = "sources/" + r.source + workspace::k_sidecar_suffix;
    auto st = util::stat_file(ws.absolute(rel));
    if (!st.ok()) {
      if (st.error().kind() == ErrorKind::not_found) continue;
      return st.error();
    }
    if (!st->is_regular) continue;
    PC_ASSIGN_OR_RETURN(workspace::SourceEntry e, workspace::read_source_entry(ws, rel));
    sources.emplace(r.source, LoadedSource{std::move(e), {}, {}, {}, 0});
  }
  return sources;
}

util::Result<core::Claim> build_claim(const workspace::Workspace& ws, const core::ClaimRequest& r,
                                      std::map<std::string, LoadedSource>& sources, std::set<std::string>& taken,
                                      std::string& note, const core::Settings& settings,
                                      std::vector<std::string>& assumed) {
  auto it = sources.find(r.source);
  if (it == sources.end()) {
    PC_ASSIGN_OR_RETURN(std::vector<std::string> sidecars, workspace::list_sidecars(ws));
    std::string known;
    std::string suffix = workspace::k_sidecar_suffix;
    for (std::size_t i = 0; i < sidecars.size() && i < 8; ++i) {
      std::string name = fs::path(sidecars[i]).filename().string();
      known += (known.empty() ? "" : ", ") + name.substr(0, name.size() - suffix.size());
    }
    return Error(ErrorKind::not_found, r.origin + ": unknown source id '" + r.source + "'" +
                                           (known.empty() ? "; add it first with `provcheck source add PATH`"
                                                          : "; known sources: " + known + (sidecars.size() > 8 ? ", ..." : "")));
  }
  LoadedSource& src = it->second;
  auto res = core::resolve_quote(src.bytes, r.quote, r.occurrence, r.source, src.hash);
  if (!res.ok()) return with_pin_hint(res.error(), r, src.bytes).with_context(r.origin);
  core::QuoteResolution q = std::move(res).value();
  if (util::check_utf8(q.citation.quote).invalid_sequences > 0) {
    return Error(ErrorKind::invalid_input, r.origin + ": the matched passage contains bytes that are not valid UTF-8 "
                                                      "and cannot be recorded in a claims file; quote a passage without them");
  }
  core::Claim c;
  if (r.id) {
    if (!workspace::is_valid_id(*r.id)) {
      return Error(ErrorKind::invalid_input, r.origin + ": claim id '" + *r.id +
                                                 "' is not valid (lowercase letters, digits, '.', '_', '-')");
    }
    c.id = *r.id;
  } else {
    c.id = generated_id(r.source, taken);
  }
  if (!taken.insert(c.id).second) {
    return Error(ErrorKind::conflict, r.origin + ": a claim with id '" + c.id + "' already exists; choose another id");
  }
  c.text = r.text ? *r.text : core::normalize(q.citation.quote);
  PC_ASSIGN_OR_RETURN(c.assertion, complete_assertion(r, q.citation.quote, src.entry.meta.published, settings, assumed));
  c.tags = r.tags;
  PC_ASSIGN_OR_RETURN(c.review, core::validate_review(r.review, settings.ratings(), r.origin));
  c.citations.push_back(std::move(q.citation));
  note = "pinned " + c.id + " to " + r.source + " line " + std::to_string(q.line) + " (" +
         (q.exact ? "exact match" : "matched after normalizing whitespace/typography; the source's exact bytes are stored") +
         (q.matches > 1 ? ", occurrence " + std::to_string(r.occurrence.value_or(1)) + " of " + std::to_string(q.matches) : "") +
         ")";
  return c;
}

util::Result<CommandOutput> add_requests(const GlobalOptions& g, const std::vector<core::ClaimRequest>& requests,
                                         const std::optional<std::string>& to, const std::string& command) {
  PC_ASSIGN_OR_RETURN(Session s, open_write_session(g));
  PC_ASSIGN_OR_RETURN(std::string target, target_file(s.ws, to));
  PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(s.ws));
  // Every claims file in full only when the claims index must be rebuilt;
  // otherwise the target file, and the ids of the others from their cache.
  PC_ASSIGN_OR_RETURN(auto index_before, s.store->meta("claims_index"));
  bool all_loaded = index_before.value_or("stale") != "current";
  std::vector<workspace::ClaimsFile> files;
  std::set<std::string> taken;
  workspace::ClaimsFile fresh{target, {}};
  workspace::ClaimsFile* dest = &fresh;
  if (all_loaded) {
    PC_ASSIGN_OR_RETURN(files, workspace::load_claims(s.ws));
    for (auto& f : files) {
      for (const auto& c : f.claims) taken.insert(c.id);
      if (f.path == target) dest = &f;
    }
  } else {
    workspace::ClaimIdQuery q;
    for (const core::ClaimRequest& r : requests) {
      if (r.id) q.ids.insert(*r.id);
      else q.prefixes.push_back(r.source + "-");
    }
    PC_ASSIGN_OR_RETURN(workspace::ClaimIdScan scan, workspace::scan_claim_ids(s.ws, target, q));
    taken = std::move(scan.taken);
    if (scan.target) fresh = std::move(*scan.target);
  }

  PC_ASSIGN_OR_RETURN(auto sources, cited_sources(s.ws, requests));
  std::set<std::string> loaded;
  CommandOutput out;
  std::vector<core::Claim> added;
  for (const core::ClaimRequest& r : requests) {
    auto it = sources.find(r.source);
    if (it != sources.end() && !loaded.count(r.source)) {
      const workspace::SourceEntry& e = it->second.entry;
      PC_ASSIGN_OR_RETURN(workspace::LoadedText t, workspace::load_text_layer(s.ws, e));
      it->second.bytes = std::move(t.text);
      it->second.hash = std::move(t.raw_hash);
      it->second.text_hash = std::move(t.text_hash);
      it->second.raw_size = t.raw_size;
      loaded.insert(r.source);
    }
    std::string note;
    std::vector<std::string> assumed;
    PC_ASSIGN_OR_RETURN(core::Claim c, build_claim(s.ws, r, sources, taken, note, settings, assumed));
    c.file = target;
    const LoadedSource& cited = sources.at(r.source);
    if (int page = workspace::record_page(cited.entry.meta, cited.bytes, c.citations.back())) {
      note += "; p. " + std::to_string(page);
    }
    out.notes.push_back(note);
    out.notes.insert(out.notes.end(), assumed.begin(), assumed.end());
    added.push_back(std::move(c));
  }
  std::size_t first_new = dest->claims.size();
  for (auto& c : added) dest->claims.push_back(c);
  std::string rendered = workspace::render_claims_file(*dest);
  // Line numbers of the new claims as written, for the index.
  auto reparsed = workspace::parse_claims_file(rendered, target);
  if (!reparsed.ok()) return Error(ErrorKind::internal, "rendered claims file does not parse: " + reparsed.error().message());
  for (std::size_t i = 0; i < added.size(); ++i) added[i].line = reparsed->claims[first_new + i].line;

  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  for (const std::string& id : loaded) {
    const LoadedSource& src = sources.at(id);
    store::SnapshotInfo snap{src.hash, src.entry.meta.media_type, src.raw_size, src.text_hash, now_iso(),
                             src.entry.content};
    PC_TRY_STATUS(s.store->put_snapshot(snap, src.bytes));
    PC_TRY_STATUS(s.store->put_source(src.entry.meta, src.hash, now_iso()));
  }
  PC_ASSIGN_OR_RETURN(auto index_state, s.store->meta("claims_index"));
  if (index_state.value_or("stale") == "current") {
    PC_TRY_STATUS(s.store->put_claims(added));
  } else {  // rebuild from the files as they will be after this change
    if (!all_loaded) {  // a check marked it stale meanwhile
      PC_ASSIGN_OR_RETURN(files, workspace::load_claims(s.ws));
    }
    std::vector<core::Claim> all;
    for (const auto& f : files) {
      if (f.path == target) continue;
      all.insert(all.end(), f.claims.begin(), f.claims.end());
    }
    for (std::size_t i = 0; i < dest->claims.size(); ++i) {
      core::Claim c = dest->claims[i];
      if (i >= first_new) c.line = added[i - first_new].line;
      all.push_back(std::move(c));
    }
    PC_TRY_STATUS(s.store->replace_claims(all));
    PC_TRY_STATUS(s.store->set_meta("claims_index", "current"));
  }
  const std::string who = current_user(), at = now_iso();
  for (const auto& c : added) {
    PC_TRY_STATUS(s.store->put_audit({0, at, command, who, "claim", c.id, "", workspace::render_claim(c), "added to " + target}));
  }
  PC_TRY_STATUS(util::create_directories(s.ws.absolute(target).parent_path()));
  PC_TRY_STATUS(util::write_file_atomic(s.ws.absolute(target), rendered));
  PC_TRY_STATUS(tx->commit());
  out.out = "added " + std::to_string(added.size()) + " claim" + (added.size() == 1 ? "" : "s") + " to " + target + "\n";
  return out;
}

}  // namespace

util::Result<CommandOutput> claim_add(const GlobalOptions& g, const ClaimAddOptions& o) {
  return add_requests(g, o.requests, o.to, "claim add");
}

util::Result<CommandOutput> claim_import(const GlobalOptions& g, const std::string& jsonl_path,
                                         const std::optional<std::string>& to) {
  PC_ASSIGN_OR_RETURN(std::string bytes, util::read_file(jsonl_path));
  PC_ASSIGN_OR_RETURN(auto requests, workspace::parse_claim_requests(bytes, jsonl_path));
  if (requests.empty()) return Error(ErrorKind::invalid_input, jsonl_path + ": no claims in the file (one JSON object a line)");
  auto out = add_requests(g, requests, to, "claim import");
  if (out.ok() && requests.size() > 20) {
    std::size_t n = requests.size();
    // Keep what was assumed or needs attention; drop the one-per-claim "pinned" lines.
    std::erase_if(out->notes, [](const std::string& note) { return note.rfind("pinned ", 0) == 0; });
    out->notes.insert(out->notes.begin(), "pinned " + std::to_string(n) + " claims");
  }
  return out;
}

namespace {

// A text-fragment link to the cited passage in the live page, when the
// source has a URL; empty otherwise (or when its sidecar cannot be read:
// claim show reports the citation all the same).
std::string live_link(const workspace::Workspace& ws, const core::Citation& ct) {
  auto meta = workspace::read_sidecar(workspace::sidecar_path(ws, ct.source), ct.source);
  if (!meta.ok()) return {};
  return core::text_fragment_link(*meta, ct);
}

const core::Claim* find_claim(const std::vector<workspace::ClaimsFile>& files, const std::string& id) {
  for (const auto& f : files) {
    for (const auto& c : f.claims) {
      if (c.id == id) return &c;
    }
  }
  return nullptr;
}

}  // namespace

util::Result<CommandOutput> claim_list(const GlobalOptions& g, bool json) {
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(ws));
  CommandOutput out;
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& f : files) {
    for (const auto& c : f.claims) {
      std::string sources;
      for (const auto& ct : c.citations) sources += (sources.empty() ? "" : ",") + ct.source;
      if (json) {
        arr.push_back({{"id", c.id}, {"text", c.text}, {"sources", sources}, {"file", c.file}, {"line", c.line}});
      } else {
        out.out += c.id + "\t" + sources + "\t" + c.file + ":" + std::to_string(c.line) + "\t" + c.text + "\n";
      }
    }
  }
  if (json) out.out = arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return out;
}

util::Result<CommandOutput> claim_show(const GlobalOptions& g, const std::string& id, bool json) {
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(s.ws));
  const core::Claim* c = find_claim(files, id);
  if (!c) return show_gone_claim(s, id, json);  // a removed claim still shows, from its audit
  PC_ASSIGN_OR_RETURN(auto results, s.store->results());
  PC_ASSIGN_OR_RETURN(auto intact, s.store->intact_set());
  PC_ASSIGN_OR_RETURN(auto last_run, s.store->last_run());
  CommandOutput out;
  nlohmann::ordered_json j;
  j["id"] = c->id;
  j["text"] = c->text;
  j["file"] = c->file;
  j["line"] = c->line;
  const core::Assertion& a = c->assertion;
  nlohmann::ordered_json aj = nlohmann::ordered_json::object();
  for (auto [name, v] : {std::pair{"subject", &a.subject}, std::pair{"metric", &a.metric}, std::pair{"value", &a.value},
                         std::pair{"unit", &a.unit}, std::pair{"approx", &a.approx}, std::pair{"as_of", &a.as_of}}) {
    if (*v) aj[name] = **v;
  }
  if (a.as_of && a.as_of_assumed) aj["as_of_assumed"] = true;
  j["assertion"] = aj;
  nlohmann::ordered_json rj = nlohmann::ordered_json::object();
  for (auto [name, v] : {std::pair{"rating", &c->review.rating}, std::pair{"reviewed_by", &c->review.reviewed_by},
                         std::pair{"review_url", &c->review.review_url},
                         std::pair{"review_date", &c->review.review_date}}) {
    if (*v) rj[name] = **v;
  }
  if (!rj.empty()) j["review"] = rj;
  j["citations"] = nlohmann::ordered_json::array();
  PC_ASSIGN_OR_RETURN(auto pins, s.store->pins(c->id));
  for (std::size_t i = 0; i < c->citations.size(); ++i) {
    const core::Citation& ct = c->citations[i];
    nlohmann::ordered_json cj = {{"source", ct.source}, {"quote", ct.quote}, {"span", {ct.start, ct.end}},
                                 {"quote_hash", ct.quote_hash}, {"snapshot", ct.snapshot}};
    if (ct.page > 0) cj["page"] = ct.page;
    if (std::string link = live_link(s.ws, ct); !link.empty()) cj["link"] = link;
    auto r = results.find(store::result_key(c->id, static_cast<int>(i)));
    store::IntactEntry probe{util::xxh3_64(store::result_key(c->id, static_cast<int>(i))), 0};
    auto in = std::lower_bound(intact.begin(), intact.end(), probe);
    if (r != results.end()) {
      cj["last_status"] = core::status_name(r->second.finding.status);
      cj["since"] = r->second.finding.since;
    } else if (in != intact.end() && in->key_hash == probe.key_hash) {
      cj["last_status"] = "intact";
      if (last_run) cj["as_of"] = last_run->started_at;
    }
    PC_ASSIGN_OR_RETURN(auto hist, s.store->history(c->id, static_cast<int>(i)));
    nlohmann::ordered_json hj = nlohmann::ordered_json::array();
    for (const auto& h : hist) hj.push_back({{"run", h.run}, {"at", h.at}, {"status", h.status}, {"message", h.message}});
    cj["history"] = hj;
    nlohmann::ordered_json pj = nlohmann::ordered_json::array();
    for (const auto& p : pins) {
      if (p.index != static_cast<int>(i)) continue;
      pj.push_back({{"accepted_at", p.accepted_at}, {"status", p.status}, {"quote", p.old_pin.quote},
                    {"span", {p.old_pin.start, p.old_pin.end}}, {"snapshot", p.old_pin.snapshot},
                    {"new_span", {p.new_start, p.new_end}}, {"new_snapshot", p.new_snapshot}});
    }
    cj["earlier_pins"] = pj;
    j["citations"].push_back(cj);
  }
  PC_ASSIGN_OR_RETURN(auto changes, s.store->audit("claim", c->id));
  j["audit"] = audit_json(changes);
  if (json) {
    out.out = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    return out;
  }
  out.out += "claim " + c->id + "  (" + c->file + ":" + std::to_string(c->line) + ")\n  " + c->text + "\n";
  if (!aj.empty()) {
    out.out += "  assertion:";
    for (auto& [k, v] : aj.items()) {
      if (v.is_string()) out.out += " " + k + "=" + v.get<std::string>();
    }
    if (a.as_of_assumed) out.out += " (published)";
    out.out += "\n";
  }
  if (!rj.empty()) {
    out.out += "  review:";
    for (auto& [k, v] : rj.items()) out.out += " " + k + "=" + v.get<std::string>();
    out.out += "\n";
  }
  for (std::size_t i = 0; i < c->citations.size(); ++i) {
    const auto& cj = j["citations"][i];
    const core::Citation& ct = c->citations[i];
    out.out += "  [" + std::to_string(i) + "] " + ct.source + (ct.page > 0 ? " p. " + std::to_string(ct.page) : "") +
               " bytes " + std::to_string(ct.start) + "-" + std::to_string(ct.end) + ": \"" +
               core::excerpt(ct.quote, 0, ct.quote.size(), 200) + "\"\n";
    if (cj.contains("link")) out.out += "      live: " + cj["link"].get<std::string>() + "\n";
    if (cj.contains("last_status")) {
      out.out += "      last check: " + cj["last_status"].get<std::string>() +
                 (cj.contains("since") ? " since " + cj["since"].get<std::string>() : std::string()) +
                 (cj.contains("as_of") ? " as of " + cj["as_of"].get<std::string>() : std::string()) + "\n";
    } else {
      out.out += "      not checked yet\n";
    }
    for (const auto& h : cj["history"]) {
      out.out += "      " + h["at"].get<std::string>() + " run " + std::to_string(h["run"].get<std::int64_t>()) + ": " +
                 h["status"].get<std::string>() + (h["message"].get<std::string>().empty() ? "" : " — " + h["message"].get<std::string>()) + "\n";
    }
    for (const auto& p : cj["earlier_pins"]) {
      std::string quote = p["quote"].get<std::string>();
      out.out += "      " + p["accepted_at"].get<std::string>() + " accepted (" + p["status"].get<std::string>() +
                 "); was bytes " + std::to_string(p["span"][0].get<std::uint64_t>()) + "-" +
                 std::to_string(p["span"][1].get<std::uint64_t>()) + ": \"" + core::excerpt(quote, 0, quote.size(), 200) +
                 "\"\n";
    }
  }
  out.out += audit_text(changes);
  return out;
}

}  // namespace provcheck::app
