#include "core/as_of.h"

#include <cctype>
#include <optional>

namespace provcheck::core {
using util::Error;
using util::ErrorKind;

namespace {

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !s.empty();
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : k_days[m - 1];
}

// One date, month or year: its first and last day.
util::Result<DayRange> parse_point(std::string_view s) {
  auto bad = [&](const std::string& why) {
    return Error(ErrorKind::invalid_input, "'" + std::string(s) + "' " + why + "; use " + k_as_of_forms);
  };
  if (s.size() >= 4 && all_digits(s.substr(0, 4)) && (s.size() == 4 || s[4] == '-')) {
    int y = number(s.substr(0, 4));
    if (s.size() == 4) return DayRange{civil_days(y, 1, 1), civil_days(y, 12, 31)};
    std::string_view rest = s.substr(5);
    if (rest.size() < 2 || !all_digits(rest.substr(0, 2)) || (rest.size() > 2 && rest[2] != '-')) {
      return bad("is not a date");
    }
    auto m = static_cast<unsigned>(number(rest.substr(0, 2)));
    if (m < 1 || m > 12) return bad("has no month " + std::to_string(m));
    if (rest.size() == 2) return DayRange{civil_days(y, m, 1), civil_days(y, m, days_in_month(y, m))};
    std::string_view day = rest.substr(3);
    if (day.size() != 2 || !all_digits(day)) return bad("is not a date");
    auto d = static_cast<unsigned>(number(day));
    if (d < 1 || d > days_in_month(y, m)) return bad("has no day " + std::to_string(d) + " in that month");
    std::int64_t n = civil_days(y, m, d);
    return DayRange{n, n};
  }
  return bad("is not a date");
}

}  // namespace

std::int64_t civil_days(int year, unsigned month, unsigned day) {
  // Howard Hinnant's days_from_civil.
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

util::Result<DayRange> parse_as_of(std::string_view text) {
  if (text.empty()) return Error(ErrorKind::invalid_input, "is empty; use " + std::string(k_as_of_forms));
  std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return parse_point(text);
  std::string_view a = text.substr(0, slash), b = text.substr(slash + 1);
  if (b.find('/') != std::string_view::npos) {
    return Error(ErrorKind::invalid_input, "'" + std::string(text) + "' has more than one '/'; use " + k_as_of_forms);
  }
  if (a == ".." && b == "..") {
    return Error(ErrorKind::invalid_input, "'" + std::string(text) + "' is open at both ends; use " + k_as_of_forms);
  }
  DayRange r;
  if (a != "..") {
    if (a.empty() || a[0] == 'P') {
      return Error(ErrorKind::invalid_input, "'" + std::string(text) + "': durations are not supported; use " +
                                                 k_as_of_forms);
    }
    PC_ASSIGN_OR_RETURN(DayRange start, parse_point(a));
    r.first = start.first;
  }
  if (b != "..") {
    if (b.empty() || b[0] == 'P') {
      return Error(ErrorKind::invalid_input, "'" + std::string(text) + "': durations are not supported; use " +
                                                 k_as_of_forms);
    }
    PC_ASSIGN_OR_RETURN(DayRange end, parse_point(b));
    r.last = end.last;
  }
  if (r.first > r.last) {
    return Error(ErrorKind::invalid_input, "'" + std::string(text) + "' ends before it starts; write START/END");
  }
  return r;
}

std::optional<std::string> published_as_of(std::string_view published) {
  std::string_view date = published.substr(0, published.find('T'));
  if (date.find('/') != std::string_view::npos) return std::nullopt;
  if (!parse_as_of(date).ok()) return std::nullopt;
  return std::string(date);
}

}  // namespace provcheck::core
