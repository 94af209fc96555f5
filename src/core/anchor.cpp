#include "core/anchor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include "core/anchor_stages.h"
#include "core/anchor_variants.h"
#include "core/fuzzy_match.h"
#include "core/text_search.h"

namespace provcheck::core {

const NormalizedText& SourceView::normalized() {
  if (!m_normalized) m_normalized = normalize_with_map(m_bytes);
  return *m_normalized;
}

int SourceView::line_of(std::uint64_t offset) {
  if (!m_newlines_built) {
    for (const char* p = m_bytes.data(); (p = static_cast<const char*>(
                                               std::memchr(p, '\n', static_cast<std::size_t>(m_bytes.data() + m_bytes.size() - p))));
         ++p) {
      m_newlines.push_back(static_cast<std::uint32_t>(p - m_bytes.data()));
    }
    m_newlines_built = true;
  }
  auto below = std::lower_bound(m_newlines.begin(), m_newlines.end(),
                                static_cast<std::uint32_t>(std::min<std::uint64_t>(offset, m_bytes.size())));
  return 1 + static_cast<int>(below - m_newlines.begin());
}

namespace anchor_stages {

// The thresholds of the judgement running on this thread (judge_citation
// sets them for its duration), so that the stages below need not pass them
// through every call.
thread_local const AnchorThresholds* t_thresholds = nullptr;

const AnchorThresholds& th() {
  static const AnchorThresholds defaults;
  return t_thresholds ? *t_thresholds : defaults;
}


std::size_t common_suffix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[a.size() - 1 - n] == b[b.size() - 1 - n]) ++n;
  return n;
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// The citation's prefix and suffix normalized, computed once per citation
// (a judgement asks for them for every candidate): the last one is kept per
// thread, keyed by the raw strings themselves.

const NormalizedContext& normalized_context(const Citation& c) {
  thread_local NormalizedContext cache;
  thread_local bool filled = false;
  if (!filled || cache.raw_prefix != c.prefix || cache.raw_suffix != c.suffix) {
    cache = {c.prefix, c.suffix, normalize(c.prefix), normalize(c.suffix)};
    filled = true;
  }
  return cache;
}

// Agreement of the stored context with the text around [begin, end), 0..1,
// compared after normalization so that reflowed context still agrees.
double context_score(std::string_view text, std::uint64_t begin, std::uint64_t end, const Citation& c) {
  const NormalizedContext& pinned = normalized_context(c);
  const std::string& want_pre = pinned.prefix;
  const std::string& want_suf = pinned.suffix;
  std::string have_pre = normalize(context_before(text, begin, k_context_chars * 2));
  std::string have_suf = normalize(context_after(text, end, k_context_chars * 2));
  auto part = [](std::size_t common, std::size_t want, bool have_empty) {
    if (want == 0) return have_empty ? 1.0 : 0.5;  // document edge: agrees only at the edge
    return static_cast<double>(common) / static_cast<double>(want);
  };
  double pre = part(common_suffix(want_pre, have_pre), want_pre.size(), have_pre.empty());
  double suf = part(common_prefix(want_suf, have_suf), want_suf.size(), have_suf.empty());
  return (pre + suf) / 2.0;
}

// What became of the old frame (end of prefix ... start of suffix) at the
// quote's old place:
//   closed  prefix and suffix now meet with (almost) nothing between: the
//           passage was cut out there, which is what a move looks like;
//   edited  other words stand between them (besides a copy of the quote,
//           when the copy sits inside the frame next to new words): the
//           passage was edited in place, so a copy elsewhere, or a stale
//           copy beside the edit, is not where it went;
//   unknown the frame is gone too, or there is too little context to tell.
// The same few words of context may recur elsewhere in a long article, so
// where the frame is found more than once, the one nearest the quote's old
// place decides. At a document edge the edge is the frame.
//   stale_beside_edit: edited, and the frame also holds an exact copy of the
//           quote, either beside a close match of it (the passage was
//           corrected in place and the old words kept next to it, in a
//           summary box), or in another paragraph than the side of the frame
//           it shared a paragraph with (the passage was rewritten and the
//           old words kept in a box below or above it); the copy is never
//           where the passage went, whatever its context.

bool blank_line_in(std::string_view raw) {
  std::size_t nl = raw.find('\n');
  while (nl != std::string_view::npos) {
    std::size_t next = raw.find('\n', nl + 1);
    if (next == std::string_view::npos) return false;
    if (raw.substr(nl + 1, next - nl - 1).find_first_not_of(" \t\r") == std::string_view::npos) return true;
    nl = next;
  }
  return false;
}

// The quote shared a paragraph with its prefix (or suffix) when pinned, and
// now a paragraph break separates that side of the frame from the copy.
// Positions are in the normalized text: [frame_begin, copy_begin) and
// [copy_end, frame_end).
bool split_from_its_paragraph(SourceView& src, const Citation& c, std::size_t frame_begin, std::size_t copy_begin,
                              std::size_t copy_end, std::size_t frame_end) {
  const NormalizedText& n = src.normalized();
  // Whitespace at a frame's edge is not in the normalized text: widen to the raw neighbours.
  auto raw_gap = [&](std::size_t b, std::size_t e) -> std::string_view {
    std::uint64_t rb = b == 0 ? 0 : n.end[b - 1];
    std::uint64_t re = e >= n.text.size() ? src.bytes().size() : n.begin[e];
    return re > rb ? src.bytes().substr(rb, re - rb) : std::string_view();
  };
  bool pre_same_paragraph = !c.prefix.empty() && !blank_line_in(c.prefix.substr(c.prefix.find_last_not_of(" \t\r\n") + 1));
  bool suf_same_paragraph = !c.suffix.empty() && !blank_line_in(c.suffix.substr(0, c.suffix.find_first_not_of(" \t\r\n")));
  return (pre_same_paragraph && blank_line_in(raw_gap(frame_begin, copy_begin))) ||
         (suf_same_paragraph && blank_line_in(raw_gap(copy_end, frame_end)));
}

// `copy_at`: the original byte offset of the copy being judged, when there
// is one; otherwise the first copy of the quote inside a frame counts.
// Whether raw[b, e) holds a blank line, or reaches the document's edge, going
// outwards from a quote edge over whitespace only.
bool paragraph_edge_before(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\r' || text[i - 1] == '\n')) --i;
  return i == 0 || blank_line_in(text.substr(i, at - i));
}

bool paragraph_edge_after(std::string_view text, std::size_t at) {
  std::size_t i = at;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) ++i;
  return i == text.size() || blank_line_in(text.substr(at, i - at));
}

