#include "core/quote.h"

#include <algorithm>
#include <cstdio>

#include "core/anchor_variants.h"
#include "core/closest.h"
#include "core/normalize.h"
#include "core/text_search.h"
#include "core/word_diff.h"
#include "util/hash.h"
#include "util/utf8.h"

namespace provcheck::core {
namespace {

struct Span {
  std::size_t begin, end;
};

std::vector<Span> exact_matches(std::string_view text, std::string_view quote) {
  std::vector<Span> out;
  for (std::size_t at : find_all(text, quote)) out.push_back({at, at + quote.size()});
  return out;
}

std::vector<Span> normalized_matches(const NormalizedText& norm, std::string_view nquote) {
  std::vector<Span> out;
  for (std::size_t at : find_all(norm.text, nquote)) {
    auto span = norm.to_original(at, at + nquote.size());
    // Drop overlapping duplicates that map to the same original span.
    if (!out.empty() && out.back().begin == span.begin) continue;
    out.push_back({static_cast<std::size_t>(span.begin), static_cast<std::size_t>(span.end)});
  }
  return out;
}

// Where the longest leading part of the normalized quote occurs: a hint
// for "not found" messages.
std::string not_found_hint(std::string_view text, const NormalizedText& norm, std::string_view nquote) {
  std::size_t lo = 0, hi = nquote.size();
  std::size_t best_at = std::string_view::npos;
  while (lo < hi) {  // the largest prefix length that occurs
    std::size_t mid = (lo + hi + 1) / 2;
    std::size_t at = norm.text.find(nquote.substr(0, mid));
    if (at != std::string::npos) {
      lo = mid;
      best_at = at;
    } else {
      hi = mid - 1;
    }
  }
  if (lo < 12 || best_at == std::string_view::npos) {
    return "nothing close to it occurs in the source (no passage is even half the same); check the source id and "
           "the quote";
  }
  auto span = norm.to_original(best_at, best_at + lo);
  std::size_t diverge = span.end;
  std::string quote_rest(nquote.substr(lo, 40));
  return "its first " + std::to_string(lo) + " characters match at line " +
         std::to_string(line_of(text, span.begin)) + ", where the source goes on with \"" +
         excerpt(text, diverge, diverge + 40, 40) + "\" but the quote with \"" + quote_rest + "\"";
}

// The closest passage, its similarity and a word diff against what was typed.
std::string closest_hint(std::string_view text, std::string_view quote, const ClosestPassage& c) {
  std::string passage = one_line_passage(text.substr(c.begin, c.end - c.begin));
  char sim[16];
  std::snprintf(sim, sizeof sim, "%.2f", c.similarity);
  return "the closest passage (similarity " + std::string(sim) + ", line " + std::to_string(line_of(text, c.begin)) +
         ", bytes " + std::to_string(c.begin) + "-" + std::to_string(c.end) + ") is:\n  \"" + passage +
         "\"\n  word diff from the quote to it (after normalization): " + word_diff(normalize(quote), normalize(passage));
}

std::string list_candidates(std::string_view text, const std::vector<Span>& spans) {
  std::string out;
  std::size_t shown = std::min<std::size_t>(spans.size(), 10);
  for (std::size_t i = 0; i < shown; ++i) {
    const Span& s = spans[i];
    std::size_t ctx_b = s.begin >= 30 ? s.begin - 30 : 0;
    out += "\n  " + std::to_string(i + 1) + ") line " + std::to_string(line_of(text, s.begin)) + ", bytes " +
           std::to_string(s.begin) + "-" + std::to_string(s.end) + ": \"" +
           excerpt(text, util::utf8_floor(text, ctx_b), s.end + 30, 110) + "\"";
  }
  if (spans.size() > shown) out += "\n  ... and " + std::to_string(spans.size() - shown) + " more";
  return out;
}

}  // namespace

std::optional<std::string> closest_quote(std::string_view text, std::string_view quote) {
  std::string nquote = normalize(quote);
  NormalizedText norm = normalize_with_map(text);
  auto c = closest_passage(norm, nquote);
  if (!c) return std::nullopt;
  return one_line_passage(text.substr(c->begin, c->end - c->begin));
}

Citation make_citation(std::string_view text, std::size_t begin, std::size_t end, const std::string& source_id,
                       const std::string& snapshot_hash) {
  Citation c;
  c.source = source_id;
  c.quote = std::string(text.substr(begin, end - begin));
  c.prefix = context_before(text, begin);
  c.suffix = context_after(text, end);
  c.start = begin;
  c.end = end;
  c.quote_hash = util::xxh3_64_digest(c.quote);
  c.normalized_hash = normalized_digest(c.quote);
  c.snapshot = snapshot_hash;
  return c;
}

util::Result<QuoteResolution> resolve_quote(std::string_view text, std::string_view quote,
                                            std::optional<int> occurrence, const std::string& source_id,
                                            const std::string& snapshot_hash) {
  using util::Error;
  using util::ErrorKind;
  std::string nquote = normalize(quote);
  if (nquote.empty()) {
    return Error(ErrorKind::invalid_input, "the quote is empty; give the passage of the source that supports the claim");
  }
  bool exact = true;
  std::vector<Span> spans = exact_matches(text, quote);
  std::optional<NormalizedText> norm;
  if (spans.empty()) {
    exact = false;
    norm = normalize_with_map(text);
    spans = normalized_matches(*norm, nquote);
    if (spans.empty()) {  // a text layer that lost or gained spaces between words
      for (const anchor_variants::Span& s : anchor_variants::spaceless_matches(*norm, nquote, 1000))
        spans.push_back({s.begin, s.end});
    }
  }
  if (spans.empty()) {
    auto closest = closest_passage(*norm, nquote);
    return Error(ErrorKind::not_found, "the quote does not occur in source '" + source_id + "', not even after " +
                                           "normalizing whitespace, line breaks, typography and accents: " +
                                           (closest ? closest_hint(text, quote, *closest)
                                                    : not_found_hint(text, *norm, nquote)));
  }
  std::size_t pick = 0;
  if (occurrence) {
    if (*occurrence < 1 || static_cast<std::size_t>(*occurrence) > spans.size()) {
      return Error(ErrorKind::invalid_input,
                   "occurrence " + std::to_string(*occurrence) + " is out of range: the quote occurs " +
                       std::to_string(spans.size()) + " time(s) in source '" + source_id + "'" +
                       list_candidates(text, spans));
    }
    pick = static_cast<std::size_t>(*occurrence - 1);
  } else if (spans.size() > 1) {
    return Error(ErrorKind::invalid_input,
                 "the quote occurs " + std::to_string(spans.size()) + " times in source '" + source_id +
                     "'; pick one with --occurrence N (\"occurrence\" in a JSON line) or quote more context:" +
                     list_candidates(text, spans));
  }
  QuoteResolution r;
  r.citation = make_citation(text, spans[pick].begin, spans[pick].end, source_id, snapshot_hash);
  r.exact = exact;
  r.matches = static_cast<int>(spans.size());
  r.line = line_of(text, spans[pick].begin);
  return r;
}

}  // namespace provcheck::core
