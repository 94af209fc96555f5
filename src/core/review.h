#pragma once
// Reviews of claims (schema.org ClaimReview): the rating scale a workspace
// rates on and the checks a review must pass before it is written. A scale
// is a list of labels, worst first; a label's rating value is its position
// from 1, so worstRating is 1 and bestRating the scale's length. Pure
// functions; errors are values naming the field and what to do.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "util/result.h"

namespace provcheck::core {

// False, Mostly false, Half true, Mostly true, True.
const std::vector<std::string>& default_rating_scale();

// "False,Mostly false,Half true,Mostly true,True": labels separated by
// commas, worst first; at least two, none empty, none twice.
util::Result<std::vector<std::string>> parse_rating_scale(std::string_view text, const std::string& origin);

// The 1-based position of `label` in `scale` (letter case and runs of
// spaces ignored); nullopt when the scale has no such label.
std::optional<int> rating_value(const std::vector<std::string>& scale, std::string_view label);

// A review as a claim may carry it: a rating on the scale (written back as
// the scale spells it), an ISO date (YYYY-MM-DD), an http(s) URL. Returns the
// review with the rating's canonical spelling.
util::Result<Review> validate_review(const Review& review, const std::vector<std::string>& scale,
                                     const std::string& origin);

}  // namespace provcheck::core
