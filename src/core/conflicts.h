#pragma once
// The conflict judge: compares every claim's structured assertion with its
// own quote (claim_quote_mismatch) and with the other claims about the same
// subject and metric (figure_conflict, status_conflict), and lists the
// claims of each subject and metric side by side (groups). Two claims
// conflict only when their subject and metric are the same after the
// aliases, their times overlap (as_of, else the source's published date;
// "2016-12" is the whole month) and their values cannot both hold: figure
// intervals that do not meet (assertion.h), or different status words.
// Claims about different times or scopes are related, never in conflict.
// When one as-of is coarser and contains the other ("2016-12" and
// "2016-12-07"), values that differ may both hold (the value changed within
// the month): that pair is a possible_conflict (a warning by default), not a
// figure_conflict or status_conflict.
//
// Pure: the caller gathers the facts (claims, each one's source and that
// source's published date, its worst citation status). An assertion that
// does not parse is an invalid_input error naming the claims file, line
// and field. Thread-compatible.

#include <string>
#include <vector>

#include "core/findings.h"
#include "core/model.h"
#include "core/settings.h"
#include "util/result.h"

namespace provcheck::core {

// Bumped when the judging rules change (2: possible_conflict, assumed
// as-ofs following the sidecar). It goes into the check's input fingerprint,
// so a check answered from the store never shows conflicts of older rules.
inline constexpr int k_conflicts_version = 2;

struct ClaimFacts {
  const Claim* claim = nullptr;
  std::string published;  // the first citation's source's published date; empty when unknown
  CitationStatus worst = CitationStatus::intact;
};

struct ConflictResult {
  std::vector<ConflictFinding> conflicts;  // sorted by first claim, second claim, kind
  std::vector<AssertionGroup> groups;      // sorted by subject, metric; rows by as_of, claim id
};

util::Result<ConflictResult> judge_conflicts(const std::vector<ClaimFacts>& claims, const Settings& settings);

}  // namespace provcheck::core
