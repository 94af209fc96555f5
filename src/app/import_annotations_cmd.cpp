// `provcheck import annotations`: each annotation becomes a claim request
// for the source its target names, with the occurrence of a repeated quote
// chosen by the annotation's position selector, else by its context; then
// they are all added through claim add's code path (all or nothing).

#include <algorithm>
#include <map>

#include "app/claims_cmd.h"
#include "app/exchange_cmd.h"
#include "core/normalize.h"
#include "core/quote.h"
#include "core/text_search.h"
#include "report/exchange.h"
#include "util/file_io.h"
#include "util/utf8.h"
#include "workspace/annotations.h"
#include "workspace/sources.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

namespace {

// A URL as compared for matching: no fragment, scheme and host in lower
// case, no trailing slash on the path.
std::string url_key(std::string url) {
  url = url.substr(0, url.find('#'));
  std::size_t scheme_end = url.find("://");
  std::size_t host_end = scheme_end == std::string::npos ? 0 : url.find('/', scheme_end + 3);
  if (host_end == std::string::npos) host_end = url.size();
  for (std::size_t i = 0; i < host_end; ++i) url[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(url[i])));
  while (url.size() > host_end + 1 && url.back() == '/') url.pop_back();
  if (url.size() == host_end + 1 && url.back() == '/') url.pop_back();
  return url;
}

// Edit distance of two short strings (contexts of a few dozen bytes).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t next = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = row[j];
      row[j] = next;
    }
  }
  return row[b.size()];
}

// How far the text around a candidate is from the annotation's context, 0
// (the same) to 1 (nothing alike), after normalization (white space,
// typography), comparing as much text as the annotation gives.
double context_distance(std::string_view text, std::size_t start, std::size_t end, const std::string& prefix,
                        const std::string& suffix) {
  std::string want_p = core::normalize(prefix), want_s = core::normalize(suffix);
  std::size_t budget = want_p.size() + want_s.size();
  if (budget == 0) return 1.0;
  std::size_t chars_p = util::count_code_points(prefix) + 8, chars_s = util::count_code_points(suffix) + 8;
  std::string have_p = core::normalize(core::context_before(text, start, chars_p));
  std::string have_s = core::normalize(core::context_after(text, end, chars_s));
  if (have_p.size() > want_p.size()) have_p = have_p.substr(have_p.size() - want_p.size());
  if (have_s.size() > want_s.size()) have_s.resize(want_s.size());
  return static_cast<double>(edit_distance(want_p, have_p) + edit_distance(want_s, have_s)) /
         static_cast<double>(budget);
}

struct Candidate {
  int occurrence = 0;
  std::size_t start = 0;
  std::size_t end = 0;
};

// Which copy of a repeated quote the annotation means: the one at its
// position selector; else the one whose surroundings are clearly closest to
// its prefix and suffix (typos allowed); else the one clearly nearest its
// position. An error when none of these decides: provcheck does not guess.
util::Result<int> choose_occurrence(const workspace::AnnotationInput& a, std::string_view text,
                                    const std::string& source_id) {
  auto first = core::resolve_quote(text, a.exact, 1, source_id, "");
  if (!first.ok()) return first.error().with_context(a.origin);
  if (first->matches <= 1) return 1;
  constexpr int k_max_candidates = 500;
  std::vector<Candidate> cands;
  for (int k = 1; k <= std::min(first->matches, k_max_candidates); ++k) {
    auto r = core::resolve_quote(text, a.exact, k, source_id, "");
    if (!r.ok()) return r.error().with_context(a.origin);
    cands.push_back({k, r->citation.start, r->citation.end});
  }
  std::optional<std::size_t> hint;
  if (a.position_start) {
    std::size_t cps = util::count_code_points(text);
    if (*a.position_start < cps) hint = util::byte_offset_of_code_point(text, *a.position_start);
  }
  if (hint) {
    for (const Candidate& c : cands) {
      if (c.start == *hint) return c.occurrence;
    }
  }
  constexpr double k_margin = 0.15;   // the best must beat the next by this share of the context
  constexpr double k_worst = 0.5;     // and be at least half right
  if (!a.prefix.empty() || !a.suffix.empty()) {
    std::vector<std::pair<double, int>> scored;
    for (const Candidate& c : cands) scored.push_back({context_distance(text, c.start, c.end, a.prefix, a.suffix), c.occurrence});
    std::sort(scored.begin(), scored.end());
    if (scored[0].first <= k_worst && scored[1].first - scored[0].first >= k_margin) return scored[0].second;
  }
  if (hint) {
    std::vector<std::pair<std::size_t, int>> near;
    for (const Candidate& c : cands) near.push_back({c.start > *hint ? c.start - *hint : *hint - c.start, c.occurrence});
    std::sort(near.begin(), near.end());
    if (near[0].first * 2 < near[1].first) return near[0].second;
  }
  return Error(ErrorKind::invalid_input,
               a.origin + ": the quote occurs " + std::to_string(first->matches) + " times in source '" + source_id +
                   "' and neither the annotation's position nor its prefix and suffix tell which; pin it with "
                   "`provcheck claim add --source " + source_id + " --quote ... --occurrence N`");
}

