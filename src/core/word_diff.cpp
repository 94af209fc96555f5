#include "core/word_diff.h"

#include <algorithm>
#include <vector>

namespace provcheck::core {
namespace {

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && !(s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r')) ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// One piece of a word diff: a word both sides share (del and ins empty), or
// a change (the words removed and the words put in their place).
struct Piece {
  std::string same, del, ins;
  bool changed() const { return !del.empty() || !ins.empty(); }
  std::string render() const {
    if (!changed()) return same;
    std::string out;
    if (!del.empty()) out += "[-" + del + "-]";
    if (!ins.empty()) out += "{+" + ins + "+}";
    return out;
  }
};

void append_word(std::string& to, std::string_view w) {
  if (!to.empty()) to += ' ';
  to += w;
}

std::vector<Piece> pieces(std::string_view old_text, std::string_view new_text) {
  std::vector<std::string_view> a = words(old_text), b = words(new_text);
  // The words both sides start and end with need no table: a long paragraph
  // with one word changed costs a scan, not a table of its whole length.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail]) ++tail;
  std::vector<Piece> out;
  for (std::size_t i = 0; i < head; ++i) out.push_back({std::string(a[i]), "", ""});
  const std::size_t n = a.size() - head - tail, m = b.size() - head - tail;
  // Longest common subsequence of the middle words, capped so the table stays small.
  constexpr std::size_t k_max_words = 600;
  if (n > k_max_words || m > k_max_words) {
    Piece p;
    for (std::size_t i = 0; i < n; ++i) append_word(p.del, a[head + i]);
    for (std::size_t j = 0; j < m; ++j) append_word(p.ins, b[head + j]);
    out.push_back(std::move(p));
  } else {
    std::vector<std::vector<unsigned>> l(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t j = m; j-- > 0;) {
        l[i][j] = a[head + i] == b[head + j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
      }
    }
    Piece change;
    auto flush = [&] {
      if (change.changed()) out.push_back(std::move(change));
      change = Piece{};
    };
    std::size_t i = 0, j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[head + i] == b[head + j]) {
        flush();
        out.push_back({std::string(a[head + i]), "", ""});
        ++i;
        ++j;
      } else if (j < m && (i == n || l[i][j + 1] >= l[i + 1][j])) {
        append_word(change.ins, b[head + j++]);
      } else {
        append_word(change.del, a[head + i++]);
      }
    }
    flush();
  }
  for (std::size_t i = a.size() - tail; i < a.size(); ++i) out.push_back({std::string(a[i]), "", ""});
  return out;
}

}  // namespace

std::string word_diff(std::string_view old_text, std::string_view new_text) {
  std::string out;
  for (const Piece& p : pieces(old_text, new_text)) {
    if (!out.empty()) out += ' ';
    out += p.render();
  }
  return out;
}

std::string word_diff_in_context(std::string_view old_text, std::string_view new_text, std::size_t context) {
  std::vector<Piece> ps = pieces(old_text, new_text);
  std::vector<bool> keep(ps.size(), false);
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (!ps[i].changed()) continue;
    std::size_t lo = i > context ? i - context : 0;
    std::size_t hi = std::min(ps.size(), i + context + 1);
    for (std::size_t k = lo; k < hi; ++k) keep[k] = true;
  }
  std::string out;
  bool gap = false;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    if (!keep[i]) {
      gap = true;
      continue;
    }
    if (gap) out += out.empty() ? "..." : " ...";
    gap = false;
    if (!out.empty()) out += ' ';
    out += ps[i].render();
  }
  if (gap && !out.empty()) out += " ...";
  return out;
}

}  // namespace provcheck::core
