#pragma once
// Qualifiers written before a figure ("about", "some", "almost", "close
// to", "more than", "at least", "up to", "an estimated") and how each bounds
// or widens the interval, per tests/data/figures/README.md. Internal to
// core/figure_*.cpp. Pure, thread-safe, never throw.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/figures.h"

namespace provcheck::core::figure_parse {

enum class Mode {
  none,
  around,    // about, some, around, roughly, approximately, estimated: x0.9 .. x1.1
  below,     // almost, nearly, close to, just under: x0.9 .. x1
  at_least,  // more than, over, at least: value .. +inf
  at_most,   // up to, less than, fewer than, under, as many as: -inf .. value
};

struct Qualifier {
  Mode mode = Mode::none;
  std::string words;  // as written, lower-cased, single spaces ("more than")
};

// The qualifier ending right before `start` (only whitespace between), not
// reaching back before `floor`.
Qualifier qualifier_before(std::string_view t, std::size_t start, std::size_t floor);

// The qualifier's mode for a phrase such as "about" or "more than" (any
// case, single spaces); Mode::none when it is none.
Mode qualifier_mode(std::string_view words);

// Sets f.approx and bounds or widens [f.low, f.high].
void apply_qualifier(const Qualifier& q, Figure& f);

}  // namespace provcheck::core::figure_parse
