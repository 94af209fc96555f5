#include "core/as_of_input.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <optional>
#include <vector>

#include "core/as_of.h"
#include "core/figures.h"

namespace provcheck::core {
using util::Error;
using util::ErrorKind;

namespace {

constexpr std::array<const char*, 12> k_months = {"January", "February", "March",     "April",   "May",      "June",
                                                  "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> k_weekdays = {"Thursday", "Friday",  "Saturday", "Sunday",
                                                   "Monday",   "Tuesday", "Wednesday"};  // 1970-01-01 was a Thursday

const char* k_typed_forms =
    "a date YYYY-MM-DD, a month YYYY-MM, a year YYYY or an ISO 8601 interval START/END (2012-07/2016-07, "
    "../2011); typed forms such as 12/2024, Dec 2024, 5 December 2024 or December 5, 2024 are read too";

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string iso(int y, int m, int d = 0) {
  char buf[48];
  if (d > 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  }
  return buf;
}

std::string spelled(int y, int m, int d) { return std::to_string(d) + " " + k_months[m - 1] + " " + std::to_string(y); }

bool valid_day(int y, int m, int d) { return m >= 1 && m <= 12 && d >= 1 && parse_as_of(iso(y, m, d)).ok(); }

Error not_a_date(std::string_view s, const std::string& why = "is not a date") {
  return Error(ErrorKind::invalid_input, "'" + std::string(s) + "' " + why + "; use " + k_typed_forms);
}

// "2024-12-05T10:00Z", "2024-12-05 10:00:00+01:00": the date as written.
std::optional<std::string> date_of_date_time(std::string_view s) {
  if (s.size() < 13 || (s[10] != 'T' && s[10] != 't' && s[10] != ' ')) return std::nullopt;
  std::string_view time = trim(s.substr(11));
  if (time.size() < 4 || !digits(time.substr(0, 2)) || time[2] != ':') return std::nullopt;
  for (char c : time) {
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.' && c != 'Z' && c != 'z' && c != '+' &&
        c != '-') {
      return std::nullopt;
    }
  }
  std::string_view date = s.substr(0, 10);
  if (!digits(date.substr(0, 4)) || date[4] != '-' || date[7] != '-' || !parse_as_of(date).ok()) return std::nullopt;
  return std::string(date);
}

// Digits joined by one of '/', '.', '-': "12/2024", "2024/12/05", "25.12.2024".
// nullopt when `s` is not of that shape.
std::optional<util::Result<std::string>> numeric(std::string_view s) {
  char sep = 0;
  std::vector<std::string_view> parts;
  std::size_t from = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) continue;
    if (i < s.size()) {
      if (s[i] != '/' && s[i] != '.' && s[i] != '-') return std::nullopt;
      if (sep != 0 && s[i] != sep) return std::nullopt;
      sep = s[i];
    }
    parts.push_back(s.substr(from, i - from));
    from = i + 1;
  }
  for (std::string_view p : parts) {
    if (p.empty() || p.size() > 4) return std::nullopt;
  }
  using R = util::Result<std::string>;
  if (parts.size() == 2) {
    std::string_view month = parts[0], year = parts[1];
    if (parts[0].size() == 4 && parts[1].size() <= 2) std::swap(month, year);  // 2024/12
    if (year.size() != 4 || month.size() > 2) return std::nullopt;
    int m = number(month);
    if (m < 1 || m > 12) return R(not_a_date(s, "has no month " + std::to_string(m)));
    return R(iso(number(year), m));
  }
  if (parts.size() != 3) return std::nullopt;
  if (parts[0].size() == 4) {  // year first: always year, month, day
    int y = number(parts[0]), m = number(parts[1]), d = number(parts[2]);
    if (parts[1].size() > 2 || parts[2].size() > 2 || !valid_day(y, m, d)) return R(not_a_date(s));
    return R(iso(y, m, d));
  }
  if (parts[2].size() != 4) {
    if (parts[2].size() == 2 && parts[0].size() <= 2 && parts[1].size() <= 2) {
      return R(not_a_date(s, "has a two-digit year; write the year in full"));
    }
    return std::nullopt;
  }
  if (parts[0].size() > 2 || parts[1].size() > 2) return std::nullopt;
  int a = number(parts[0]), b = number(parts[1]), y = number(parts[2]);
  bool day_first = valid_day(y, b, a), month_first = valid_day(y, a, b);
  if (day_first && month_first && a != b) {
    return R(Error(ErrorKind::invalid_input,
                   "'" + std::string(s) + "' is ambiguous: it could be " + spelled(y, b, a) + " or " + spelled(y, a, b) +
                       " (day and month may be either way round); write " + iso(y, b, a) + " for " + spelled(y, b, a) +
                       ", or " + iso(y, a, b) + " for " + spelled(y, a, b)));
  }
  if (day_first) return R(iso(y, b, a));
  if (month_first) return R(iso(y, a, b));
  return R(not_a_date(s));
}

