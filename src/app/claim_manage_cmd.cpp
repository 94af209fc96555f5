#include "app/claim_manage_cmd.h"

#include <set>

#include "app/assertion_input.h"
#include "app/manage_common.h"
#include "workspace/settings_file.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

namespace {

std::string span_text(const core::Citation& c) {
  return c.source + " bytes " + std::to_string(c.start) + "-" + std::to_string(c.end);
}

bool edits_assertion(const ClaimEditOptions& o) {
  return o.subject || o.metric || o.value || o.unit || o.approx || o.as_of;
}

// Applies the assertion flags ("" removes a field) and validates the result
// as `claim add` validates its flags, against the claim's first quote.
util::Status edit_assertion(Workset& w, core::Claim& c, const ClaimEditOptions& o, CommandOutput& out) {
  core::Assertion a = c.assertion;
  for (auto [slot, given] : {std::pair{&a.subject, &o.subject}, std::pair{&a.metric, &o.metric},
                             std::pair{&a.value, &o.value}, std::pair{&a.unit, &o.unit},
                             std::pair{&a.approx, &o.approx}, std::pair{&a.as_of, &o.as_of}}) {
    if (!*given) continue;
    if ((*given)->empty()) {
      slot->reset();
    } else {
      *slot = **given;
    }
  }
  const core::Citation& first = c.citations.front();
  const workspace::SourceEntry* src = find_source(w, first.source);
  PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(w.s.ws));
  core::ClaimRequest r;
  r.origin = "claim edit";
  r.source = first.source;
  r.quote = first.quote;
  r.assertion = a;
  PC_ASSIGN_OR_RETURN(c.assertion, complete_assertion(r, first.quote, src ? src->meta.published : std::string(),
                                                      settings, out.notes));
  return util::Status();
}

}  // namespace

util::Result<CommandOutput> claim_edit(const GlobalOptions& g, const ClaimEditOptions& o) {
  bool reanchor = o.quote || o.source || o.occurrence;
  if (!o.new_id && !o.text && !edits_assertion(o) && !o.tags && !reanchor) {
    return Error(ErrorKind::invalid_input, "claim edit " + o.id + ": nothing to change; give at least one of --id, --text, "
                                           "--subject, --metric, --value, --unit, --approx, --as-of, --tag, --no-tags, "
                                           "--quote, --occurrence, --source");
  }
  PC_ASSIGN_OR_RETURN(Workset w, open_workset(g));
  PC_ASSIGN_OR_RETURN(ClaimRef ref, find_claim_ref(w, o.id, "claim edit"));
  core::Claim& c = claim_at(w, ref);
  const std::string before = workspace::render_claim(c);
  CommandOutput out;
  std::vector<std::string> what;
  if (o.new_id && *o.new_id != c.id) {
    if (!workspace::is_valid_id(*o.new_id)) {
      return Error(ErrorKind::invalid_input, "claim edit " + o.id + " --id: '" + *o.new_id +
                                                 "' is not a valid claim id (lowercase letters, digits, '.', '_', '-')");
    }
    if (find_claim_ref(w, *o.new_id, "").ok()) {
      return Error(ErrorKind::conflict, "claim edit " + o.id + " --id: a claim with id '" + *o.new_id +
                                            "' already exists; choose another id");
    }
    what.push_back("renamed " + c.id + " to " + *o.new_id);
    c.id = *o.new_id;
  }
  if (o.text) {
    if (o.text->find_first_not_of(" \t\r\n") == std::string::npos) {
      return Error(ErrorKind::invalid_input, "claim edit " + o.id + " --text: empty; give the claim in your own words");
    }
    c.text = *o.text;
    what.push_back("text");
  }
  if (reanchor) {
    if (o.citation < 0 || static_cast<std::size_t>(o.citation) >= c.citations.size()) {
      return Error(ErrorKind::invalid_input, "claim edit " + o.id + " --citation " + std::to_string(o.citation) +
                                                 ": the claim has citations 0.." + std::to_string(c.citations.size() - 1) +
                                                 " (see `provcheck claim show " + o.id + "`)");
    }
    core::Citation& ct = c.citations[static_cast<std::size_t>(o.citation)];
    std::string source = o.source.value_or(ct.source);
    std::string quote = o.quote.value_or(ct.quote);
    PC_ASSIGN_OR_RETURN(core::QuoteResolution q, pin_quote(w, source, quote, o.occurrence, "claim edit " + o.id));
    what.push_back("citation [" + std::to_string(o.citation) + "] re-pinned from " + span_text(ct) + " to " +
                   span_text(q.citation));
    out.notes.push_back("pinned " + c.id + " [" + std::to_string(o.citation) + "] to " + source + " line " +
                        std::to_string(q.line) + (q.exact ? " (exact match)" : " (matched after normalizing)") +
                        (q.matches > 1 ? ", occurrence " + std::to_string(o.occurrence.value_or(1)) + " of " +
                                             std::to_string(q.matches) : ""));
    ct = std::move(q.citation);
  }
  if (edits_assertion(o) || (reanchor && o.citation == 0)) {
    PC_TRY_STATUS(edit_assertion(w, c, o, out));
    if (edits_assertion(o)) what.push_back("assertion");
  }
  if (o.tags) {
    c.tags = *o.tags;
    what.push_back("tags");
  }
  std::string after = workspace::render_claim(c);
  if (after == before) {
    out.out = "claim " + o.id + ": unchanged (the values given are the ones it has)\n";
    return out;
  }
  std::string detail;
  for (const auto& s : what) detail += (detail.empty() ? "" : "; ") + s;
  w.changed.insert(ref.file);
  add_audit(w, "claim edit", "claim", c.id, before, after, detail);
  workspace::FileTransaction ft(w.s.ws);
  std::string old_id = o.id, new_id = c.id;
  PC_TRY_STATUS(commit_workset(w, ft, [&](store::Store& st) {
    return old_id == new_id ? util::Status() : st.rename_claim(old_id, new_id);
  }));
  out.out = "edited " + new_id + " in " + w.files[ref.file].path + ": " + detail + "\n";
  return out;
}

