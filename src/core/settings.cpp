#include "core/settings.h"

#include "core/review.h"

#include <cctype>
#include <utility>

namespace provcheck::core {
namespace {

// The qualifier words the figure reader knows, with how each bounds a figure.
constexpr std::pair<const char*, QualifierClass> k_qualifiers[] = {
    {"about", QualifierClass::approximate},      {"around", QualifierClass::approximate},
    {"roughly", QualifierClass::approximate},    {"approximately", QualifierClass::approximate},
    {"approx", QualifierClass::approximate},     {"circa", QualifierClass::approximate},
    {"some", QualifierClass::approximate},       {"estimated", QualifierClass::approximate},
    {"an estimated", QualifierClass::approximate},
    {"almost", QualifierClass::below},           {"nearly", QualifierClass::below},
    {"close to", QualifierClass::below},         {"just under", QualifierClass::below},
    {"more than", QualifierClass::at_least},     {"at least", QualifierClass::at_least},
    {"over", QualifierClass::at_least},          {"just over", QualifierClass::at_least},
    {"well over", QualifierClass::at_least},     {"upwards of", QualifierClass::at_least},
    {"in excess of", QualifierClass::at_least},
    {"up to", QualifierClass::at_most},          {"fewer than", QualifierClass::at_most},
    {"less than", QualifierClass::at_most},      {"under", QualifierClass::at_most},
    {"as many as", QualifierClass::at_most},     {"as much as", QualifierClass::at_most},
    {"no more than", QualifierClass::at_most},
};

std::string lookup(const std::map<std::string, std::string>& aliases, std::string_view name) {
  auto it = aliases.find(fold_name(name));
  return it == aliases.end() ? std::string(name) : it->second;
}

}  // namespace

std::string fold_name(std::string_view s) {
  std::string out;
  bool space = false;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isspace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(static_cast<char>(std::tolower(c)));
  }
  return out;
}

std::optional<QualifierClass> qualifier_class(std::string_view word) {
  std::string w = fold_name(word);
  if (w.empty()) return QualifierClass::exact;
  for (const auto& [name, cls] : k_qualifiers) {
    if (w == name) return cls;
  }
  return std::nullopt;
}

const char* known_qualifiers() {
  return "about, around, roughly, approximately, circa, some, estimated, almost, nearly, close to, just under, "
         "more than, at least, over, just over, well over, upwards of, in excess of, up to, fewer than, less than, "
         "under, as many as, as much as, no more than";
}

const std::vector<std::string>& Settings::ratings() const {
  return rating_scale.empty() ? default_rating_scale() : rating_scale;
}

Severity Settings::severity_for(CitationStatus s) const {
  auto it = status_severity.find(s);
  return it == status_severity.end() ? default_severity(s) : it->second;
}

Severity Settings::severity_for(ConflictKind k) const {
  auto it = conflict_severity.find(k);
  return it == conflict_severity.end() ? default_severity(k) : it->second;
}

std::string Settings::subject(std::string_view name) const { return lookup(subject_aliases, name); }
std::string Settings::metric(std::string_view name) const { return lookup(metric_aliases, name); }
std::string Settings::status_value(std::string_view word) const { return lookup(value_aliases, word); }

double Settings::tolerance_for(std::string_view qualifier) const {
  std::string w = fold_name(qualifier);
  if (auto it = tolerances.qualifiers.find(w); it != tolerances.qualifiers.end()) return it->second;
  auto cls = qualifier_class(w);
  if (cls == QualifierClass::below) return tolerances.almost;
  if (cls == QualifierClass::exact) return tolerances.exact;
  return tolerances.approximate;
}

}  // namespace provcheck::core
