#include "app/pin_hint.h"

#include <cctype>

#include "core/quote.h"

namespace provcheck::app {

std::string shell_word(std::string_view s) {
  bool plain = !s.empty();
  for (char ch : s) {
    auto u = static_cast<unsigned char>(ch);
    if (!std::isalnum(u) && std::string_view("-_./:=,@%+").find(ch) == std::string_view::npos) plain = false;
  }
  if (plain) return std::string(s);
  std::string out = "'";
  for (char ch : s) {
    if (ch == '\'') out += "'\\''";
    else out.push_back(ch);
  }
  return out + "'";
}

util::Error with_pin_hint(const util::Error& why, const core::ClaimRequest& r, std::string_view text) {
  if (why.kind() != util::ErrorKind::not_found) return why;
  std::optional<std::string> passage = core::closest_quote(text, r.quote);
  if (!passage) return why;
  if (r.origin != "claim add") {
    return util::Error(why.kind(), why.message() + "\n  to pin it, set \"quote\" on that line to that passage");
  }
  // Every flag the request had, so the command does what was meant.
  std::string cmd = "provcheck claim add --source " + shell_word(r.source) + " --quote " + shell_word(*passage);
  auto flag = [&cmd](const char* name, const std::optional<std::string>& v) {
    if (v) cmd += std::string(" ") + name + " " + shell_word(*v);
  };
  flag("--id", r.id);
  flag("--text", r.text);
  flag("--subject", r.assertion.subject);
  flag("--metric", r.assertion.metric);
  flag("--value", r.assertion.value);
  flag("--unit", r.assertion.unit);
  flag("--approx", r.assertion.approx);
  flag("--as-of", r.assertion.as_of);
  for (const std::string& t : r.tags) cmd += " --tag " + shell_word(t);
  return util::Error(why.kind(), why.message() + "\n  to pin it, run: " + cmd);
}

}  // namespace provcheck::app