// The copy does not stand where the quote stood in its paragraph: the quote
// was a whole paragraph (or began or ended one) and the copy is not, or the
// other way round. A paragraph inserted before a passage leaves this as it
// was; a box that repeats the old words after a label does not.
bool paragraph_edges_changed(SourceView& src, const Citation& c, std::uint64_t copy_begin, std::uint64_t copy_end) {
  // At the document's edge there is no paragraph to compare: a line added
  // above a first line is not a box.
  bool start_changed = !c.prefix.empty() && paragraph_edge_before(c.prefix, c.prefix.size()) !=
                                               paragraph_edge_before(src.bytes(), copy_begin);
  bool end_changed = !c.suffix.empty() && paragraph_edge_after(c.suffix, 0) != paragraph_edge_after(src.bytes(), copy_end);
  return start_changed || end_changed;
}

Frame frame_state(SourceView& src, const Citation& c, std::string_view nquote, std::optional<std::uint64_t> copy_at) {
  std::string pre = normalized_context(c).prefix;
  std::string suf = normalized_context(c).suffix;
  pre = pre.substr(pre.size() - std::min<std::size_t>(pre.size(), 24));
  suf = suf.substr(0, std::min<std::size_t>(suf.size(), 24));
  if (pre.size() + suf.size() < 12) return Frame::unknown;  // too little context to recognise the place
  const std::string& text = src.normalized().text;
  std::size_t max_gap = nquote.size() * 3 + 160;
  std::size_t min_between = std::max<std::size_t>(4, nquote.size() / 4);
  std::vector<std::size_t> starts;
  if (pre.empty()) starts.push_back(0);
  else for (std::size_t at : find_all(text, pre, 64)) starts.push_back(at + pre.size());
  const std::vector<std::uint32_t>& map = src.normalized().begin;
  const auto expected = static_cast<std::size_t>(
      std::lower_bound(map.begin(), map.end(), static_cast<std::uint32_t>(std::min<std::uint64_t>(c.start, UINT32_MAX))) -
      map.begin());
  std::optional<std::size_t> copy_norm;
  if (copy_at) {
    copy_norm = static_cast<std::size_t>(
        std::lower_bound(map.begin(), map.end(), static_cast<std::uint32_t>(std::min<std::uint64_t>(*copy_at, UINT32_MAX))) -
        map.begin());
  }
  Frame out = Frame::unknown;
  std::size_t nearest = SIZE_MAX;
  auto consider = [&](Frame f, std::size_t at) {
    std::size_t dist = at > expected ? at - expected : expected - at;
    if (dist < nearest) {
      nearest = dist;
      out = f;
    }
  };
  for (std::size_t from : starts) {
    std::size_t window = std::min(max_gap + suf.size(), text.size() - from);
    std::string_view tail = std::string_view(text).substr(from, window);
    std::size_t s = suf.empty() ? (from + window == text.size() ? window : std::string_view::npos) : tail.find(suf);
    if (s == std::string_view::npos) continue;
    std::string_view between = tail.substr(0, s);
    std::size_t copy = std::string_view::npos;
    if (!copy_norm) copy = between.find(nquote);
    else if (*copy_norm >= from && *copy_norm + nquote.size() <= from + between.size()) copy = *copy_norm - from;
    std::size_t other = 0;  // bytes of words between, the copy aside
    for (std::size_t i = 0; i < between.size(); ++i) {
      if (copy != std::string_view::npos && i >= copy && i < copy + nquote.size()) continue;
      if (between[i] != ' ') ++other;
    }
    if (copy == std::string_view::npos && other < 4) {
      consider(Frame::closed, from);
    } else if (other >= min_between) {
      bool beside = false;
      if (copy != std::string_view::npos) {
        std::string rest = std::string(between.substr(0, copy)) + " " + std::string(between.substr(copy + nquote.size()));
        Alignment a = Pattern(nquote).align_in_window(rest, 0, rest.size());
        double similarity = 1.0 - static_cast<double>(a.distance) / static_cast<double>(std::max<std::size_t>(nquote.size(), 1));
        // The paragraph evidence is weaker: only where the frame is at the
        // old place itself, not at a recurrence of its words elsewhere.
        bool at_old_place = (from > expected ? from - expected : expected - from) <= 2 * k_context_chars;
        const NormalizedText& n = src.normalized();
        auto raw = n.to_original(from + copy, from + copy + nquote.size());
        beside = (a.distance > 0 && similarity >= th().fuzzy_similar) ||
                 (at_old_place && (split_from_its_paragraph(src, c, from, from + copy, from + copy + nquote.size(), from + s) ||
                                   paragraph_edges_changed(src, c, raw.begin, raw.end)));
      }
      consider(beside ? Frame::stale_beside_edit : Frame::edited, from);
    }
  }
  return out;
}

