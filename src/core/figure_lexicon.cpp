#include "core/figure_lexicon.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/figure_text.h"

namespace provcheck::core::figure_lexicon {
namespace {

using W = WordClass;

struct Row {
  std::string_view word;
  Entry entry;
};

Entry e(W cls, double value = 0, double high = 0, double den = 0, std::string_view canon = {}) {
  return Entry{cls, value, high, den, canon};
}

// A word of at most 15 bytes, lower-cased, as two zero-padded 64-bit words.
void pack(std::string_view w, std::uint64_t& a, std::uint64_t& b) {
  char buf[16] = {};
  for (std::size_t i = 0; i < w.size(); ++i) buf[i] = figure_text::lower(static_cast<unsigned char>(w[i]));
  std::memcpy(&a, buf, 8);
  std::memcpy(&b, buf + 8, 8);
}

std::vector<Row> rows() {
  std::vector<Row> r;
  r.push_back({"nought", e(W::cardinal, 0)});  // only before or after "point" (figure_numbers.cpp)
  r.push_back({"naught", e(W::cardinal, 0)});
  const char* small[] = {"zero",    "one",     "two",       "three",    "four",     "five",    "six",
                         "seven",   "eight",   "nine",      "ten",      "eleven",   "twelve",  "thirteen",
                         "fourteen", "fifteen", "sixteen",  "seventeen", "eighteen", "nineteen"};
  for (int i = 0; i < 20; ++i) r.push_back({small[i], e(W::cardinal, i)});
  const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 8; ++i) r.push_back({tens[i], e(W::tens, 20 + 10 * i)});
  r.push_back({"hundred", e(W::scale, 1e2)});
  r.push_back({"thousand", e(W::scale, 1e3)});
  r.push_back({"million", e(W::scale, 1e6)});
  r.push_back({"billion", e(W::scale, 1e9)});
  r.push_back({"trillion", e(W::scale, 1e12)});
  r.push_back({"bn", e(W::scale, 1e9)});
  r.push_back({"mn", e(W::scale, 1e6)});
  r.push_back({"bln", e(W::scale, 1e9)});
  r.push_back({"mln", e(W::scale, 1e6)});
  r.push_back({"tln", e(W::scale, 1e12)});
  r.push_back({"trn", e(W::scale, 1e12)});
  r.push_back({"dozen", e(W::dozen, 12)});
  r.push_back({"doz", e(W::dozen, 12)});

  // Ordinals; from "third" on each also names a fraction ("a fifth", "one
  // hundredth"), and its plural ("fifths", "hundredths") a fraction's denominator.
  const char* ord[] = {"first",      "second",     "third",       "fourth",      "fifth",
                       "sixth",      "seventh",    "eighth",      "ninth",       "tenth",
                       "eleventh",   "twelfth",    "thirteenth",  "fourteenth",  "fifteenth",
                       "sixteenth",  "seventeenth", "eighteenth", "nineteenth",  "twentieth"};
  const char* ord_tens[] = {"thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"};
  const char* ord_scales[] = {"hundredth", "thousandth", "millionth", "billionth", "trillionth"};
  const double scale_values[] = {1e2, 1e3, 1e6, 1e9, 1e12};
  static std::vector<std::string> plurals;  // the plural words live as long as the table
  if (plurals.empty()) {
    for (int i = 2; i < 20; ++i) plurals.push_back(std::string(ord[i]) + "s");
    for (const char* o : ord_tens) plurals.push_back(std::string(o) + "s");
    for (const char* o : ord_scales) plurals.push_back(std::string(o) + "s");
  }
  std::size_t k = 0;
  for (int i = 0; i < 20; ++i) r.push_back({ord[i], e(W::ordinal, i + 1, 0, i >= 2 ? i + 1 : 0)});
  for (int i = 2; i < 20; ++i) r.push_back({plurals[k++], e(W::fraction_den, 0, 0, i + 1)});
  for (int i = 0; i < 7; ++i) r.push_back({ord_tens[i], e(W::ordinal, 30 + 10 * i, 0, 30 + 10 * i)});
  for (int i = 0; i < 7; ++i) r.push_back({plurals[k++], e(W::fraction_den, 0, 0, 30 + 10 * i)});
  for (int i = 0; i < 5; ++i) r.push_back({ord_scales[i], e(W::ordinal, scale_values[i], 0, scale_values[i])});
  for (int i = 0; i < 5; ++i) r.push_back({plurals[k++], e(W::fraction_den, 0, 0, scale_values[i])});
  r.push_back({"quarter", e(W::fraction_den, 0, 0, 4)});
  r.push_back({"quarters", e(W::fraction_den, 0, 0, 4)});
  r.push_back({"half", e(W::half, 0.5, 0, 2)});
  r.push_back({"halves", e(W::fraction_den, 0, 0, 2)});

