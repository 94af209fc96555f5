#pragma once
// The structured assertion of `claim add` and `claim import`: each field is
// validated (an error names the flag, or the file:line and field, and the
// form expected), and what was left out is proposed from the quote's figures
// and the source's published date, stored, and said in a note ("assumed
// value 250,000 (from the quote), as-of 2016-12-15 (source published
// date)"). Nothing is proposed for a claim given no assertion field at all;
// `claim add` then notes which figure the quote has. Errors are values.

#include <string>
#include <vector>

#include "core/model.h"
#include "core/settings.h"
#include "util/result.h"

namespace provcheck::app {

// `quote` is the exact passage as pinned; `published` the source's published date.
util::Result<core::Assertion> complete_assertion(const core::ClaimRequest& r, const std::string& quote,
                                                 const std::string& published, const core::Settings& settings,
                                                 std::vector<std::string>& notes);

}  // namespace provcheck::app
