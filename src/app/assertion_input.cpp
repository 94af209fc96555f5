#include "app/assertion_input.h"

#include "core/as_of.h"
#include "core/as_of_input.h"
#include "core/assertion.h"
#include "core/figures.h"

namespace provcheck::app {
using util::Error;
using util::ErrorKind;

namespace {

bool is_cli(const core::ClaimRequest& r) { return r.origin == "claim add" || r.origin == "claim edit"; }

// "--as-of" for `claim add`, "claims.jsonl:3: field \"as_of\"" for an import line.
std::string field(const core::ClaimRequest& r, const char* name) {
  if (is_cli(r)) {
    std::string flag = std::string("--") + name;
    for (char& c : flag) c = c == '_' ? '-' : c;
    return flag;
  }
  return r.origin + ": field \"" + name + "\"";
}

Error bad(const core::ClaimRequest& r, const char* name, const std::string& value, const Error& why) {
  std::string msg = why.message();
  // parse_as_of and friends quote the value themselves; do not say it twice.
  std::string head = field(r, name);
  if (msg.rfind("'", 0) == 0) return Error(ErrorKind::invalid_input, head + " " + msg);
  return Error(ErrorKind::invalid_input, head + " '" + value + "': " + msg);
}

bool is_quantity(const core::Figure& f) {
  return f.kind != core::FigureKind::date && f.kind != core::FigureKind::year && f.kind != core::FigureKind::time;
}

// The one date of a quote, placed in a year (written, or inferred from the
// source's published date): a day or a month. nullopt when the quote has
// none, several, or one still without a year.
std::optional<core::Figure> single_date(const std::string& quote, const std::string& published) {
  std::vector<core::Figure> dates;
  for (core::Figure& f : core::extract_figures(quote))
    if (f.kind == core::FigureKind::date) dates.push_back(std::move(f));
  if (dates.size() != 1) return std::nullopt;
  core::infer_years(dates, quote, published);
  if (dates.front().iso.empty() || dates.front().iso[0] == '-') return std::nullopt;
  return dates.front();
}

std::string shown(const core::Figure& f) { return (f.approx.empty() ? "" : f.approx + " ") + f.text; }

}  // namespace

util::Result<core::Assertion> complete_assertion(const core::ClaimRequest& r, const std::string& quote,
                                                 const std::string& published, const core::Settings& settings,
                                                 std::vector<std::string>& notes) {
  core::Assertion a = r.assertion;
  std::vector<core::Figure> figures;
  std::vector<core::Figure> ordinals;  // "fourth-largest": proposed only when the quote has nothing else
  for (core::Figure& f : core::extract_figures(quote)) {
    if (!is_quantity(f)) continue;
    (f.kind == core::FigureKind::ordinal ? ordinals : figures).push_back(std::move(f));
  }
  if (figures.empty()) figures = std::move(ordinals);
  if (a.empty()) {
    if (!figures.empty() && is_cli(r)) {  // a hint for a person; an import of many claims stays quiet
      notes.push_back("the quote has " + std::string(figures.size() == 1 ? "a figure" : "figures") + " (" +
                      shown(figures.front()) + (figures.size() > 1 ? ", ..." : "") +
                      "); give --subject and --metric to have it compared with other claims");
    }
    return a;
  }
  for (auto [name, slot] : {std::pair{"subject", &a.subject}, std::pair{"metric", &a.metric},
                            std::pair{"unit", &a.unit}}) {
    if (*slot && core::fold_name(**slot).empty()) {
      return Error(ErrorKind::invalid_input, field(r, name) + " is empty; leave it out or give a name");
    }
  }
  if (a.as_of) {
    auto when = core::as_of_from_input(*a.as_of);
    if (!when.ok()) return bad(r, "as_of", *a.as_of, when.error());
    if (*when != *a.as_of) {
      notes.push_back((is_cli(r) ? std::string("read --as-of '") : r.origin + ": read field \"as_of\" '") +
                      *a.as_of + "' as " + *when);
      a.as_of = *when;
    }
  }
  if (a.approx) {
    auto st = core::check_qualifier(*a.approx, settings);
    if (!st.ok()) return bad(r, "approx", *a.approx, st.error());
  }
  std::optional<core::Figure> figure;
  if (a.value) {
    auto v = core::parse_asserted_value(*a.value, a.approx.value_or(""), settings);
    if (!v.ok()) return bad(r, "value", *a.value, v.error());
    figure = v->figure;
    if (figure && a.unit) core::apply_claim_unit(*figure, *a.unit);
    if (!a.approx && !v->approx.empty()) a.approx = v->approx;
  }
  std::vector<std::string> assumed;
  if (!a.value) {
    if (figures.size() == 1) {
      const core::Figure& f = figures.front();
      a.value = f.text;
      figure = f;
      assumed.push_back("value " + f.text + " (from the quote)");
    } else if (figures.empty()) {
      notes.push_back("no " + field(r, "value") + " and no figure in the quote: the claim is listed with its subject "
                      "and metric but cannot be compared; give a figure or a status word such as opposition");
    } else {
      std::string list;
      for (const core::Figure& f : figures) list += (list.empty() ? "" : ", ") + shown(f);
      notes.push_back("the quote has " + std::to_string(figures.size()) + " figures (" + list + "); give " +
                      field(r, "value") + " to say which one the claim states");
    }
  }
  if (figure) {
    const core::Figure* match = nullptr;
    for (const core::Figure& q : figures) {
      if (core::same_figure(*figure, "", q)) match = &q;
    }
    if (!match) {
      notes.push_back("value " + *a.value + " is not among the quote's figures; `provcheck check` will report a "
                      "claim_quote_mismatch");
    } else {
      if (!a.approx && !match->approx.empty()) {
        a.approx = match->approx;
        assumed.push_back("approx '" + match->approx + "' (from the quote)");
      }
      if (!a.unit && !match->unit.empty()) {
        a.unit = match->unit;
        assumed.push_back("unit " + match->unit + " (from the quote)");
      }
    }
  }
  std::optional<core::Figure> quote_date = single_date(quote, published);
  if (!a.as_of && a.value && quote_date) {  // "on December 11": the day the figure is of
    a.as_of = quote_date->iso;
    assumed.push_back("as-of " + quote_date->iso + " (the quote's date \"" + quote_date->text + "\"" +
                      (quote_date->year_inferred ? ", year inferred from the source's published date" : "") + ")");
  }
  if (!a.as_of && a.value) {
    if (auto date = core::published_as_of(published)) {
      a.as_of = *date;
      a.as_of_assumed = true;
      assumed.push_back("as-of " + *date + " (source published date)");
    } else {
      notes.push_back("no " + field(r, "as_of") + " and the source has no published date: the claim is taken to "
                      "hold at any time");
    }
  }
  if (!assumed.empty()) {
    std::string list;
    for (const std::string& s : assumed) list += (list.empty() ? "" : ", ") + s;
    notes.push_back((is_cli(r) ? std::string() : r.origin + ": ") + "assumed " + list);
  }
  return a;
}

}  // namespace provcheck::app
