#include "workspace/settings_file.h"

#include <system_error>

#include "core/review.h"
#include "util/file_io.h"
#include "workspace/json_input.h"

namespace provcheck::workspace {
using util::Error;
using util::ErrorKind;
using Type = JsonValue::Type;

namespace {

const std::vector<std::string_view> k_top = {"schema",     "fail_on",      "severity", "aliases",
                                             "tolerances", "rating_scale", "store",    "workspace_id"};
const std::vector<std::string_view> k_severity = {"statuses", "conflicts"};
const std::vector<std::string_view> k_aliases = {"subjects", "metrics", "values"};
const std::vector<std::string_view> k_tolerances = {"rounding", "exact", "approximate", "almost", "qualifiers"};
const std::vector<std::string_view> k_severities = {"ok", "info", "warning", "error"};

Error wrong(const std::string& origin, const JsonValue& v, const std::string& key, const std::string& what) {
  return Error(ErrorKind::invalid_input, json_where(origin, v) + ": \"" + key + "\" must be " + what + ", not " +
                                             v.type_name());
}

util::Status expect_object(const JsonValue& v, const std::string& origin, const std::string& key) {
  if (v.type == Type::object) return util::Status();
  return wrong(origin, v, key, "an object");
}

util::Result<core::Severity> read_severity(const JsonValue& v, const std::string& origin, const std::string& key,
                                           bool allow_below_warning) {
  if (v.type != Type::string) return wrong(origin, v, key, "a string (ok, info, warning or error)");
  auto s = core::parse_severity(v.string);
  if (!s || (!allow_below_warning && *s < core::Severity::warning)) {
    std::string choices = allow_below_warning ? "ok, info, warning or error" : "warning or error";
    return Error(ErrorKind::invalid_input, json_where(origin, v) + ": \"" + key + "\" is \"" + v.string +
                                               "\"; choose " + choices);
  }
  return *s;
}

util::Status read_status_overrides(const JsonValue& obj, const std::string& origin, core::Settings& s) {
  std::vector<std::string_view> names;
  for (core::CitationStatus st : core::k_all_statuses) names.push_back(core::status_name(st));
  for (const auto& [key, v] : obj.fields) {
    auto st = core::parse_status(key);
    if (!st) return unknown_key_error(origin, v, key, names, "\"severity.statuses\" (citation statuses)");
    PC_ASSIGN_OR_RETURN(s.status_severity[*st], read_severity(v, origin, "severity.statuses." + key, true));
  }
  return util::Status();
}

util::Status read_conflict_overrides(const JsonValue& obj, const std::string& origin, core::Settings& s) {
  const auto& kinds = core::k_all_conflict_kinds;
  std::vector<std::string_view> names;
  for (core::ConflictKind k : kinds) names.push_back(core::conflict_kind_name(k));
  for (const auto& [key, v] : obj.fields) {
    const core::ConflictKind* kind = nullptr;
    for (const core::ConflictKind& k : kinds) {
      if (key == core::conflict_kind_name(k)) kind = &k;
    }
    if (!kind) return unknown_key_error(origin, v, key, names, "\"severity.conflicts\" (conflict kinds)");
    PC_ASSIGN_OR_RETURN(s.conflict_severity[*kind], read_severity(v, origin, "severity.conflicts." + key, true));
  }
  return util::Status();
}

util::Status read_alias_map(const JsonValue& obj, const std::string& origin, const std::string& key,
                            std::map<std::string, std::string>& out) {
  PC_TRY_STATUS(expect_object(obj, origin, key));
  for (const auto& [alias, v] : obj.fields) {
    std::string name = key + "." + alias;
    if (v.type != Type::string) return wrong(origin, v, name, "a string (the canonical name)");
    if (core::fold_name(alias).empty() || core::fold_name(v.string).empty()) {
      return Error(ErrorKind::invalid_input, json_where(origin, v) + ": \"" + name + "\": an alias and its "
                                                 "canonical name must not be empty");
    }
    out[core::fold_name(alias)] = v.string;
  }
  // One step only: a canonical name that is itself an alias would make the
  // result depend on the order of lookups.
  for (const auto& [alias, v] : obj.fields) {
    std::string target = core::fold_name(v.string);
    if (target != core::fold_name(alias) && out.count(target) && core::fold_name(out[target]) != target) {
      return Error(ErrorKind::invalid_input, json_where(origin, v) + ": \"" + key + "." + alias + "\" points to \"" +
                                                 v.string + "\", which is itself an alias; point it to \"" +
                                                 out[target] + "\" instead");
    }
  }
  return util::Status();
}

util::Result<double> read_fraction(const JsonValue& v, const std::string& origin, const std::string& key) {
  if (v.type != Type::number && v.type != Type::integer) return wrong(origin, v, key, "a number from 0 to 1");
  if (v.number < 0 || v.number > 1) {
    return Error(ErrorKind::invalid_input, json_where(origin, v) + ": \"" + key +
                                               "\" must be a relative width from 0 to 1 (0.1 is 10%)");
  }
  return v.number;
}

util::Status read_tolerances(const JsonValue& obj, const std::string& origin, core::Tolerances& t) {
  PC_TRY_STATUS(expect_object(obj, origin, "tolerances"));
  for (const auto& [key, v] : obj.fields) {
    std::string name = "tolerances." + key;
    if (key == "rounding") {
      if (v.type != Type::boolean) return wrong(origin, v, name, "true or false");
      t.rounding = v.boolean;
    } else if (key == "exact") {
      PC_ASSIGN_OR_RETURN(t.exact, read_fraction(v, origin, name));
    } else if (key == "approximate") {
      PC_ASSIGN_OR_RETURN(t.approximate, read_fraction(v, origin, name));
    } else if (key == "almost") {
      PC_ASSIGN_OR_RETURN(t.almost, read_fraction(v, origin, name));
    } else if (key == "qualifiers") {
      PC_TRY_STATUS(expect_object(v, origin, name));
      for (const auto& [word, w] : v.fields) {
        if (core::fold_name(word).empty()) {
          return Error(ErrorKind::invalid_input, json_where(origin, w) + ": \"" + name + "\": a qualifier word must not be empty");
        }
        PC_ASSIGN_OR_RETURN(t.qualifiers[core::fold_name(word)], read_fraction(w, origin, name + "." + word));
      }
    } else {
      return unknown_key_error(origin, v, key, k_tolerances, "\"tolerances\"");
    }
  }
  return util::Status();
}

}  // namespace

util::Status check_store_url(const std::string& url, const std::string& where) {
  if (url == "sqlite") return util::Status();
  if (url.rfind("postgresql://", 0) != 0 && url.rfind("postgres://", 0) != 0) {
    return Error(ErrorKind::invalid_input, where + " is \"" + url +
                                               "\"; give \"sqlite\" or a PostgreSQL URL, postgresql://[user@]host[:port]/database");
  }
  // A password here would be written to a file people commit and share.
  std::size_t auth = url.find("://") + 3, at = url.find('@', auth), slash = url.find('/', auth);
  bool in_userinfo = at != std::string::npos && (slash == std::string::npos || at < slash) &&
                     url.find(':', auth) != std::string::npos && url.find(':', auth) < at;
  if (in_userinfo || url.find("password=") != std::string::npos) {
    return Error(ErrorKind::invalid_input, where + " holds a password; leave it out of the URL and give it in "
                                               "PGPASSWORD or ~/.pgpass, which provcheck never writes or prints");
  }
  return util::Status();
}

util::Result<core::Settings> parse_settings(std::string_view bytes, const std::string& origin) {
  JsonValue root;
  PC_ASSIGN_OR_RETURN(root, parse_json(bytes, origin));
  if (root.type != Type::object) {
    return Error(ErrorKind::invalid_input, json_where(origin, root) + ": the settings must be a JSON object");
  }
  core::Settings s;
  for (const auto& [key, v] : root.fields) {
    if (key == "schema") {
      if (v.type != Type::string) return wrong(origin, v, key, "a string");
      if (v.string != k_settings_schema) {
        return Error(ErrorKind::invalid_input, json_where(origin, v) + ": unknown settings schema \"" + v.string +
                                                   "\"; this provcheck reads " + k_settings_schema);
      }
    } else if (key == "fail_on") {
      PC_ASSIGN_OR_RETURN(s.fail_on, read_severity(v, origin, key, false));
    } else if (key == "severity") {
      PC_TRY_STATUS(expect_object(v, origin, key));
      for (const auto& [sub, sv] : v.fields) {
        if (sub != "statuses" && sub != "conflicts") return unknown_key_error(origin, sv, sub, k_severity, "\"severity\"");
        PC_TRY_STATUS(expect_object(sv, origin, "severity." + sub));
        if (sub == "statuses") PC_TRY_STATUS(read_status_overrides(sv, origin, s));
        else PC_TRY_STATUS(read_conflict_overrides(sv, origin, s));
      }
    } else if (key == "aliases") {
      PC_TRY_STATUS(expect_object(v, origin, key));
      for (const auto& [sub, av] : v.fields) {
        std::map<std::string, std::string>* target = sub == "subjects" ? &s.subject_aliases
                                                     : sub == "metrics" ? &s.metric_aliases
                                                     : sub == "values"  ? &s.value_aliases
                                                                        : nullptr;
        if (!target) return unknown_key_error(origin, av, sub, k_aliases, "\"aliases\"");
        PC_TRY_STATUS(read_alias_map(av, origin, "aliases." + sub, *target));
      }
    } else if (key == "tolerances") {
      PC_TRY_STATUS(read_tolerances(v, origin, s.tolerances));
    } else if (key == "rating_scale") {
      if (v.type != Type::array) return wrong(origin, v, key, "an array of rating labels, worst first");
      std::string joined;
      for (const JsonValue& item : v.items) {
        if (item.type != Type::string) return wrong(origin, item, key + "[]", "a string (a rating label)");
        if (item.string.find(',') != std::string::npos) {
          return Error(ErrorKind::invalid_input, json_where(origin, item) + ": rating label \"" + item.string +
                                                     "\" must not contain a comma");
        }
        joined += (joined.empty() ? "" : ",") + item.string;
      }
      PC_ASSIGN_OR_RETURN(s.rating_scale, core::parse_rating_scale(joined, json_where(origin, v) + ": \"rating_scale\""));

    } else if (key == "store") {
      if (v.type != Type::string) return wrong(origin, v, key, "a string (\"sqlite\" or \"postgresql://...\")");
      PC_TRY_STATUS(check_store_url(v.string, json_where(origin, v) + ": \"store\""));
      s.store = v.string;
    } else if (key == "workspace_id") {
      if (v.type != Type::string || v.string.empty() || v.string.size() > 64 ||
          v.string.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
        return wrong(origin, v, key, "the id provcheck wrote (lower-case letters, digits and '-', at most 64)");
      }
      s.workspace_id = v.string;
    } else {
      return unknown_key_error(origin, v, key, k_top, "provcheck.json");
    }
  }
  return s;
}

util::Result<core::Settings> load_settings(const Workspace& ws) {
  auto bytes = util::read_file(ws.settings_path());
  if (!bytes.ok()) {
    if (bytes.error().kind() == ErrorKind::not_found) return core::Settings();
    return bytes.error();
  }
  return parse_settings(*bytes, "provcheck.json");
}

}  // namespace provcheck::workspace
