#include "core/passages.h"

namespace provcheck::core {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// [b, e) without leading and trailing whitespace; empty when only whitespace.
Span trim(std::string_view t, std::size_t b, std::size_t e) {
  while (b < e && space(t[b])) ++b;
  while (e > b && space(t[e - 1])) --e;
  return {b, e};
}

// Ends of sentences inside [b, e): after '.', '!' or '?' (and closing quotes
// or brackets) followed by whitespace.
std::vector<std::size_t> sentence_ends(std::string_view t, std::size_t b, std::size_t e) {
  std::vector<std::size_t> out;
  for (std::size_t i = b; i < e; ++i) {
    char c = t[i];
    if (c != '.' && c != '!' && c != '?') continue;
    std::size_t j = i + 1;
    while (j < e && (t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == ']')) ++j;
    if (j < e && space(t[j])) out.push_back(j);
  }
  out.push_back(e);
  return out;
}

void split_long(std::string_view t, Span p, std::vector<Span>& out) {
  std::size_t start = p.start;
  std::size_t last_end = p.start;
  for (std::size_t end : sentence_ends(t, p.start, p.end)) {
    if (end - start > k_passage_target_bytes && last_end > start) {
      Span s = trim(t, start, last_end);
      if (s.end > s.start) out.push_back(s);
      start = last_end;
    }
    // A single sentence longer than the maximum is cut at a space.
    while (end - start > k_passage_max_bytes) {
      std::size_t cut = start + k_passage_target_bytes;
      while (cut < end && !space(t[cut])) ++cut;
      Span s = trim(t, start, cut);
      if (s.end > s.start) out.push_back(s);
      start = cut;
    }
    last_end = end;
  }
  Span s = trim(t, start, p.end);
  if (s.end > s.start) out.push_back(s);
}

}  // namespace

std::vector<Span> split_passages(std::string_view t) {
  std::vector<Span> out;
  std::size_t para_start = 0;
  std::size_t i = 0;
  auto flush = [&](std::size_t end) {
    Span p = trim(t, para_start, end);
    if (p.end <= p.start) return;
    if (p.end - p.start > k_passage_max_bytes) split_long(t, p, out);
    else out.push_back(p);
  };
  while (i < t.size()) {
    std::size_t nl = t.find('\n', i);
    if (nl == std::string_view::npos) break;
    // A blank line (only whitespace) ends the paragraph.
    std::size_t next = nl + 1;
    std::size_t k = next;
    while (k < t.size() && t[k] != '\n' && space(t[k])) ++k;
    if (k < t.size() && t[k] == '\n') {
      flush(nl);
      while (k < t.size() && space(t[k])) ++k;
      para_start = k;
      i = k;
      continue;
    }
    i = next;
  }
  flush(t.size());
  return out;
}

}  // namespace provcheck::core