struct Choice {
  enum Kind { none, unique, ambiguous } kind = none;
  Candidate best{};
  int tied = 0;
};

// Among several copies none of whose context fits exactly (the stored
// prefix or suffix has a typo: "every-thing", "nout"), the one whose
// surroundings are nearest the stored context by edit distance, when it is
// near and wins by a clear margin; nullopt otherwise (then: ambiguous).
std::optional<Candidate> nearest_by_edits(SourceView& src, const std::vector<Candidate>& cands, const Citation& c,
                                          std::string_view nquote) {
  const NormalizedContext& pinned = normalized_context(c);
  double total = static_cast<double>(anchor_variants::despace(pinned.prefix).size() +
                                     anchor_variants::despace(pinned.suffix).size());
  if (total < 8 || cands.size() < 2) return std::nullopt;
  std::vector<std::pair<std::size_t, std::size_t>> d;  // distance, index
  for (std::size_t i = 0; i < cands.size(); ++i)
    d.push_back({anchor_variants::context_distance(src.bytes(), cands[i].begin, cands[i].end, pinned.prefix,
                                                   pinned.suffix),
                 i});
  std::sort(d.begin(), d.end());
  double best = static_cast<double>(d[0].first), second = static_cast<double>(d[1].first);
  if (best > 0.25 * total || second - best < std::max(3.0, 0.15 * total)) return std::nullopt;
  Candidate k = cands[d[0].second];
  if (frame_state(src, c, nquote, k.begin) == Frame::stale_beside_edit) return std::nullopt;
  k.context = 1.0 - best / total;
  return k;
}

