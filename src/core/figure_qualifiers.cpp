#include "core/figure_qualifiers.h"

#include <limits>

#include "core/figure_text.h"

namespace provcheck::core::figure_parse {
namespace {

using namespace figure_text;

constexpr double k_inf = std::numeric_limits<double>::infinity();

struct Phrase {
  std::string_view words;
  Mode mode;
};

// Longest first, so "just over" wins over "over".
constexpr Phrase k_phrases[] = {
    {"as many as", Mode::at_most}, {"as much as", Mode::at_most},   {"no more than", Mode::at_most},
    {"more than", Mode::at_least}, {"less than", Mode::at_most},    {"fewer than", Mode::at_most},
    {"at least", Mode::at_least},  {"up to", Mode::at_most},         {"close to", Mode::below},
    {"just over", Mode::at_least}, {"well over", Mode::at_least},   {"just under", Mode::below},
    {"upwards of", Mode::at_least}, {"in excess of", Mode::at_least}, {"some", Mode::around},
    {"about", Mode::around},       {"around", Mode::around},         {"roughly", Mode::around},
    {"approximately", Mode::around}, {"approx", Mode::around},       {"circa", Mode::around},
    {"estimated", Mode::around},   {"almost", Mode::below},          {"nearly", Mode::below},
    {"over", Mode::at_least},      {"under", Mode::at_most},
};

}  // namespace

Mode qualifier_mode(std::string_view words) {
  for (const Phrase& p : k_phrases)
    if (eq_ci(words, p.words)) return p.mode;
  return Mode::none;
}

Qualifier qualifier_before(std::string_view t, std::size_t start, std::size_t floor) {
  // Up to three words before `start`, nearest last.
  Span words[3];
  std::size_t n = 0, p = start;
  while (n < 3) {
    Span w = prev_word(t, p);
    if (w.empty() || w.b < floor) break;
    if (w.b > 0 && (is_alnum(at(t, w.b - 1)))) break;
    words[n++] = w;
    p = w.b;
  }
  if (n == 0) return {};
  // Most figures have no qualifier: turn them away on the nearest word.
  std::string_view nearest = sv(t, words[0]);
  bool candidate = false;
  for (std::string_view last : {"than", "least", "to", "as", "over", "under", "of", "some", "about", "around",
                                "roughly", "approximately", "approx", "circa", "estimated", "almost", "nearly"})
    if (nearest.size() == last.size() && eq_ci(nearest, last)) candidate = true;
  if (!candidate) return {};
  for (const Phrase& ph : k_phrases) {
    // Compare word by word from the nearest, without building strings.
    std::string_view rest = ph.words;
    std::size_t i = 0;
    bool ok = true;
    while (ok && !rest.empty()) {
      std::size_t sp = rest.rfind(' ');
      std::string_view last = sp == std::string_view::npos ? rest : rest.substr(sp + 1);
      ok = i < n && eq_ci(sv(t, words[i]), last);
      rest = sp == std::string_view::npos ? std::string_view{} : rest.substr(0, sp);
      ++i;
    }
    if (!ok) continue;
    std::string joined(ph.words);
    return {ph.mode, joined};
  }
  return {};
}

void apply_qualifier(const Qualifier& q, Figure& f) {
  if (q.mode == Mode::none) return;
  f.approx = q.words;
  switch (q.mode) {
    case Mode::around:
      f.low *= 0.9;
      f.high *= 1.1;
      break;
    case Mode::below:
      f.low *= 0.9;
      break;
    case Mode::at_least:
      f.high = k_inf;
      break;
    case Mode::at_most:
      f.low = -k_inf;
      break;
    case Mode::none:
      break;
  }
}

}  // namespace provcheck::core::figure_parse
