#include "core/figure_tokens.h"

#include <array>
#include <cctype>

namespace provcheck::core {
namespace {

constexpr std::array<std::string_view, 44> k_number_words = {
    "zero",     "one",     "two",     "three",    "four",     "five",     "six",       "seven",   "eight",
    "nine",     "ten",     "eleven",  "twelve",   "thirteen", "fourteen", "fifteen",   "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "thirty",   "forty",    "fifty",    "sixty",     "seventy", "eighty",
    "ninety",   "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
    "dozen",    "dozens",  "half",    "quarter",  "quarters", "third",    "thirds",    "percent"};

constexpr std::array<std::string_view, 19> k_qualifiers = {
    "some",  "about", "around", "roughly", "almost", "nearly", "approximately", "estimated", "over", "under",
    "more",  "less",  "fewer",  "least",   "most",   "only",   "up",            "than",      "close"};

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(const auto& list, std::string_view w) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

// A word made of number words joined by hyphens ("twenty-three", "three-quarters").
bool is_number_word(std::string_view w) {
  std::size_t pos = 0;
  while (pos <= w.size()) {
    std::size_t dash = w.find('-', pos);
    std::string_view part = w.substr(pos, dash == std::string_view::npos ? std::string_view::npos : dash - pos);
    if (!contains(k_number_words, part)) return false;
    if (dash == std::string_view::npos) return true;
    pos = dash + 1;
  }
  return false;
}

}  // namespace

std::vector<std::string> figure_tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string pending_qualifier;  // kept only when a number follows
  std::size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      std::size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) ||
                              ((s[j] == ',' || s[j] == '.') && j + 1 < s.size() &&
                               std::isdigit(static_cast<unsigned char>(s[j + 1]))))) {
        ++j;
      }
      std::string tok(s.substr(i, j - i));
      if (j < s.size() && s[j] == '%') {
        tok += '%';
        ++j;
      }
      if (!pending_qualifier.empty()) out.push_back(pending_qualifier);
      pending_qualifier.clear();
      out.push_back(tok);
      i = j;
      continue;
    }
    if (is_word_char(c)) {
      std::size_t j = i;
      while (j < s.size() && is_word_char(s[j])) ++j;
      std::string w = lower(s.substr(i, j - i));
      if (is_number_word(w)) {
        if (!pending_qualifier.empty()) out.push_back(pending_qualifier);
        pending_qualifier.clear();
        out.push_back(w);
      } else if (contains(k_qualifiers, w) || (w == "to" && !pending_qualifier.empty())) {
        pending_qualifier = pending_qualifier.empty() ? w : pending_qualifier + " " + w;  // "close to", "up to"
      } else if (w.find('-') != std::string::npos) {
        // Figures joined to words: "mid-2015", "four-year", "seven-day", "two-pronged".
        bool any = false;
        std::size_t pos = 0;
        while (pos <= w.size()) {
          std::size_t dash = w.find('-', pos);
          std::string part = w.substr(pos, dash == std::string::npos ? std::string::npos : dash - pos);
          bool digits = !part.empty() && std::isdigit(static_cast<unsigned char>(part[0]));
          if (digits || contains(k_number_words, part)) {
            if (!any && !pending_qualifier.empty()) out.push_back(pending_qualifier);
            out.push_back(part);
            any = true;
          }
          if (dash == std::string::npos) break;
          pos = dash + 1;
        }
        pending_qualifier.clear();
      } else {
        pending_qualifier.clear();
      }
      i = j;
      continue;
    }
    ++i;
  }
  return out;
}

}  // namespace provcheck::core