Choice choose(SourceView& src, std::vector<Candidate>& cands, const Citation& c, std::string_view nquote) {
  Choice out;
  if (cands.empty()) return out;
  for (Candidate& k : cands) k.context = context_score(src.bytes(), k.begin, k.end, c);
  std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) { return a.context > b.context; });
  const Candidate& top = cands.front();
  int tied = 0;
  for (const Candidate& k : cands) {
    if (std::fabs(k.context - top.context) < 1e-9) ++tied;
  }
  out.best = top;
  out.tied = tied;
  if (cands.size() > 1 && (tied > 1 || top.context < th().context_accept)) {
    if (std::optional<Candidate> k = nearest_by_edits(src, cands, c, nquote)) {
      out.best = *k;
      out.tied = 1;
      out.kind = Choice::unique;
      return out;
    }
  }
  // Several equally good places are ambiguous only when each one's context
  // really fits; copies whose context does not fit are old words elsewhere.
  if (tied > 1) {
    out.kind = top.context >= th().context_accept ? Choice::ambiguous : Choice::none;
    return out;
  }
  bool accept = top.context >= th().context_accept;
  if (top.context < 1.0 && (accept || cands.size() == 1)) {
    Frame f = frame_state(src, c, nquote, top.begin);
    if (f == Frame::stale_beside_edit) {
      accept = false;
    } else if (!accept && cands.size() == 1) {
      accept = f == Frame::closed || (f == Frame::unknown && (top.context >= th().context_unique_accept ||
                                                              nquote.size() >= th().distinctive_quote_bytes));
    }
  }
  out.kind = accept ? Choice::unique : Choice::none;
  return out;
}

std::string where(SourceView& src, std::uint64_t b, std::uint64_t e) {
  return "bytes " + std::to_string(b) + "-" + std::to_string(e) + " (line " + std::to_string(src.line_of(b)) + ")";
}

Verdict ambiguous_verdict(std::string_view text, const std::vector<Candidate>& cands, int tied) {
  Verdict v;
  v.status = CitationStatus::ambiguous;
  v.similarity = 1.0;
  v.message = "the quote now occurs at " + std::to_string(tied) + " places whose context fits equally well (";
  for (int i = 0; i < tied && i < 5; ++i) {
    if (i) v.message += ", ";
    v.message += "line " + std::to_string(line_of(text, cands[static_cast<std::size_t>(i)].begin));
  }
  v.message += "); provcheck will not guess: quote more context and accept the new pin";
  return v;
}

// Picks among candidate places; a found place becomes a verdict of
// `status` (moved or normalized), a tie an ambiguous one. When every copy is
// rejected, they are added to `rejected` and there is no verdict.
std::optional<Verdict> decide(SourceView& src, std::vector<Candidate>& cands, const Citation& c,
                              std::string_view nquote, CitationStatus status, std::vector<Candidate>& rejected) {
  if (cands.empty()) return std::nullopt;
  Choice ch = choose(src, cands, c, nquote);
  if (ch.kind == Choice::ambiguous) return ambiguous_verdict(src.bytes(), cands, ch.tied);
  if (ch.kind == Choice::none) {
    rejected.insert(rejected.end(), cands.begin(), cands.end());
    return std::nullopt;
  }
  Verdict v;
  v.status = status;
  v.found_start = ch.best.begin;
  v.found_end = ch.best.end;
  v.similarity = 1.0;
  v.context_score = ch.best.context;
  std::string place = where(src, ch.best.begin, ch.best.end);
  if (status == CitationStatus::moved) {
    v.message = "moved from bytes " + std::to_string(c.start) + "-" + std::to_string(c.end) + " to " + place;
  } else {
    v.new_passage = std::string(src.bytes().substr(ch.best.begin, ch.best.end - ch.best.begin));
    v.message = "same text after normalizing whitespace, line breaks or typography, at " + place;
  }
  return v;
}

std::optional<Verdict> exact_elsewhere(SourceView& src, const Citation& c, std::string_view nquote,
                                       std::vector<Candidate>& rejected) {
  std::vector<Candidate> cands;
  for (std::size_t at : find_all(src.bytes(), c.quote, 1000)) cands.push_back({at, at + c.quote.size()});
  return decide(src, cands, c, nquote, CitationStatus::moved, rejected);
}

