#include "app/exchange_cmd.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "app/claims_cmd.h"
#include "core/normalize.h"
#include "core/quote.h"
#include "core/review.h"
#include "core/text_fragment.h"
#include "core/text_search.h"
#include "report/exchange.h"
#include "util/file_io.h"
#include "util/utf8.h"
#include "workspace/annotations.h"
#include "workspace/claims_file.h"
#include "workspace/settings_file.h"
#include "workspace/sources.h"

namespace provcheck::app {
namespace fs = std::filesystem;
using util::Error;
using util::ErrorKind;

namespace {

std::string where(const core::Claim& c) { return c.file + ":" + std::to_string(c.line); }

// Text layers read once per source.
class TextLayers {
 public:
  explicit TextLayers(const workspace::Workspace& ws) : m_ws(ws) {}
  util::Result<const workspace::LoadedText*> get(const workspace::SourceEntry& e) {
    auto it = m_cache.find(e.meta.id);
    if (it == m_cache.end()) {
      PC_ASSIGN_OR_RETURN(workspace::LoadedText t, workspace::load_text_layer(m_ws, e));
      it = m_cache.emplace(e.meta.id, std::move(t)).first;
    }
    return &it->second;
  }

 private:
  const workspace::Workspace& m_ws;
  std::map<std::string, workspace::LoadedText> m_cache;
};

util::Result<CommandOutput> finish(std::string text, const ExportOptions& o, const std::string& summary) {
  CommandOutput out;
  if (!o.output) {
    out.out = std::move(text);
    return out;
  }
  fs::path p(*o.output);
  if (p.has_parent_path()) PC_TRY_STATUS(util::create_directories(p.parent_path()));
  PC_TRY_STATUS(util::write_file_atomic(p, text));
  out.out = "wrote " + summary + " to " + *o.output + "\n";
  return out;
}

util::Result<CommandOutput> export_annotations(Session& s, const ExportOptions& o,
                                               const std::vector<workspace::ClaimsFile>& files,
                                               const std::map<std::string, workspace::SourceEntry>& sources) {
  TextLayers layers(s.ws);
  std::vector<report::AnnotationEntry> entries;
  std::vector<std::string> notes;
  for (const auto& f : files) {
    for (const core::Claim& c : f.claims) {
      PC_ASSIGN_OR_RETURN(auto pins, s.store->pins(c.id));
      // created: the claim's first audit entry (claim add, import, edit...);
      // modified: its last change, or a later re-pin of the citation.
      PC_ASSIGN_OR_RETURN(auto audit, s.store->audit("claim", c.id));
      std::string created, changed;
      for (const auto& entry : audit) {
        if (created.empty() || entry.at < created) created = entry.at;
        changed = std::max(changed, entry.at);
      }
      for (std::size_t i = 0; i < c.citations.size(); ++i) {
        const core::Citation& ct = c.citations[i];
        report::AnnotationEntry e;
        e.claim = &c;
        e.index = i;
        e.source_id = ct.source;
        auto src = sources.find(ct.source);
        if (src == sources.end()) {
          return Error(ErrorKind::not_found, where(c) + ": claim '" + c.id + "' cites source '" + ct.source +
                                                 "', which sources/ does not have; restore it or remove the citation");
        }
        std::string url = core::source_web_url(src->second.meta);
        e.target_source = url.empty() ? report::source_iri(ct.source) : url;
        e.retrieved = src->second.meta.retrieved;
        // Positions count code points of the text the citation was pinned to:
        // the current layer when the source is unchanged, else the stored snapshot.
        std::optional<std::string> pinned_text;
        PC_ASSIGN_OR_RETURN(const workspace::LoadedText* now, layers.get(src->second));
        std::string_view text = now->text;
        if (now->raw_hash != ct.snapshot) {
          PC_ASSIGN_OR_RETURN(pinned_text, s.store->snapshot_text(ct.snapshot));
          if (pinned_text) {
            text = *pinned_text;
          } else {
            notes.push_back(c.id + ": " + ct.source + " changed since the citation was pinned and the store has not "
                                   "the pinned version; its TextPositionSelector counts the current text");
          }
        }
        std::size_t start = std::min<std::size_t>(ct.start, text.size());
        std::size_t end = std::min<std::size_t>(ct.end, text.size());
        e.cp_start = util::count_code_points(text.substr(0, start));
        e.cp_end = e.cp_start + util::count_code_points(text.substr(start, end - start));
        e.created = created;
        e.modified = changed != created ? changed : std::string();
        for (const auto& p : pins) {
          if (p.index == static_cast<int>(i)) e.modified = std::max(e.modified, p.accepted_at);
        }
        entries.push_back(std::move(e));
      }
    }
  }
  std::string text = o.jsonl ? report::render_annotation_jsonl(entries) : report::render_annotation_collection(entries);
  PC_ASSIGN_OR_RETURN(CommandOutput out,
                      finish(std::move(text), o, std::to_string(entries.size()) + " annotation" +
                                                     (entries.size() == 1 ? "" : "s")));
  out.notes = std::move(notes);
  return out;
}

util::Result<CommandOutput> export_claim_reviews(const workspace::Workspace& ws, const ExportOptions& o,
                                                 const std::vector<workspace::ClaimsFile>& files,
                                                 const std::map<std::string, workspace::SourceEntry>& sources) {
  std::vector<std::string> scale;
  if (o.rating_scale) {
    PC_ASSIGN_OR_RETURN(scale, core::parse_rating_scale(*o.rating_scale, "--rating-scale"));
  } else {
    PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(ws));
    scale = settings.ratings();
  }
  std::vector<report::ReviewedClaim> reviewed;
  std::vector<std::string> unrated, notes;
  for (const auto& f : files) {
    for (const core::Claim& c : f.claims) {
      if (!c.review.rating) {
        unrated.push_back(c.id + " (" + where(c) + ")");
        continue;
      }
      auto value = core::rating_value(scale, *c.review.rating);
      if (!value) {
        std::string labels;
        for (const auto& l : scale) labels += (labels.empty() ? "'" : ", '") + l + "'";
        return Error(ErrorKind::invalid_input, where(c) + ": claim '" + c.id + "' is rated '" + *c.review.rating +
                                                   "', which is not on the rating scale (" + labels +
                                                   "); fix the rating or give the scale with --rating-scale");
      }
      report::ReviewedClaim r{&c, {}, *value, static_cast<int>(scale.size())};
      for (const core::Citation& ct : c.citations) {
        auto src = sources.find(ct.source);
        if (src == sources.end()) continue;
        if (std::find(r.appearances.begin(), r.appearances.end(), &src->second.meta) == r.appearances.end()) {
          r.appearances.push_back(&src->second.meta);
        }
      }
      std::stable_sort(r.appearances.begin(), r.appearances.end(), [](const auto* a, const auto* b) {
        if (a->published.empty() != b->published.empty()) return b->published.empty();
        return a->published < b->published;
      });
      for (auto [field, v] : {std::pair{"review_url", &c.review.review_url},
                              std::pair{"reviewed_by", &c.review.reviewed_by},
                              std::pair{"review_date", &c.review.review_date}}) {
        if (!*v) notes.push_back(c.id + ": no " + std::string(field) + " (Google's Fact Check markup wants url, "
                                        "author and datePublished)");
      }
      reviewed.push_back(std::move(r));
    }
  }
  if (!unrated.empty() && !o.skip_unrated) {
    std::string list;
    for (std::size_t i = 0; i < unrated.size() && i < 5; ++i) list += (i ? ", " : "") + unrated[i];
    if (unrated.size() > 5) list += " and " + std::to_string(unrated.size() - 5) + " more";
    return Error(ErrorKind::invalid_input,
                 std::to_string(unrated.size()) + " claim" + (unrated.size() == 1 ? " has" : "s have") +
                     " no rating: " + list + "; rate them (`provcheck claim add ... --rating LABEL`, or \"rating\" in "
                     "the claims file) or pass --skip-unrated to export only the rated ones");
  }
  if (!unrated.empty()) notes.push_back("left out " + std::to_string(unrated.size()) + " unrated claim" + (unrated.size() == 1 ? "" : "s"));
  PC_ASSIGN_OR_RETURN(CommandOutput out,
                      finish(report::render_claim_reviews(reviewed, o.jsonl), o,
                             std::to_string(reviewed.size()) + " ClaimReview" + (reviewed.size() == 1 ? "" : "s")));
  out.notes.insert(out.notes.begin(), notes.begin(), notes.end());
  return out;
}

util::Result<CommandOutput> export_warc(const workspace::Workspace& ws, const ExportOptions& o,
                                        const std::map<std::string, workspace::SourceEntry>& sources) {
  std::vector<std::string> raws;
  std::vector<const workspace::SourceEntry*> chosen;
  std::vector<std::string> notes;
  for (const auto& [id, e] : sources) {
    if (core::source_web_url(e.meta).empty()) {
      notes.push_back(id + ": no http(s) URL, left out of the WARC file (a web archive indexes records by URL)");
      continue;
    }
    PC_ASSIGN_OR_RETURN(std::string raw, util::read_file(ws.absolute(e.content)));
    raws.push_back(std::move(raw));
    chosen.push_back(&e);
  }
  std::vector<report::WarcSource> records;
  for (std::size_t i = 0; i < chosen.size(); ++i) records.push_back({&chosen[i]->meta, std::move(raws[i])});
  std::string software = std::string("provcheck/") + PROVCHECK_VERSION;
  PC_ASSIGN_OR_RETURN(CommandOutput out, finish(report::render_warc(records, software), o,
                                                std::to_string(records.size()) + " source" +
                                                    (records.size() == 1 ? "" : "s") + " as WARC records"));
  out.notes = std::move(notes);
  return out;
}

}  // namespace

util::Result<CommandOutput> export_workspace(const GlobalOptions& g, const ExportOptions& o) {
  if (o.format != "annotation" && o.format != "claimreview" && o.format != "warc") {
    return Error(ErrorKind::invalid_input, "--format '" + o.format + "': choose annotation, claimreview or warc");
  }
  if (o.jsonl && o.format == "warc") return Error(ErrorKind::invalid_input, "--jsonl: WARC is not JSON; leave it out");
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(s.ws));
  PC_ASSIGN_OR_RETURN(auto entries, workspace::list_sources(s.ws));
  std::map<std::string, workspace::SourceEntry> sources;
  for (auto& e : entries) sources.emplace(e.meta.id, std::move(e));
  if (o.format == "annotation") return export_annotations(s, o, files, sources);
  if (o.format == "claimreview") return export_claim_reviews(s.ws, o, files, sources);
  return export_warc(s.ws, o, sources);
}

}  // namespace provcheck::app