// The claim id an exported annotation carries (urn:provcheck:annotation:ID:N).
std::optional<std::string> claim_id_of(const std::string& annotation_id) {
  const std::string head = "urn:provcheck:annotation:";
  if (annotation_id.rfind(head, 0) != 0) return std::nullopt;
  std::string rest = annotation_id.substr(head.size());
  std::size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  return rest.substr(0, colon);
}

}  // namespace

util::Result<CommandOutput> import_annotations(const GlobalOptions& g, const ImportAnnotationsOptions& o) {
  PC_ASSIGN_OR_RETURN(std::string bytes, util::read_file(o.path));
  PC_ASSIGN_OR_RETURN(auto inputs, workspace::parse_annotations(bytes, o.path));
  PC_ASSIGN_OR_RETURN(workspace::Workspace ws, find_workspace(g));
  PC_ASSIGN_OR_RETURN(auto entries, workspace::list_sources(ws));
  std::map<std::string, const workspace::SourceEntry*> by_id, by_url;
  for (const auto& e : entries) {
    by_id[e.meta.id] = &e;
    for (const std::string* u : {&e.meta.url, &e.meta.final_url, &e.meta.capture_url}) {
      if (!u->empty()) by_url.emplace(url_key(*u), &e);
    }
  }
  if (o.source && !by_id.count(*o.source)) {
    return Error(ErrorKind::not_found, "--source '" + *o.source + "': no such source; `provcheck source list` shows the ids");
  }
  std::map<std::string, workspace::LoadedText> texts;
  std::vector<core::ClaimRequest> requests;
  std::map<std::string, std::string> ids_seen;  // claim id -> where first seen
  for (const workspace::AnnotationInput& a : inputs) {
    const workspace::SourceEntry* src = nullptr;
    const std::string urn = report::source_iri("");
    if (a.target.rfind(urn, 0) == 0) {
      auto it = by_id.find(a.target.substr(urn.size()));
      if (it != by_id.end()) src = it->second;
    } else if (auto it = by_url.find(url_key(a.target)); it != by_url.end()) {
      src = it->second;
    }
    if (!src && o.source) src = by_id.at(*o.source);
    if (!src) {
      return Error(ErrorKind::not_found, a.origin + ": no source has the URL '" + a.target +
                                             "'; capture it with `provcheck source add URL`, or name the source "
                                             "the annotations are about with --source ID");
    }
    auto t = texts.find(src->meta.id);
    if (t == texts.end()) {
      PC_ASSIGN_OR_RETURN(workspace::LoadedText lt, workspace::load_text_layer(ws, *src));
      t = texts.emplace(src->meta.id, std::move(lt)).first;
    }
    core::ClaimRequest r;
    r.source = src->meta.id;
    r.quote = a.exact;
    r.origin = a.origin;
    PC_ASSIGN_OR_RETURN(int occurrence, choose_occurrence(a, t->second.text, src->meta.id));
    r.occurrence = occurrence;
    if (auto id = claim_id_of(a.id)) {
      auto [it, fresh] = ids_seen.emplace(*id, a.origin);
      if (!fresh) {
        return Error(ErrorKind::unsupported, a.origin + ": a further citation of claim '" + *id + "' (first at " +
                                                 it->second + "); import takes one citation per claim: import the "
                                                 "first and add the others with `provcheck claim cite`");
      }
      r.id = *id;
    }
    if (!a.text.empty()) r.text = a.text;
    r.assertion = a.assertion;
    r.review = a.review;
    r.tags = a.tags;
    requests.push_back(std::move(r));
  }
  ClaimAddOptions add{std::move(requests), o.to};
  auto out = claim_add(g, add);
  if (out.ok() && add.requests.size() > 20) {
    std::erase_if(out->notes, [](const std::string& n) { return n.rfind("pinned ", 0) == 0; });
    out->notes.insert(out->notes.begin(), "pinned " + std::to_string(add.requests.size()) + " annotations");
  }
  return out;
}

}  // namespace provcheck::app
