#pragma once
// The desk's walls, as pure functions the server applies to every request
// before any page runs (and that tests call directly):
// - Host: only the address the server is bound to, `localhost`,
//   `127.0.0.1` or `[::1]`, with the server's port, so that a hostile page
//   cannot reach the desk through a DNS name rebound to 127.0.0.1.
// - State changes: only POST, carrying the per-run token the pages embed
//   (field `csrf`) and an Origin that is the server's own.
// - Headers: a Content-Security-Policy that allows only the server's own
//   script and style (no inline script, no style attribute, no frames),
//   nosniff, the referrer only to the desk itself (a POST then still carries
//   its Origin, which "no-referrer" would make "null").
// A refusal is a reason in words (the 403 page shows it); an empty optional
// means the request may go on. Pure, thread-safe.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace provcheck::server {

struct Guard {
  std::vector<std::string> host_names;  // lower-case, IPv6 in brackets: "localhost", "127.0.0.1", "[::1]"
  int port = 0;
  std::string token;  // per run, random
};

// A Guard for a server bound to `bind` (an address or name) on `port`.
Guard make_guard(const std::string& bind, int port, std::string token);

// 128 random bits as 32 hex digits, from the system's random source.
std::string new_token();

// Is the address one of this machine's loopback addresses?
bool is_loopback(std::string_view address);

std::optional<std::string> refuse_host(const Guard& g, std::string_view host_header);
// For a state-changing request: its method, Origin header and `csrf` field.
std::optional<std::string> refuse_write(const Guard& g, std::string_view method, std::string_view host_header,
                                        std::string_view origin, std::string_view token);

struct Header {
  const char* name;
  const char* value;
};
// The headers every response carries.
const std::vector<Header>& security_headers();

}  // namespace provcheck::server
