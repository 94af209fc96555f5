#include "core/conflicts.h"

#include <algorithm>
#include <map>
#include <optional>

#include "core/as_of.h"
#include "core/assertion.h"

namespace provcheck::core {
using util::Error;
using util::ErrorKind;

namespace {

// One claim's assertion as read for judging.
struct Reading {
  const Claim* claim = nullptr;
  AssertionRow row;
  std::optional<Figure> figure;
  ValueInterval interval;
  std::string status_key;  // folded canonical status word
  DayRange when;
  std::string group_key;
};

std::string where(const Claim& c) { return c.file + ":" + std::to_string(c.line) + ": claim '" + c.id + "'"; }

std::string says(const AssertionRow& r) {
  std::string out = r.claim + " (" + r.source + ") says " + (r.approx.empty() ? "" : r.approx + " ") + r.value;
  if (!r.unit.empty() && r.low) out += " " + r.unit;
  if (r.as_of.empty()) return out + " (no date)";
  return out + " as of " + r.as_of + (r.as_of_assumed ? " (published)" : "");
}

util::Result<std::optional<Reading>> read(const ClaimFacts& facts, const Settings& settings) {
  const Claim& c = *facts.claim;
  const Assertion& a = c.assertion;
  if (!a.value) return std::optional<Reading>();
  Reading r;
  r.claim = &c;
  auto v = parse_asserted_value(*a.value, a.approx.value_or(""), settings);
  if (!v.ok()) return v.error().with_context(where(c) + ": assertion.value");
  r.row.claim = c.id;
  r.row.source = c.citations.empty() ? std::string() : c.citations.front().source;
  r.row.value = *a.value;
  r.row.approx = v->approx;
  r.row.status = status_name(facts.worst);
  if (v->figure) {
    r.figure = v->figure;
    if (a.unit) apply_claim_unit(*r.figure, *a.unit);  // "280" with unit km, "60" with unit percent
    r.interval = value_interval(*r.figure, v->approx, settings);
    r.row.low = r.interval.low;
    r.row.high = r.interval.high;
    r.row.unit = a.unit ? *a.unit : v->figure->unit;
  } else {
    r.row.status_value = settings.status_value(v->status_word);
    r.status_key = fold_name(r.row.status_value);
    r.row.unit = a.unit.value_or("");
  }
  std::optional<std::string> published = published_as_of(facts.published);
  if (a.as_of) {
    auto when = parse_as_of(*a.as_of);
    if (!when.ok()) return when.error().with_context(where(c) + ": assertion.as_of");
    r.when = *when;
    r.row.as_of = *a.as_of;
    r.row.as_of_assumed = a.as_of_assumed;
    if (a.as_of_assumed && published) {  // the sidecar's date now: a corrected date is followed
      r.when = *parse_as_of(*published);
      r.row.as_of = *published;
    }
  } else if (published) {
    r.when = *parse_as_of(*published);
    r.row.as_of = *published;
    r.row.as_of_assumed = true;
  }
  if (a.subject && a.metric) {
    r.row.subject = settings.subject(*a.subject);
    r.row.metric = settings.metric(*a.metric);
    r.group_key = fold_name(r.row.subject) + '\x1f' + fold_name(r.row.metric);
  }
  return std::optional<Reading>(std::move(r));
}

// The claim's figure must be among its quote's figures, in every citation.
std::optional<ConflictFinding> quote_mismatch(const Reading& r, const Settings& settings) {
  if (!r.figure) return std::nullopt;
  std::vector<std::string> lacking;
  std::string seen;
  for (const Citation& ct : r.claim->citations) {
    bool found = false;
    std::string listed;
    for (const Figure& q : extract_figures(ct.quote)) {
      if (same_figure(*r.figure, r.row.approx, q)) found = true;
      listed += (listed.empty() ? "" : ", ") + (q.approx.empty() ? "" : q.approx + " ") + q.text;
    }
    if (found) continue;
    lacking.push_back(ct.source);
    if (seen.empty()) seen = listed.empty() ? "no figure" : listed;
  }
  if (lacking.empty()) return std::nullopt;
  ConflictFinding f;
  f.kind = ConflictKind::claim_quote_mismatch;
  f.claims = {r.row.claim};
  f.subject = r.row.subject;
  f.metric = r.row.metric;
  f.severity = settings.severity_for(f.kind);
  std::string sources;
  for (const std::string& s : lacking) sources += (sources.empty() ? "" : ", ") + s;
  f.message = "claim " + r.row.claim + " says " + (r.row.approx.empty() ? "" : r.row.approx + " ") + r.row.value +
              ", but its quote in " + sources + " has " + seen + "; correct the claim's value or cite the passage "
              "that gives it";
  f.sides = {r.row};
  return f;
}

// Does `outer` hold `inner` and cover more days: a month and a day in it, a
// year and a month, an interval and a date inside it?
bool coarser(const DayRange& outer, const DayRange& inner) {
  return outer.first <= inner.first && inner.last <= outer.last && !(outer == inner);
}

// A pair whose values differ where one as-of is coarser and contains the
// other: "government" for 2016-12 and "opposition" on 2016-12-07 may both be
// true if control changed within the month. Said as a possible conflict.
// `differ` says how the values differ ("'a' and 'b' differ").
std::string granularity(const Reading& a, const Reading& b, ConflictFinding& f, const std::string& differ) {
  const Reading* outer = coarser(a.when, b.when) ? &a : coarser(b.when, a.when) ? &b : nullptr;
  if (!outer) return "";
  const Reading* inner = outer == &a ? &b : &a;
  f.kind = ConflictKind::possible_conflict;
  return differ + ", but " + inner->row.as_of + " lies within " + outer->row.as_of + ": both may hold if the value "
         "changed within " + outer->row.as_of + "; check when it changed, or give " + outer->row.claim +
         " a narrower as-of";
}

std::optional<ConflictFinding> pair_conflict(const Reading& a, const Reading& b, const Settings& settings) {
  if (!a.when.overlaps(b.when)) return std::nullopt;
  ConflictFinding f;
  std::string why;
  if (a.figure && b.figure) {
    if (!comparable(*a.figure, *b.figure)) return std::nullopt;
    ValueInterval ia{common_scale(*a.figure, a.interval.low), common_scale(*a.figure, a.interval.high),
                     a.interval.high_open};
    ValueInterval ib{common_scale(*b.figure, b.interval.low), common_scale(*b.figure, b.interval.high),
                     b.interval.high_open};
    if (ia.meets(ib)) return std::nullopt;
    f.kind = ConflictKind::figure_conflict;
    std::string differ = format_interval(a.interval) + " and " + format_interval(b.interval) + " do not meet";
    why = granularity(a, b, f, differ);
    if (why.empty()) why = "at overlapping times, " + differ;
  } else if (!a.figure && !b.figure) {
    if (a.status_key == b.status_key) return std::nullopt;
    f.kind = ConflictKind::status_conflict;
    why = granularity(a, b, f, "'" + a.row.status_value + "' and '" + b.row.status_value + "' differ");
    if (why.empty()) {
      why = "at overlapping times, '" + a.row.status_value + "' and '" + b.row.status_value + "' cannot both hold";
    }
  } else {
    return std::nullopt;  // a figure and a status word: not the same kind of statement
  }
  f.claims = {a.row.claim, b.row.claim};
  f.subject = a.row.subject;
  f.metric = a.row.metric;
  f.severity = settings.severity_for(f.kind);
  f.message = a.row.subject + " / " + a.row.metric + ": " + says(a.row) + "; " + says(b.row) + ": " + why;
  f.sides = {a.row, b.row};
  return f;
}

}  // namespace

util::Result<ConflictResult> judge_conflicts(const std::vector<ClaimFacts>& claims, const Settings& settings) {
  std::vector<Reading> readings;
  for (const ClaimFacts& facts : claims) {
    PC_ASSIGN_OR_RETURN(std::optional<Reading> r, read(facts, settings));
    if (r) readings.push_back(std::move(*r));
  }
  std::sort(readings.begin(), readings.end(), [](const Reading& x, const Reading& y) { return x.row.claim < y.row.claim; });
  ConflictResult out;
  for (const Reading& r : readings) {
    if (auto f = quote_mismatch(r, settings)) out.conflicts.push_back(std::move(*f));
  }
  std::map<std::string, std::vector<const Reading*>> groups;
  for (const Reading& r : readings) {
    if (!r.group_key.empty()) groups[r.group_key].push_back(&r);
  }
  for (auto& [key, members] : groups) {
    for (std::size_t i = 0; i < members.size(); ++i) {
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        if (auto f = pair_conflict(*members[i], *members[j], settings)) out.conflicts.push_back(std::move(*f));
      }
    }
    AssertionGroup g;
    g.subject = members.front()->row.subject;  // the spelling of the first claim by id
    g.metric = members.front()->row.metric;
    std::vector<const Reading*> by_time = members;
    std::stable_sort(by_time.begin(), by_time.end(), [](const Reading* x, const Reading* y) {
      if (x->when.first != y->when.first) return x->when.first < y->when.first;
      if (x->when.last != y->when.last) return x->when.last < y->when.last;
      return x->row.claim < y->row.claim;
    });
    for (const Reading* r : by_time) g.rows.push_back(r->row);
    out.groups.push_back(std::move(g));
  }
  std::sort(out.groups.begin(), out.groups.end(), [](const AssertionGroup& x, const AssertionGroup& y) {
    std::string kx = fold_name(x.subject), ky = fold_name(y.subject);
    if (kx != ky) return kx < ky;
    return fold_name(x.metric) < fold_name(y.metric);
  });
  std::stable_sort(out.conflicts.begin(), out.conflicts.end(), [](const ConflictFinding& x, const ConflictFinding& y) {
    if (x.claims != y.claims) return x.claims < y.claims;
    return static_cast<int>(x.kind) < static_cast<int>(y.kind);
  });
  return out;
}

}  // namespace provcheck::core
