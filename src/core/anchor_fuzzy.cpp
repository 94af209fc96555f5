// The fuzzy stage of anchoring: a close match of a passage whose words
// changed (modified), or whose figures changed (figure_changed), found by
// edit distance near the stored context and judged against the other
// places that resemble it.
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/anchor_stages.h"
#include "core/figure_tokens.h"
#include "core/figures.h"
#include "core/fuzzy_match.h"
#include "core/text_search.h"
#include "core/word_diff.h"

namespace provcheck::core::anchor_stages {
namespace {

struct Close {
  Alignment a;
  std::uint64_t begin, end;  // original bytes
  double similarity, context, score;
};

bool word_byte(char ch) {
  auto u = static_cast<unsigned char>(ch);
  return std::isalnum(u) || u >= 0x80;
}

// The edit distance alone may leave a changed word at the passage's edge
// out ("nment now holds" for "the government now holds"). Where the old
// context still stands next to the match, the passage is what lies between
// it; elsewhere the match is widened to whole words.
Alignment refine(std::string_view text, Alignment a, std::string_view pre, std::string_view suf, std::size_t slack) {
  while (a.begin > 0 && word_byte(text[a.begin - 1]) && word_byte(text[a.begin])) --a.begin;
  while (a.end < text.size() && word_byte(text[a.end - 1]) && word_byte(text[a.end])) ++a.end;
  if (pre.size() >= 4) {
    std::size_t lo = a.begin > slack ? a.begin - slack : 0;
    std::size_t hi = std::min(text.size(), a.begin + pre.size() + 1);
    std::size_t at = text.substr(lo, hi - lo).rfind(pre);
    if (at != std::string_view::npos) {
      std::size_t b = lo + at + pre.size();
      if (b < text.size() && text[b] == ' ') ++b;
      if (b < a.end) a.begin = b;
    }
  }
  if (suf.size() >= 4) {
    std::size_t lo = a.end > suf.size() + 1 ? a.end - suf.size() - 1 : 0;
    std::size_t hi = std::min(text.size(), a.end + slack);
    std::size_t at = text.substr(lo, hi - lo).find(suf);
    if (at != std::string_view::npos) {
      std::size_t e = lo + at;
      if (e > 0 && text[e - 1] == ' ') --e;
      if (e > a.begin) a.end = e;
    }
  }
  return a;
}

std::vector<Close> close_matches(SourceView& src, const Citation& c, std::string_view nquote) {
  const NormalizedText& norm = src.normalized();
  std::size_t m = nquote.size();
  std::size_t budget = static_cast<std::size_t>(static_cast<double>(m) * th().fuzzy_budget);
  std::vector<std::size_t> anchors;
  std::string pre = normalized_context(c).prefix, suf = normalized_context(c).suffix;
  pre = pre.substr(pre.size() - std::min<std::size_t>(pre.size(), 16));
  suf = suf.substr(0, std::min<std::size_t>(suf.size(), 16));
  if (pre.size() >= 8) {
    for (std::size_t at : find_all(norm.text, pre, 16)) anchors.push_back(at + pre.size());
  }
  if (suf.size() >= 8) {
    for (std::size_t at : find_all(norm.text, suf, 16)) anchors.push_back(at > m + 1 ? at - m - 1 : 0);
  }
  std::vector<Close> out;
  const Pattern pattern(nquote);
  for (std::size_t s : candidate_starts(nquote, norm.text, anchors, budget + 8)) {
    std::size_t from = s > budget + 8 ? s - budget - 8 : 0;
    Alignment a = pattern.align_in_window(norm.text, from, s + m + budget + 8);
    // Distance 0 is the exact and normalized stages' business: a copy they
    // turned down is old words elsewhere, not an edit.
    if (a.distance == 0 || a.distance > budget || a.end <= a.begin) continue;
    a = refine(norm.text, a, pre, suf, budget + 16);
    std::string_view found = std::string_view(norm.text).substr(a.begin, a.end - a.begin);
    a.distance = pattern.distance_to(found);
    if (a.distance == 0 || a.distance > budget) continue;
    bool seen = false;
    for (const Close& k : out) seen = seen || (k.a.begin == a.begin && k.a.end == a.end);
    if (seen) continue;
    auto span = norm.to_original(a.begin, a.end);
    double longer = static_cast<double>(std::max(m, a.end - a.begin));
    Close k{a, span.begin, span.end, 1.0 - static_cast<double>(a.distance) / longer, 0, 0};
    k.context = context_score(src.bytes(), span.begin, span.end, c);
    k.score = 0.6 * k.similarity + 0.4 * k.context;
    out.push_back(k);
  }
  std::stable_sort(out.begin(), out.end(), [](const Close& x, const Close& y) { return x.score > y.score; });
  return out;
}

bool acceptable(const Close& k) {
  return (k.similarity >= th().fuzzy_similar && k.context >= th().fuzzy_context) || k.similarity >= th().fuzzy_alone;
}

// The figures of a passage as the extractor reads them, for comparison: kind,
// value (or the date's ISO form), qualifier and vagueness; not the unit (a
// counted noun reworded is an edit of words) nor the span.
std::vector<std::string> figure_signature(std::string_view text) {
  std::vector<std::string> out;
  for (const Figure& f : extract_figures(text)) {
    char value[40];
    std::snprintf(value, sizeof value, "%.12g", f.value);
    out.push_back(std::string(figure_kind_name(f.kind)) + "|" + (f.iso.empty() ? std::string(value) : f.iso) + "|" +
                  f.approx + (f.vague ? "|vague" : ""));
  }
  return out;
}

// Whether a figure changed between two versions of a passage: by the
// figure extractor, or by the figure tokens (numbers with the words right
// around them), whichever sees a difference; a changed figure must never
// pass as a mere rewording.
bool figures_differ_between(std::string_view old_text, std::string_view new_text) {
  return figure_tokens(old_text) != figure_tokens(new_text) || figure_signature(old_text) != figure_signature(new_text);
}

}  // namespace

std::optional<Verdict> fuzzy_stage(SourceView& src, const Citation& c, std::string_view nquote,
                                   const std::vector<Candidate>& rejected) {
  if (nquote.size() < th().fuzzy_min_quote) return std::nullopt;
  std::vector<Close> found = close_matches(src, c, nquote);
  // A close match that is mostly a copy the exact stages turned down is
  // that same copy with an edge trimmed, not an edit of the passage.
  auto is_rejected = [&rejected](const Close& k) {
    for (const Candidate& r : rejected) {
      std::uint64_t lo = std::max(k.begin, r.begin), hi = std::min(k.end, r.end);
      if (hi > lo && 2 * (hi - lo) > k.end - k.begin) return true;
    }
    return false;
  };
  found.erase(std::remove_if(found.begin(), found.end(), is_rejected), found.end());
  if (found.empty()) return std::nullopt;
  // A close match without context is still taken when the passage's old
  // place closed up: it was cut out there and edited where it went.
  if (!acceptable(found[0]) &&
      !(found[0].similarity >= th().fuzzy_similar && frame_state(src, c, nquote) == Frame::closed)) {
    return std::nullopt;
  }
  const Close& best = found[0];
  for (std::size_t i = 1; i < found.size(); ++i) {
    const Close& other = found[i];
    bool apart = other.begin >= best.end || other.end <= best.begin;
    if (apart && acceptable(other) && best.score - other.score < th().fuzzy_tie) {
      Verdict v;
      v.status = CitationStatus::ambiguous;
      v.similarity = best.similarity;
      v.message = "the passage changed, and two places (lines " + std::to_string(src.line_of(best.begin)) +
                  " and " + std::to_string(src.line_of(other.begin)) +
                  ") resemble it equally; provcheck will not guess";
      return v;
    }
  }
  const NormalizedText& norm = src.normalized();
  std::string_view now = std::string_view(norm.text).substr(best.a.begin, best.a.end - best.a.begin);
  bool figures_differ = figures_differ_between(nquote, now);
  Verdict v;
  v.status = figures_differ ? CitationStatus::figure_changed : CitationStatus::modified;
  v.found_start = best.begin;
  v.found_end = best.end;
  v.similarity = best.similarity;
  v.context_score = best.context;
  v.new_passage = std::string(src.bytes().substr(best.begin, best.end - best.begin));
  v.diff = word_diff(c.quote, v.new_passage);
  v.message = (figures_differ ? "a figure in the passage changed, at " : "the passage was reworded, at ") +
              where(src, best.begin, best.end);
  return v;
}

}  // namespace provcheck::core::anchor_stages