  r.push_back({"several", e(W::vague, 3, 9)});
  r.push_back({"dozens", e(W::vague, 24, 99)});
  r.push_back({"hundreds", e(W::vague, 200, 999)});
  r.push_back({"thousands", e(W::vague, 2000, 9999)});
  r.push_back({"millions", e(W::vague, 2e6, 9999999)});
  r.push_back({"billions", e(W::vague, 2e9, 9999999999.0)});
  r.push_back({"tens", e(W::tens_of, 20, 99)});
  r.push_back({"few", e(W::few, 2, 5)});
  r.push_back({"couple", e(W::few, 2, 3)});  // only "a couple of", "a couple hundred"

  const char* months[] = {"january", "february", "march",     "april",   "may",      "june",
                          "july",    "august",   "september", "october", "november", "december"};
  for (int i = 0; i < 12; ++i) r.push_back({months[i], e(W::month, i + 1)});
  const char* abbr[] = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  const int abbr_month[] = {1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12};
  for (int i = 0; i < 12; ++i) r.push_back({abbr[i], e(W::month_abbr, abbr_month[i])});
  const char* days[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "mon",    "tue",     "tues",      "wed",      "thu",    "thur",     "thurs",
                        "fri",    "sat",     "sun"};
  for (const char* d : days) r.push_back({d, e(W::weekday)});

  struct U {
    const char* word;
    W cls;
    const char* canon;
  };
  const U units[] = {
      {"year", W::duration_unit, "years"},         {"years", W::duration_unit, "years"},
      {"month", W::duration_unit, "months"},       {"months", W::duration_unit, "months"},
      {"week", W::duration_unit, "weeks"},         {"weeks", W::duration_unit, "weeks"},
      {"day", W::duration_unit, "days"},           {"days", W::duration_unit, "days"},
      {"hour", W::duration_unit, "hours"},         {"hours", W::duration_unit, "hours"},
      {"minute", W::duration_unit, "minutes"},     {"minutes", W::duration_unit, "minutes"},
      {"seconds", W::duration_unit, "seconds"},    {"decade", W::duration_unit, "decades"},
      {"decades", W::duration_unit, "decades"},    {"century", W::duration_unit, "centuries"},
      {"centuries", W::duration_unit, "centuries"},
      {"km", W::distance_unit, "km"},              {"kms", W::distance_unit, "km"},
      {"kilometer", W::distance_unit, "kilometers"}, {"kilometers", W::distance_unit, "kilometers"},
      {"kilometre", W::distance_unit, "kilometers"}, {"kilometres", W::distance_unit, "kilometers"},
      {"mile", W::distance_unit, "miles"},         {"miles", W::distance_unit, "miles"},
      {"feet", W::distance_unit, "feet"},          {"foot", W::distance_unit, "feet"},
      {"ft", W::distance_unit, "feet"},            {"yards", W::distance_unit, "yards"},
      {"meter", W::distance_unit, "meters"},       {"meters", W::distance_unit, "meters"},
      {"metre", W::distance_unit, "meters"},       {"metres", W::distance_unit, "meters"},
      {"percent", W::percent_word, "percent"},     {"pct", W::percent_word, "percent"},
      {"dollars", W::money_word, "USD"},           {"dollar", W::money_word, "USD"},
      {"euros", W::money_word, "EUR"},             {"euro", W::money_word, "EUR"},
  };
  for (const U& u : units) r.push_back({u.word, e(u.cls, 0, 0, 0, u.canon)});

