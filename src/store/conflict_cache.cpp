#include "store/conflict_cache.h"

#include <cstring>
#include <iterator>

#include "store/packing.h"

namespace provcheck::store {
namespace {

constexpr std::uint64_t k_format = 1;

void put_f64(std::string& out, double v) {
  std::uint64_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  put_u64(out, bits);
}

double f64(Unpacker& in) {
  std::uint64_t bits = in.u64();
  double v = 0;
  std::memcpy(&v, &bits, sizeof v);
  return v;
}

void put_row(std::string& out, const core::AssertionRow& r) {
  for (const std::string* s : {&r.claim, &r.source, &r.subject, &r.metric, &r.value, &r.status_value, &r.unit,
                               &r.approx, &r.as_of, &r.status}) {
    put_str(out, *s);
  }
  put_u64(out, (r.low ? 1u : 0u) | (r.high ? 2u : 0u) | (r.as_of_assumed ? 4u : 0u));
  put_f64(out, r.low.value_or(0));
  put_f64(out, r.high.value_or(0));
}

core::AssertionRow row(Unpacker& in) {
  core::AssertionRow r;
  for (std::string* s : {&r.claim, &r.source, &r.subject, &r.metric, &r.value, &r.status_value, &r.unit, &r.approx,
                         &r.as_of, &r.status}) {
    *s = in.str();
  }
  std::uint64_t flags = in.u64();
  double low = f64(in), high = f64(in);
  if (flags & 1u) r.low = low;
  if (flags & 2u) r.high = high;
  r.as_of_assumed = (flags & 4u) != 0;
  return r;
}

void put_rows(std::string& out, const std::vector<core::AssertionRow>& rows) {
  put_u64(out, rows.size());
  for (const auto& r : rows) put_row(out, r);
}

std::vector<core::AssertionRow> rows(Unpacker& in) {
  std::vector<core::AssertionRow> out;
  std::uint64_t n = in.u64();
  for (std::uint64_t i = 0; i < n && in.ok(); ++i) out.push_back(row(in));
  return out;
}

}  // namespace

std::string pack_conflict_report(const ConflictReport& r) {
  std::string out;
  put_u64(out, k_format);
  put_u64(out, r.conflicts.size());
  for (const core::ConflictFinding& c : r.conflicts) {
    put_u64(out, static_cast<std::uint64_t>(c.kind));
    put_u64(out, static_cast<std::uint64_t>(c.severity));
    put_u64(out, c.claims.size());
    for (const std::string& id : c.claims) put_str(out, id);
    put_str(out, c.subject);
    put_str(out, c.metric);
    put_str(out, c.message);
    put_rows(out, c.sides);
  }
  put_u64(out, r.groups.size());
  for (const core::AssertionGroup& g : r.groups) {
    put_str(out, g.subject);
    put_str(out, g.metric);
    put_rows(out, g.rows);
  }
  return out;
}

std::optional<ConflictReport> unpack_conflict_report(std::string_view blob, bool& damaged) {
  damaged = false;
  Unpacker in(blob);
  if (in.u64() != k_format || !in.ok()) return std::nullopt;
  ConflictReport r;
  std::uint64_t n = in.u64();
  for (std::uint64_t i = 0; i < n && in.ok(); ++i) {
    core::ConflictFinding c;
    std::uint64_t kind = in.u64(), severity = in.u64();
    if (kind >= std::size(core::k_all_conflict_kinds) || severity > 3) {
      damaged = true;
      return std::nullopt;
    }
    c.kind = static_cast<core::ConflictKind>(kind);
    c.severity = static_cast<core::Severity>(severity);
    std::uint64_t k = in.u64();
    for (std::uint64_t j = 0; j < k && in.ok(); ++j) c.claims.push_back(in.str());
    c.subject = in.str();
    c.metric = in.str();
    c.message = in.str();
    c.sides = rows(in);
    r.conflicts.push_back(std::move(c));
  }
  std::uint64_t g = in.u64();
  for (std::uint64_t i = 0; i < g && in.ok(); ++i) {
    core::AssertionGroup group;
    group.subject = in.str();
    group.metric = in.str();
    group.rows = rows(in);
    r.groups.push_back(std::move(group));
  }
  if (!in.ok()) {
    damaged = true;
    return std::nullopt;
  }
  return r;
}

}  // namespace provcheck::store