std::optional<Verdict> normalized_match(SourceView& src, const Citation& c, std::string_view nquote,
                                        std::vector<Candidate>& rejected) {
  const NormalizedText& norm = src.normalized();
  std::vector<Candidate> cands;
  for (std::size_t at : find_all(norm.text, nquote, 1000)) {
    auto span = norm.to_original(at, at + nquote.size());
    if (!cands.empty() && cands.back().begin == span.begin) continue;
    cands.push_back({span.begin, span.end});
  }
  return decide(src, cands, c, nquote, CitationStatus::normalized, rejected);
}

// The text layer lost or gained spaces between words ("NetherfieldParkis"):
// the very same letters, found with spaces ignored, are the passage.
std::optional<Verdict> spaceless_match(SourceView& src, const Citation& c, std::string_view nquote,
                                       std::vector<Candidate>& rejected) {
  std::vector<Candidate> cands;
  for (const anchor_variants::Span& s : anchor_variants::spaceless_matches(src.normalized(), nquote, 1000))
    cands.push_back({s.begin, s.end});
  if (cands.size() == 1) {
    const Candidate& k = cands.front();
    Verdict v;
    v.status = CitationStatus::normalized;
    v.found_start = k.begin;
    v.found_end = k.end;
    v.similarity = 1.0;
    v.context_score = context_score(src.bytes(), k.begin, k.end, c);
    v.new_passage = std::string(src.bytes().substr(k.begin, k.end - k.begin));
    v.message = "same words once the spaces between them are ignored (the text layer lost or gained spaces), at " +
                where(src, k.begin, k.end);
    return v;
  }
  return decide(src, cands, c, nquote, CitationStatus::normalized, rejected);
}

}  // namespace anchor_stages

using namespace anchor_stages;

bool set_threshold(AnchorThresholds& t, std::string_view name, double value) {
  if (name == "context_accept") t.context_accept = value;
  else if (name == "context_unique_accept") t.context_unique_accept = value;
  else if (name == "distinctive_quote_bytes") t.distinctive_quote_bytes = static_cast<std::size_t>(value);
  else if (name == "fuzzy_budget") t.fuzzy_budget = value;
  else if (name == "fuzzy_similar") t.fuzzy_similar = value;
  else if (name == "fuzzy_context") t.fuzzy_context = value;
  else if (name == "fuzzy_alone") t.fuzzy_alone = value;
  else if (name == "fuzzy_tie") t.fuzzy_tie = value;
  else if (name == "fuzzy_min_quote") t.fuzzy_min_quote = static_cast<std::size_t>(value);
  else return false;
  return true;
}

std::string threshold_names() {
  return "context_accept, context_unique_accept, distinctive_quote_bytes, fuzzy_budget, fuzzy_similar, "
         "fuzzy_context, fuzzy_alone, fuzzy_tie, fuzzy_min_quote";
}

Verdict judge_citation(SourceView& src, const Citation& c, const AnchorThresholds& thresholds) {
  struct Scope {
    const AnchorThresholds* saved = t_thresholds;
    ~Scope() { t_thresholds = saved; }
  } scope;
  t_thresholds = &thresholds;
  std::string_view text = src.bytes();
  if (c.end >= c.start && c.end <= text.size() && text.substr(c.start, c.end - c.start) == c.quote) {
    return intact_verdict(c);
  }
  std::string nquote = normalize(c.quote);
  std::vector<Candidate> rejected;  // copies of the old words turned down for their place
  if (auto v = exact_elsewhere(src, c, nquote, rejected)) return *v;
  // Even when an exact copy was rejected, the passage may have been reflowed
  // in place: the normalized stage weighs all candidates by context again.
  if (auto v = normalized_match(src, c, nquote, rejected)) return *v;
  if (auto v = spaceless_match(src, c, nquote, rejected)) return *v;
  if (auto v = fuzzy_stage(src, c, nquote, rejected)) return *v;
  Verdict v;
  v.status = CitationStatus::missing;
  v.message = !rejected.empty()
                  ? "the passage at its pinned place changed; a copy of the old words elsewhere has other context "
                    "and was not taken as the same passage"
                  : "the quoted passage is no longer in the source";
  return v;
}

Verdict intact_verdict(const Citation& c) {
  Verdict v;
  v.status = CitationStatus::intact;
  v.found_start = c.start;
  v.found_end = c.end;
  v.similarity = 1.0;
  v.context_score = 1.0;
  return v;
}

Verdict source_missing_verdict(const std::string& why) {
  Verdict v;
  v.status = CitationStatus::source_missing;
  v.message = why;
  return v;
}

}  // namespace provcheck::core
