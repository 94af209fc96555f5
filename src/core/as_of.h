#pragma once
// When a claim holds: its as-of date or period, as days. A date
// ("2016-12-15") is one day, a month ("2016-12") its days, a year its days,
// an ISO 8601 interval START/END ("2012-07/2016-07") runs from the first day
// of START to the last day of END, and ".." leaves a side open ("../2011",
// "2015/.."). Two claims speak of the same time when their day ranges
// overlap. Pure; errors are values naming what form was expected.

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

#include "util/result.h"

namespace provcheck::core {

struct DayRange {
  static constexpr std::int64_t k_open_start = std::numeric_limits<std::int64_t>::min();
  static constexpr std::int64_t k_open_end = std::numeric_limits<std::int64_t>::max();
  std::int64_t first = k_open_start;  // days since 1970-01-01, inclusive
  std::int64_t last = k_open_end;     // inclusive
  bool overlaps(const DayRange& o) const { return first <= o.last && o.first <= last; }
  bool operator==(const DayRange&) const = default;
};

// What the forms look like, for messages.
inline constexpr const char* k_as_of_forms =
    "a date YYYY-MM-DD, a month YYYY-MM, a year YYYY, or an ISO 8601 interval START/END such as "
    "2012-07/2016-07, ../2011 or 2015/..";

// Parses an as-of value. An invalid_input error says what is wrong (without
// naming the field: the caller knows it).
util::Result<DayRange> parse_as_of(std::string_view text);

// A source's published date as an as-of: its date part ("2016-12-07",
// "2016-12-07T10:00:00Z", "2016-12", "2016"); nullopt when it is none of those.
std::optional<std::string> published_as_of(std::string_view published);

// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t civil_days(int year, unsigned month, unsigned day);

}  // namespace provcheck::core