util::Result<CommandOutput> claim_cite(const GlobalOptions& g, const ClaimCiteOptions& o) {
  PC_ASSIGN_OR_RETURN(Workset w, open_workset(g));
  PC_ASSIGN_OR_RETURN(ClaimRef ref, find_claim_ref(w, o.id, "claim cite"));
  PC_ASSIGN_OR_RETURN(core::QuoteResolution q, pin_quote(w, o.source, o.quote, o.occurrence, "claim cite " + o.id));
  core::Claim& c = claim_at(w, ref);
  for (std::size_t i = 0; i < c.citations.size(); ++i) {
    const core::Citation& ct = c.citations[i];
    if (ct.source == q.citation.source && ct.start == q.citation.start && ct.end == q.citation.end) {
      return Error(ErrorKind::conflict, "claim cite " + o.id + ": the claim already cites this passage as citation [" +
                                            std::to_string(i) + "] (" + span_text(ct) + "); quote another passage");
    }
  }
  const std::string before = workspace::render_claim(c);
  std::size_t n = c.citations.size();
  std::string detail = "citation [" + std::to_string(n) + "] added: " + span_text(q.citation);
  c.citations.push_back(q.citation);
  w.changed.insert(ref.file);
  add_audit(w, "claim cite", "claim", c.id, before, workspace::render_claim(c), detail);
  workspace::FileTransaction ft(w.s.ws);
  PC_TRY_STATUS(commit_workset(w, ft));
  CommandOutput out;
  out.out = "cited " + span_text(q.citation) + " as citation [" + std::to_string(n) + "] of " + o.id + " (line " +
            std::to_string(q.line) + (q.exact ? ", exact match" : ", matched after normalizing; the source's exact bytes are stored") +
            ")\n";
  return out;
}

util::Result<CommandOutput> claim_uncite(const GlobalOptions& g, const std::string& id, int index) {
  PC_ASSIGN_OR_RETURN(Workset w, open_workset(g));
  PC_ASSIGN_OR_RETURN(ClaimRef ref, find_claim_ref(w, id, "claim uncite"));
  core::Claim& c = claim_at(w, ref);
  if (index < 0 || static_cast<std::size_t>(index) >= c.citations.size()) {
    return Error(ErrorKind::invalid_input, "claim uncite " + id + " " + std::to_string(index) + ": the claim has citation" +
                                               (c.citations.size() == 1 ? " 0" : "s 0.." + std::to_string(c.citations.size() - 1)) +
                                               " (numbered as `provcheck claim show " + id + "` shows them)");
  }
  if (c.citations.size() == 1) {
    return Error(ErrorKind::invalid_input, "claim uncite " + id + " 0: this is the claim's only citation, and every claim "
                                           "cites at least one passage; cite another first (`provcheck claim cite " + id +
                                           " --source ID --quote TEXT`) or remove the claim (`provcheck claim remove " + id + "`)");
  }
  const std::string before = workspace::render_claim(c);
  std::string detail = "citation [" + std::to_string(index) + "] removed: " + span_text(c.citations[static_cast<std::size_t>(index)]);
  c.citations.erase(c.citations.begin() + index);
  w.changed.insert(ref.file);
  add_audit(w, "claim uncite", "claim", c.id, before, workspace::render_claim(c), detail);
  workspace::FileTransaction ft(w.s.ws);
  PC_TRY_STATUS(commit_workset(w, ft, [&](store::Store& st) { return st.drop_citation(id, index); }));
  CommandOutput out;
  out.out = "uncited " + id + ": " + detail + (c.citations.size() > static_cast<std::size_t>(index) ? "; later citations moved up by one" : "") + "\n";
  return out;
}

util::Result<CommandOutput> claim_remove(const GlobalOptions& g, const std::vector<std::string>& ids) {
  if (ids.empty()) return Error(ErrorKind::invalid_input, "claim remove: name the claims to remove (IDs)");
  PC_ASSIGN_OR_RETURN(Workset w, open_workset(g));
  std::set<std::string> wanted;
  for (const std::string& id : ids) {
    PC_TRY_STATUS(find_claim_ref(w, id, "claim remove"));
    wanted.insert(id);
  }
  CommandOutput out;
  for (std::size_t f = 0; f < w.files.size(); ++f) {
    auto& claims = w.files[f].claims;
    for (const auto& c : claims) {
      if (!wanted.count(c.id)) continue;
      add_audit(w, "claim remove", "claim", c.id, workspace::render_claim(c), "", "removed from " + w.files[f].path);
      out.out += "removed " + c.id + " from " + w.files[f].path + "\n";
      w.changed.insert(f);
    }
    std::erase_if(claims, [&](const core::Claim& c) { return wanted.count(c.id) > 0; });
  }
  workspace::FileTransaction ft(w.s.ws);
  PC_TRY_STATUS(commit_workset(w, ft));
  out.notes.push_back("their history stays in the store: `provcheck claim show ID` shows a removed claim");
  return out;
}

}  // namespace provcheck::app
