#pragma once
// Packs a check's conflicts and subject-and-metric groups into one blob, so
// that a check answered from the store (nothing changed) shows the same
// conflicts and related figures as the full check that computed them. The
// blob starts with a format number; a blob in another format reads as
// "nothing cached" (the next full check rewrites it), a damaged one as
// corruption. Pure.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/findings.h"

namespace provcheck::store {

struct ConflictReport {
  std::vector<core::ConflictFinding> conflicts;
  std::vector<core::AssertionGroup> groups;
};

std::string pack_conflict_report(const ConflictReport& r);
// nullopt for a blob in another format; ok false (in `damaged`) for a damaged one.
std::optional<ConflictReport> unpack_conflict_report(std::string_view blob, bool& damaged);

}  // namespace provcheck::store
