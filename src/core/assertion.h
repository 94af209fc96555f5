#pragma once
// A claim's structured value as the conflict judge reads it: a figure (in any
// form the figure reader knows, or a range LOW..HIGH) or a status word
// ("opposition"), its qualifier, and the interval of values it stands for
// under the workspace's tolerances. Also the comparison of a claim's figure
// with the figures of its own quote. Pure; errors are values whose message
// says what form was expected (without naming the field: the caller does).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/figures.h"
#include "core/settings.h"
#include "util/result.h"

namespace provcheck::core {

struct AssertedValue {
  std::optional<Figure> figure;  // a figure, or
  std::string status_word;       // a status word, as written
  std::string approx;            // the qualifier: stated, or read with the figure ("about 60%")
};

// Reads --value (with --approx, empty when not given). Errors: an empty
// value, digits that are not a figure, an unknown qualifier, a qualifier that
// contradicts the one written in the value, a range whose ends are reversed.
util::Result<AssertedValue> parse_asserted_value(std::string_view value, std::string_view approx,
                                                 const Settings& settings);

// Checks a qualifier word: known to the figure reader or given a tolerance in
// the settings.
util::Status check_qualifier(std::string_view approx, const Settings& settings);

struct ValueInterval {
  double low = 0;
  double high = 0;
  // A rounding interval is half-open: what rounds to "4.7 million" is
  // 4,650,000 up to but not including 4,750,000, so 4.7 and 4.8 million do
  // not meet.
  bool high_open = false;
  bool below(const ValueInterval& o) const { return high < o.low || (high == o.low && high_open); }
  bool meets(const ValueInterval& o) const { return !below(o) && !o.below(*this); }
};

// The values a figure stands for: an exact figure by its rounding ("250,000":
// 245,000 to 255,000, when tolerances.rounding) widened by tolerances.exact;
// a qualifier replaces the rounding by its own width ("about 250,000":
// 225,000 to 275,000) or bounds it ("more than", "almost"); a vague quantity
// or range keeps its bounds. In the figure's own scale ("60%" is 60).
// Unbounded sides are +-infinity.
ValueInterval value_interval(const Figure& f, std::string_view approx, const Settings& settings);

// A claim's figure read with the unit the claim states (--unit): a bare
// number with the unit percent, "%", "per cent", "pct" or "percentage
// points" is a percent ("60" = 60 %); with "fraction" or "share" and a value
// from 0 to 1 a share ("0.75" = three-quarters = 75 %); otherwise a number
// without a unit takes the unit ("280" with km). A figure that states its
// own kind or unit keeps it.
void apply_claim_unit(Figure& f, std::string_view unit);

// Can two figures be the same quantity? Shares (percents and fractions) with
// shares; dates, years and times with their own kind; counts with counts,
// whatever they count; other quantities when their units agree ("km" =
// "kilometers"; a figure without a unit agrees with any).
bool comparable(const Figure& a, const Figure& b);
// The value on a scale shared by comparable figures: percents as shares (60% = 0.6).
double common_scale(const Figure& f, double v);
// A unit as compared: lower-case, singular, common abbreviations spelled out.
std::string unit_key(std::string_view unit);

// Is the claim's figure (with its qualifier) the same as a figure of its
// quote? Values equal across forms ("4.7 million" = 4,700,000, "three-quarters"
// = 75%); qualifiers respected: a claim without a qualifier, or with an
// approximate one, matches an approximate or exact quote figure of that value;
// a bounding qualifier ("more than", "almost") must be matched in kind. A
// range or vague claim ("800..1,000") holds an exact quote figure inside it.
bool same_figure(const Figure& claim, std::string_view claim_approx, const Figure& quoted);

// "250,000", "4.7", "0.75": a number for messages.
std::string format_number(double v);
// "245,000..255,000", "250,000..", "..60": an interval for messages.
std::string format_interval(const ValueInterval& v);

}  // namespace provcheck::core
