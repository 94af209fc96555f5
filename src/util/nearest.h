#pragma once
// The nearest of a few names to a mistyped one, for "did you mean" hints
// (unknown provcheck.json keys, claims-file fields, commands and flags).
//
// Edit distance is the optimal string alignment distance: insertions,
// deletions, substitutions, and a swap of two neighbouring characters each
// count one ("ned" is one step from "end", "chek" one from "check").
// Pure functions; thread-safe.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck::util {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be what was
// meant: at most max(2, |word| / 3) edits, or `word` is a prefix of exactly
// one candidate ("acc" for "accept"). Ties go to the earlier candidate.
std::optional<std::string> nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace provcheck::util