// "5th" -> "5", commas and runs of spaces -> one space: what the figure reader reads best.
std::string plain_words(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ',') c = ' ';
    if (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1])) && i + 1 < s.size()) {
      std::string_view two = s.substr(i, 2);
      bool suffix = two == "st" || two == "nd" || two == "rd" || two == "th";
      if (suffix && (i + 2 == s.size() || !std::isalpha(static_cast<unsigned char>(s[i + 2])))) {
        ++i;
        continue;
      }
    }
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
  return out;
}

bool starts_with_word(std::string_view s, std::string_view word) {
  if (s.size() < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(word[i]))) {
      return false;
    }
  }
  return s.size() == word.size() || !std::isalpha(static_cast<unsigned char>(s[word.size()]));
}

// The weekday a text opens with ("Monday, December 5, 2024"), as days since a Thursday modulo 7.
std::optional<int> weekday_named(std::string_view s) {
  for (int i = 0; i < 7; ++i) {
    std::string_view full = k_weekdays[static_cast<std::size_t>(i)];
    if (starts_with_word(s, full) || starts_with_word(s, full.substr(0, 3))) return i;
  }
  return std::nullopt;
}

// Month names and words: through the figure reader, which reads dates as a
// careful reader does ("Dec. 2024", "December 5, 2024", "5 Dec 2024").
std::optional<util::Result<std::string>> worded(std::string_view s) {
  using R = util::Result<std::string>;
  bool letters = false;
  for (char c : s) letters = letters || std::isalpha(static_cast<unsigned char>(c));
  if (!letters) return std::nullopt;
  std::string capitalized = plain_words(s);  // "december 2024": people type months in lower case
  for (std::size_t i = 0; i < capitalized.size(); ++i) {
    if (i == 0 || capitalized[i - 1] == ' ') {
      capitalized[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(capitalized[i])));
    }
  }
  for (const std::string& text : {std::string(s), plain_words(s), capitalized}) {
    std::vector<Figure> figures = extract_figures(text);
    if (figures.size() != 1 || figures[0].kind != FigureKind::date) continue;
    const Figure& f = figures[0];
    std::string_view rest = trim(std::string_view(text).substr(f.end));
    if (f.start != 0 || !(rest.empty() || rest == ".")) continue;
    if (f.iso.rfind("--", 0) == 0) return R(not_a_date(s, "has no year; write it in full, e.g. 2024-12-05"));
    if (auto wd = weekday_named(s); wd && f.iso.size() == 10) {
      auto day = parse_as_of(f.iso);
      auto actual = static_cast<std::size_t>(((day->first % 7) + 7) % 7);
      if (actual != static_cast<std::size_t>(*wd)) {
        return R(not_a_date(s, std::string("names a ") + k_weekdays[static_cast<std::size_t>(*wd)] + ", but " +
                                   f.iso + " was a " + k_weekdays[actual] + "; check the date"));
      }
    }
    return R(f.iso);
  }
  return std::nullopt;
}

util::Result<std::string> point(std::string_view s) {
  if (s == "..") return std::string(s);
  if (parse_as_of(s).ok()) return std::string(s);
  if (auto d = date_of_date_time(s)) return *d;
  if (auto n = numeric(s)) return std::move(*n);
  if (auto w = worded(s)) return std::move(*w);
  if (!parse_as_of(s).ok() && s.size() >= 4 && digits(s.substr(0, 4))) return parse_as_of(s).error();
  return not_a_date(s);
}

}  // namespace

util::Result<std::string> as_of_from_input(std::string_view text) {
  std::string_view t = trim(text);
  if (t.empty()) return Error(ErrorKind::invalid_input, std::string("is empty; use ") + k_typed_forms);
  if (parse_as_of(t).ok()) return std::string(t);
  std::size_t slash = t.find('/');
  if (slash == std::string_view::npos || numeric(t) || t.find('/', slash + 1) != std::string_view::npos) {
    return point(t);
  }
  // An interval of typed forms: "Dec 2016/Jan 2017", "../Dec 2011".
  std::string_view a = trim(t.substr(0, slash)), b = trim(t.substr(slash + 1));
  PC_ASSIGN_OR_RETURN(std::string first, point(a));
  PC_ASSIGN_OR_RETURN(std::string last, point(b));
  std::string joined = first + "/" + last;
  auto r = parse_as_of(joined);
  if (!r.ok()) return r.error();
  return joined;
}

}  // namespace provcheck::core
