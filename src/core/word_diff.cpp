#include "core/word_diff.h"

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

}  // namespace

std::string word_diff(std::string_view old_text, std::string_view new_text) {
  std::vector<std::string_view> a = words(old_text), b = words(new_text);
  // Longest common subsequence of words; passages are short (a quote), and
  // very long ones are capped so the table stays small.
  constexpr std::size_t k_max_words = 600;
  if (a.size() > k_max_words || b.size() > k_max_words) {
    return "[-" + std::string(old_text) + "-]{+" + std::string(new_text) + "+}";
  }
  std::vector<std::vector<unsigned>> l(a.size() + 1, std::vector<unsigned>(b.size() + 1, 0));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      l[i][j] = a[i] == b[j] ? l[i + 1][j + 1] + 1 : std::max(l[i + 1][j], l[i][j + 1]);
    }
  }
  std::string out, del, ins;
  auto flush = [&] {
    if (!del.empty()) out += (out.empty() ? "" : " ") + std::string("[-") + del + "-]";
    if (!ins.empty()) out += (out.empty() || !del.empty() ? (del.empty() ? " " : "") : " ") + std::string("{+") + ins + "+}";
    del.clear();
    ins.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      flush();
      out += (out.empty() ? "" : " ") + std::string(a[i]);
      ++i;
      ++j;
    } else if (j < b.size() && (i == a.size() || l[i][j + 1] >= l[i + 1][j])) {
      ins += (ins.empty() ? "" : " ") + std::string(b[j++]);
    } else {
      del += (del.empty() ? "" : " ") + std::string(a[i++]);
    }
  }
  flush();
  return out;
}

}  // namespace provcheck::core
