#include "core/review.h"

#include <cctype>

#include "core/settings.h"

namespace provcheck::core {
using util::Error;
using util::ErrorKind;

const std::vector<std::string>& default_rating_scale() {
  static const std::vector<std::string> scale = {"False", "Mostly false", "Half true", "Mostly true", "True"};
  return scale;
}

namespace {

std::string trim(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t");
  return std::string(s.substr(b, e - b + 1));
}

std::string scale_list(const std::vector<std::string>& scale) {
  std::string out;
  for (const std::string& l : scale) out += (out.empty() ? "" : ", ") + ("'" + l + "'");
  return out;
}

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  int year = std::stoi(std::string(s.substr(0, 4)));
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1) return false;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool is_web_url(std::string_view s) {
  auto starts = [&](std::string_view p) { return s.size() > p.size() && s.substr(0, p.size()) == p; };
  if (!starts("https://") && !starts("http://")) return false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>') return false;
  }
  return true;
}

}  // namespace

util::Result<std::vector<std::string>> parse_rating_scale(std::string_view text, const std::string& origin) {
  std::vector<std::string> scale;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t comma = text.find(',', pos);
    std::string label = trim(text.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos));
    if (label.empty()) {
      return Error(ErrorKind::invalid_input, origin + ": a rating scale is labels separated by commas, worst first "
                                                      "(e.g. 'False,Mostly false,Half true,Mostly true,True'); "
                                                      "one of them is empty");
    }
    if (rating_value(scale, label)) {
      return Error(ErrorKind::invalid_input, origin + ": the rating scale names '" + label + "' twice");
    }
    scale.push_back(std::move(label));
    if (comma == std::string_view::npos) break;
    pos = comma + 1;
  }
  if (scale.size() < 2) {
    return Error(ErrorKind::invalid_input, origin + ": a rating scale needs at least two labels, worst first");
  }
  return scale;
}

std::optional<int> rating_value(const std::vector<std::string>& scale, std::string_view label) {
  std::string want = fold_name(label);
  for (std::size_t i = 0; i < scale.size(); ++i) {
    if (fold_name(scale[i]) == want) return static_cast<int>(i + 1);
  }
  return std::nullopt;
}

util::Result<Review> validate_review(const Review& review, const std::vector<std::string>& scale,
                                     const std::string& origin) {
  Review out = review;
  if (review.rating) {
    auto v = rating_value(scale, *review.rating);
    if (!v) {
      return Error(ErrorKind::invalid_input, origin + ": rating '" + *review.rating + "' is not on the rating scale (" +
                                                 scale_list(scale) + "); use one of them, or set the scale with "
                                                 "\"rating_scale\" in provcheck.json or --rating-scale");
    }
    out.rating = scale[static_cast<std::size_t>(*v - 1)];
  }
  if (review.review_date && !is_iso_date(*review.review_date)) {
    return Error(ErrorKind::invalid_input, origin + ": review date '" + *review.review_date +
                                               "' is not a date; write it as YYYY-MM-DD, e.g. 2016-12-14");
  }
  if (review.review_url && !is_web_url(*review.review_url)) {
    return Error(ErrorKind::invalid_input, origin + ": review URL '" + *review.review_url +
                                               "' is not an http(s) URL; give the address of the published fact-check");
  }
  if (review.reviewed_by && trim(*review.reviewed_by).empty()) {
    return Error(ErrorKind::invalid_input, origin + ": reviewed_by is empty; name the organization that reviewed the claim");
  }
  return out;
}

}  // namespace provcheck::core
