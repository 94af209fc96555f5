#include "app/query_cmd.h"

#include <cstdlib>
#include <ctime>
#include <nlohmann/json.hpp>
#include <regex>

#include "workspace/claims_file.h"
#include "workspace/settings_file.h"

namespace provcheck::app {
namespace {
using util::Error;
using util::ErrorKind;
using Json = nlohmann::ordered_json;

util::Result<std::string> parse_date(const std::string& s) {
  static const std::regex k_date(R"(\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z?)?)");
  if (!std::regex_match(s, k_date)) {
    return Error(ErrorKind::invalid_input, "query broken-since: '" + s +
                                               "' is not a date; give YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SSZ, UTC)");
  }
  return s;
}

// ISO 8601 UTC of now (SOURCE_DATE_EPOCH when set) minus `days`.
util::Result<std::string> days_ago(const std::string& arg) {
  char* end = nullptr;
  long days = std::strtol(arg.c_str(), &end, 10);
  if (arg.empty() || *end != '\0' || days < 0 || days > 100000) {
    return Error(ErrorKind::invalid_input, "query changed-sources: '" + arg + "' is not a number of days; give e.g. 7");
  }
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) t = std::strtoll(epoch, nullptr, 10);
  t -= static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(buf);
}

// The name, what it is an alias of, and every alias of that: folded.
std::vector<std::string> subject_names(const core::Settings& settings, const std::string& name) {
  std::string canonical = core::fold_name(settings.subject(name));
  std::vector<std::string> out = {core::fold_name(name)};
  if (canonical != out[0]) out.push_back(canonical);
  for (const auto& [alias, target] : settings.subject_aliases) {
    if (core::fold_name(target) == canonical && std::find(out.begin(), out.end(), alias) == out.end()) {
      out.push_back(alias);
    }
  }
  return out;
}

// The answers read the claims index: this workspace's is brought up to
// date from claims/ first when a check saw the files move on (or a store
// migration left it to be rebuilt).
util::Status refresh_claims_index(Session& s) {
  PC_ASSIGN_OR_RETURN(auto state, s.store->meta("claims_index"));
  if (state.value_or("stale") == "current") return util::Status();
  PC_ASSIGN_OR_RETURN(auto files, workspace::load_claims(s.ws));
  std::vector<core::Claim> all;
  for (auto& f : files) {
    for (auto& c : f.claims) all.push_back(std::move(c));
  }
  PC_ASSIGN_OR_RETURN(auto tx, s.store->begin_write());
  PC_TRY_STATUS(s.store->replace_claims(all));
  PC_TRY_STATUS(s.store->set_meta("claims_index", "current"));
  return tx->commit();
}

std::string finish_json(Json root) { return root.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"; }

}  // namespace

util::Result<CommandOutput> query(const GlobalOptions& g, const QueryOptions& o) {
  std::string since;
  if (o.question == "broken-since") {
    PC_ASSIGN_OR_RETURN(since, parse_date(o.argument));
  } else if (o.question == "changed-sources") {
    PC_ASSIGN_OR_RETURN(since, days_ago(o.argument));
  } else if (o.question == "subject") {
    if (core::fold_name(o.argument).empty()) {
      return Error(ErrorKind::invalid_input, "query subject: give a subject name, e.g. 'East Aleppo'");
    }
  } else {
    return Error(ErrorKind::invalid_input, "query: unknown question '" + o.question +
                                               "'; ask broken-since DATE, changed-sources DAYS or subject NAME");
  }
  PC_ASSIGN_OR_RETURN(Session s, open_session(g));
  PC_TRY_STATUS(refresh_claims_index(s));
  CommandOutput out;
  Json root;
  root["schema"] = "provcheck.query/1";
  root["question"] = o.question;
  root["argument"] = o.argument;
  Json rows = Json::array();
  if (o.question == "broken-since") {
    PC_ASSIGN_OR_RETURN(auto found, s.store->broken_since(since));
    for (const store::BrokenCitation& b : found) {
      rows.push_back({{"workspace", b.workspace}, {"claim", b.claim}, {"citation", b.index}, {"source", b.source},
                      {"status", b.status}, {"severity", b.severity}, {"since", b.since}, {"file", b.claim_file},
                      {"line", b.claim_line}, {"message", b.message}});
      out.out += b.workspace + "  " + b.claim + " #" + std::to_string(b.index + 1) + "  " + b.status + " since " +
                 b.since + "  " + b.source + "  " + b.claim_file + ":" + std::to_string(b.claim_line) + "\n";
    }
    if (found.empty()) out.notes.push_back("no citation has been broken since " + since);
  } else if (o.question == "changed-sources") {
    root["since"] = since;
    PC_ASSIGN_OR_RETURN(auto found, s.store->changed_sources(since));
    for (const store::ChangedSource& c : found) {
      rows.push_back({{"workspace", c.workspace}, {"source", c.source}, {"title", c.title},
                      {"changed_at", c.changed_at}, {"snapshots", c.snapshots}, {"claims", c.claims}});
      std::string claims;
      for (const std::string& id : c.claims) claims += (claims.empty() ? "" : ", ") + id;
      out.out += c.workspace + "  " + c.source + "  changed " + c.changed_at + " (" + std::to_string(c.snapshots) +
                 " versions)  cited by: " + (claims.empty() ? "no claim" : claims) + "\n";
    }
    if (found.empty()) out.notes.push_back("no source changed since " + since);
  } else {
    PC_ASSIGN_OR_RETURN(core::Settings settings, workspace::load_settings(s.ws));
    PC_ASSIGN_OR_RETURN(auto found, s.store->claims_by_subject(subject_names(settings, o.argument)));
    for (const store::SubjectClaim& c : found) {
      rows.push_back({{"workspace", c.workspace}, {"claim", c.claim}, {"file", c.file}, {"line", c.line},
                      {"text", c.text}, {"subject", c.subject}, {"metric", c.metric}, {"value", c.value},
                      {"unit", c.unit}, {"as_of", c.as_of}});
      std::string figure = c.metric.empty() ? "" : "  " + c.metric + " = " + c.value + (c.unit.empty() ? "" : " " + c.unit);
      out.out += c.workspace + "  " + c.claim + "  " + c.file + ":" + std::to_string(c.line) + figure +
                 (c.as_of.empty() ? "" : " (as of " + c.as_of + ")") + "\n   " + c.text + "\n";
    }
    if (found.empty()) out.notes.push_back("no claim has the subject '" + o.argument + "'");
  }
  if (o.format == "json") {
    root["results"] = std::move(rows);
    out.out = finish_json(std::move(root));
    out.notes.clear();
  }
  return out;
}

}  // namespace provcheck::app