  // Nouns a count is of that do not end in -s, and frequent ones that do.
  const char* nouns[] = {"people",    "persons",  "personnel", "children", "women",     "men",      "troops",
                         "police",    "staff",    "aircraft",  "civilians", "rebels",   "refugees", "soldiers",
                         "fighters",  "residents", "families", "lives",     "deaths",   "casualties", "villages",
                         "cities",    "towns",    "factors",   "allies",    "questions", "battles", "fields",
                         "homes",     "houses",   "buildings", "hospitals", "schools",  "tanks",    "airstrikes",
                         "strikes",   "attacks",  "militants", "migrants",  "victims",  "prisoners", "detainees",
                         "hostages",  "workers",  "students",  "patients",  "votes",    "voters",   "countries",
                         "members",   "officers", "troop",     "person",    "child",    "man",      "woman"};
  for (const char* n : nouns) r.push_back({n, e(W::counted_noun)});
  for (const char* u : {"http", "https", "www"}) r.push_back({u, e(W::url)});
  return r;
}

// Open addressing over words packed into two 64-bit words (lower-case,
// zero-padded; every key is at most 15 bytes). Most words of a text are not
// in a table; the filter (length, first, second and last letters) turns
// them away before any hashing.
struct Table {
  static constexpr std::size_t k_slots = 2048;  // power of two, > 3x the entries
  struct Slot {
    std::uint64_t a = 0, b = 0;
    Entry entry;
    bool used = false;
  };
  std::array<Slot, k_slots> slots{};
  Filter filter{};

  static std::uint64_t hash(std::uint64_t a, std::uint64_t b) {
    std::uint64_t h = a * 0x9E3779B97F4A7C15ull ^ (b + 0x632BE59BD9B4E019ull) * 0xC2B2AE3D27D4EB4Full;
    return h ^ (h >> 29);
  }
  explicit Table(const std::vector<Row>& rows) {
    for (const Row& row : rows) {
      std::uint64_t a = 0, b = 0;
      pack(row.word, a, b);
      std::size_t i = hash(a, b) & (k_slots - 1);
      while (slots[i].used) i = (i + 1) & (k_slots - 1);
      slots[i] = Slot{a, b, row.entry, true};
      filter.add(row.word);
    }
  }
  const Entry* find(std::string_view word) const {
    if (word.empty() || !filter.may_contain(word)) return nullptr;
    std::uint64_t a = 0, b = 0;
    pack(word, a, b);
    for (std::size_t i = hash(a, b) & (k_slots - 1);; i = (i + 1) & (k_slots - 1)) {
      const Slot& s = slots[i];
      if (!s.used) return nullptr;
      if (s.a == a && s.b == b) return &s.entry;
    }
  }
};

const Table& table() {
  static const Table t(rows());
  return t;
}

std::vector<Row> stop_rows() {
  std::vector<Row> r;
  for (std::string_view w :
       {"the",   "a",     "an",    "of",     "in",    "on",    "at",    "to",    "from",  "by",     "with",
        "for",   "into",  "had",   "have",   "has",   "were",  "was",   "are",   "is",    "be",     "been",
        "still", "who",   "which", "that",   "this",  "these", "those", "their", "its",   "his",    "her",
        "they",  "them",  "it",    "he",     "she",   "we",    "you",   "i",     "more",  "less",   "fewer",
        "than",  "as",    "but",   "or",     "nor",   "if",    "when",  "while", "after", "before", "since",
        "until", "did",   "do",    "does",   "will",  "would", "could", "should", "may",  "might",  "can",
        "not",   "no",    "now",   "then",   "there", "here",  "each",  "every", "all",   "some",
        "other", "others", "such", "about",  "over",  "under", "per",   "says",  "said",  "say",    "remain",
        "remains", "fled", "died", "live",   "lived", "left",  "ago",   "old",   "later", "earlier"})
    r.push_back({w, Entry{}});
  return r;
}

}  // namespace

void Filter::add(std::string_view w) {
  unsigned f = static_cast<unsigned>((w[0] | 32) - 'a');
  first[w.size()] |= 1u << f;
  unsigned s = w.size() > 1 ? static_cast<unsigned>((w[1] | 32) - 'a') : 26;
  second[f * 16 + w.size()] |= 1u << s;
  last[f * 16 + w.size()] |= 1u << static_cast<unsigned>((w.back() | 32) - 'a');
}

const Filter& filter() { return table().filter; }

const Entry* lookup(std::string_view word) { return table().find(word); }

bool is_stop_word(std::string_view word) {
  static const Table stops(stop_rows());
  return stops.find(word) != nullptr;
}

}  // namespace provcheck::core::figure_lexicon
