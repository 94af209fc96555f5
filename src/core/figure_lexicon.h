#pragma once
// The words the figure extractor knows: number words, scale words, vague
// quantities, ordinals, fractions, months and weekdays, units, qualifiers
// and counted nouns. One table, looked up case-insensitively. Internal to
// core/figure_*.cpp. Pure; the table is built once, thread-safe; never throws.

#include <cstddef>
#include <string_view>

namespace provcheck::core::figure_lexicon {

enum class WordClass : unsigned char {
  none,
  cardinal,       // zero .. nineteen: value
  tens,           // twenty .. ninety: value
  scale,          // hundred, thousand, million, billion, trillion, bn, mn: value = multiplier
  dozen,          // dozen: 12
  ordinal,        // first .. twentieth, thirtieth ..., hundredth: value; den = fraction denominator if any
  fraction_den,   // halves, thirds, quarters, fifths ...: den
  half,           // half: den 2
  vague,          // several, dozens, hundreds, thousands, millions, billions: value..high
  tens_of,        // "tens" (of thousands / millions)
  few,            // "few", "couple" (only as "a few", "a couple of")
  month,          // January .. December: value = month number
  month_abbr,     // Jan, Feb, Sept ...: value = month number
  weekday,        // Sunday, Sun ...
  duration_unit,  // year(s), month(s), week(s), day(s), hour(s) ...: canon = plural
  distance_unit,  // km, kilometers, miles ...: canon
  percent_word,   // percent
  money_word,     // dollars, euros: canon = currency code
  counted_noun,   // people, civilians, personnel ... (nouns a count is of)
  url,            // http, https, www: the start of an address, skipped whole
};

struct Entry {
  WordClass cls = WordClass::none;
  double value = 0;
  double high = 0;         // vague: upper bound
  double den = 0;          // ordinals that are also fraction denominators
  std::string_view canon;  // units: the normalized unit name
};

// The entry for `word` (any case), or nullptr. Words longer than 15 bytes are never found.
const Entry* lookup(std::string_view word);

// A quick test that turns away most words that are not in the table, from
// their length and first and last letters (ASCII letters, any case), for
// scanning loops. False means "not in the table"; true means "look it up".
struct Filter {
  unsigned first[16] = {};        // by length: bit (first letter - 'a')
  unsigned second[26 * 16] = {};  // by first letter and length: bit (second letter - 'a'; 26 for none)
  unsigned last[26 * 16] = {};    // by first letter and length: bit (last letter - 'a')
  void add(std::string_view lower_word);
  bool may_contain(std::string_view w) const {
    std::size_t len = w.size();
    if (len > 15 || len == 0) return false;
    unsigned f = static_cast<unsigned>((w[0] | 32) - 'a');
    if (f >= 26 || !(first[len] >> f & 1u)) return false;
    unsigned l = static_cast<unsigned>((w[len - 1] | 32) - 'a');
    if (l >= 26 || !(last[f * 16 + len] >> l & 1u)) return false;
    unsigned s = len > 1 ? static_cast<unsigned>((w[1] | 32) - 'a') : 26;
    return s <= 26 && (second[f * 16 + len] >> s & 1u);
  }
};
const Filter& filter();

// Whether `word` (any case) ends the noun phrase after a count: articles,
// prepositions, pronouns and common verbs ("250,000 people still live" stops
// at "still"; "millions of displaced and expelled to" finds no noun).
bool is_stop_word(std::string_view word);

}  // namespace provcheck::core::figure_lexicon
