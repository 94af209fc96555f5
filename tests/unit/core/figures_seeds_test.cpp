// Precision and recall of the figure extractor against the hand-labelled
// figures of the five seed articles (tests/data/figures/seeds-labels.jsonl,
// conventions in its README). The articles live outside the project
// (../shared/corpus/seeds); the test skips when they are absent or differ
// from the labelled bytes. A prediction matches a label when the spans
// overlap, the kinds are equal and the values are equal (dates and clock
// times by their ISO string); each label matches at most once.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/figures.h"
#include "support/sha256.h"

namespace provcheck::core {
namespace {

constexpr double k_target = 0.97;

struct Label {
  std::string file;
  std::uint64_t start = 0, end = 0;
  std::string kind;
  nlohmann::json value, low, high, unit, approx;
};

std::string read_all(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

nlohmann::json value_of(const Figure& f) {
  if (!f.iso.empty()) return f.iso;
  return f.value;
}

nlohmann::json bound_of(const Figure& f, double v) {
  if (!f.iso.empty()) return f.iso;
  if (std::isinf(v)) return nullptr;
  return v;
}

nlohmann::json text_or_null(const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

bool same_value(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.is_string() || b.is_string()) return a == b;
  double x = a.get<double>(), y = b.get<double>();
  return std::fabs(x - y) <= 1e-6 * std::max(1.0, std::fabs(y));
}

std::string context(const std::string& text, std::uint64_t b, std::uint64_t e) {
  std::uint64_t cb = b > 30 ? b - 30 : 0;
  std::string s = text.substr(cb, b - cb) + "[[" + text.substr(b, e - b) + "]]" + text.substr(e, 30);
  for (char& c : s)
    if (c == '\n') c = ' ';
  return s;
}

TEST(FiguresSeeds, PrecisionAndRecallOnTheLabelledSet) {
  bool ok = false;
  std::string labels_text = read_all(std::string(PROVCHECK_TEST_DATA) + "/figures/seeds-labels.jsonl", ok);
  ASSERT_TRUE(ok) << "tests/data/figures/seeds-labels.jsonl is missing";
  std::map<std::string, std::vector<Label>> by_file;
  std::map<std::string, std::pair<std::string, std::uint64_t>> pins;
  std::istringstream lines(labels_text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    nlohmann::json j = nlohmann::json::parse(line);
    std::string file = j.at("file");
    if (j.contains("sha256")) {
      pins[file] = {j.at("sha256"), j.at("bytes")};
      continue;
    }
    by_file[file].push_back({file, j.at("start"), j.at("end"), j.at("kind"), j.at("value"), j.at("low"), j.at("high"),
                             j.at("unit"), j.at("approx")});
  }
  std::size_t labels = 0, predicted = 0, matched = 0, fields_agree = 0;
  std::string report;
  for (const auto& [file, pin] : pins) {
    std::string text = read_all(std::string(PROVCHECK_SEEDS) + "/" + file, ok);
    if (!ok) GTEST_SKIP() << "seed article " << file << " is absent (../shared/corpus/seeds)";
    if (text.size() != pin.second || test::sha256_hex(text) != pin.first)
      GTEST_SKIP() << "seed article " << file << " differs from the labelled bytes";
    std::vector<Figure> figs = extract_figures(text);
    const std::vector<Label>& want = by_file[file];
    std::vector<bool> used(figs.size(), false);
    labels += want.size();
    predicted += figs.size();
    for (const Label& l : want) {
      bool hit = false;
      for (std::size_t i = 0; i < figs.size() && !hit; ++i) {
        const Figure& f = figs[i];
        if (used[i] || f.end <= l.start || f.start >= l.end) continue;
        if (figure_kind_name(f.kind) != l.kind || !same_value(value_of(f), l.value)) continue;
        used[i] = hit = true;
        bool fields = (l.low.is_null() ? bound_of(f, f.low).is_null() : same_value(bound_of(f, f.low), l.low)) &&
                      (l.high.is_null() ? bound_of(f, f.high).is_null() : same_value(bound_of(f, f.high), l.high)) &&
                      text_or_null(f.unit) == l.unit && text_or_null(f.approx) == l.approx;
        if (fields) ++fields_agree;
        else report += "  field " + file.substr(0, 3) + " want low/high/unit/approx " + l.low.dump() + " " +
                       l.high.dump() + " " + l.unit.dump() + " " + l.approx.dump() + ", got " +
                       bound_of(f, f.low).dump() + " " + bound_of(f, f.high).dump() + " " +
                       text_or_null(f.unit).dump() + " " + text_or_null(f.approx).dump() + "  " +
                       context(text, f.start, f.end) + "\n";
      }
      if (hit) ++matched;
      else report += "  miss  " + file.substr(0, 3) + " " + l.kind + " " + l.value.dump() + "  " +
                     context(text, l.start, l.end) + "\n";
    }
    for (std::size_t i = 0; i < figs.size(); ++i) {
      if (used[i]) continue;
      const Figure& f = figs[i];
      report += std::string("  extra ") + file.substr(0, 3) + " " + figure_kind_name(f.kind) + " " +
                value_of(f).dump() + "  " + context(text, f.start, f.end) + "\n";
    }
  }
  double precision = predicted ? static_cast<double>(matched) / static_cast<double>(predicted) : 0;
  double recall = labels ? static_cast<double>(matched) / static_cast<double>(labels) : 0;
  std::printf(
      "figures on the seeds: %zu labels, %zu found, %zu matched; precision %.3f recall %.3f; "
      "interval, unit and qualifier agree on %zu of %zu matched\n%s",
      labels, predicted, matched, precision, recall, fields_agree, matched, report.c_str());
  EXPECT_GE(precision, k_target) << report;
  EXPECT_GE(recall, k_target) << report;
  EXPECT_GE(static_cast<double>(fields_agree), k_target * static_cast<double>(matched)) << report;
}

}  // namespace
}  // namespace provcheck::core
