#include "server/guard.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>

namespace provcheck::server {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "name:port" or "[v6]:port" -> (name, port); port -1 when absent, -2 when malformed.
std::pair<std::string, int> split_host(std::string_view host) {
  std::string h = lower(host);
  std::size_t colon = std::string::npos;
  if (!h.empty() && h[0] == '[') {
    std::size_t close = h.find(']');
    if (close == std::string::npos) return {h, -2};
    if (close + 1 < h.size()) {
      if (h[close + 1] != ':') return {h, -2};
      colon = close + 1;
    }
  } else {
    colon = h.find(':');
    if (colon != std::string::npos && h.find(':', colon + 1) != std::string::npos) return {h, -2};  // bare IPv6
  }
  if (colon == std::string::npos) return {h, -1};
  std::string port = h.substr(colon + 1);
  if (port.empty() || port.size() > 5 || !std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c); })) {
    return {h, -2};
  }
  return {h.substr(0, colon), std::stoi(port)};
}

}  // namespace

Guard make_guard(const std::string& bind, int port, std::string token) {
  Guard g;
  g.port = port;
  g.token = std::move(token);
  g.host_names = {"localhost", "127.0.0.1", "[::1]"};
  std::string b = lower(bind);
  if (b.find(':') != std::string::npos && b.front() != '[') b = "[" + b + "]";
  if (!b.empty() && b != "0.0.0.0" && b != "[::]" && std::find(g.host_names.begin(), g.host_names.end(), b) == g.host_names.end()) {
    g.host_names.push_back(b);
  }
  return g;
}

std::string new_token() {
  unsigned char bytes[16] = {};
  std::ifstream in("/dev/urandom", std::ios::binary);
  in.read(reinterpret_cast<char*>(bytes), sizeof bytes);
  std::string out;
  char buf[3];
  for (unsigned char b : bytes) {
    std::snprintf(buf, sizeof buf, "%02x", b);
    out += buf;
  }
  return out;
}

bool is_loopback(std::string_view address) {
  std::string a = lower(address);
  return a == "localhost" || a == "::1" || a == "[::1]" || a.rfind("127.", 0) == 0;
}

std::optional<std::string> refuse_host(const Guard& g, std::string_view host_header) {
  if (host_header.empty()) return std::string("the request has no Host header");
  auto [name, port] = split_host(host_header);
  bool known = std::find(g.host_names.begin(), g.host_names.end(), name) != g.host_names.end();
  if (!known || port == -2 || (port != -1 && port != g.port) || (port == -1 && g.port != 80)) {
    return "Host '" + std::string(host_header) + "' is not this desk's address (" + g.host_names.front() + ":" +
           std::to_string(g.port) + "); open the address `provcheck serve` printed";
  }
  return std::nullopt;
}

std::optional<std::string> refuse_write(const Guard& g, std::string_view method, std::string_view host_header,
                                        std::string_view origin, std::string_view token) {
  if (method != "POST") return std::string("a change is made only by a POST from the desk's own forms");
  if (origin.empty()) return std::string("the request has no Origin header; changes come only from the desk's own pages");
  if (lower(origin) != "http://" + lower(host_header)) {
    return "Origin '" + std::string(origin) + "' is not this desk; changes come only from the desk's own pages";
  }
  if (token.size() != g.token.size() || token != g.token) {
    return std::string("the form's token is missing or from an earlier run of the server; reload the page and try again");
  }
  return std::nullopt;
}

const std::vector<Header>& security_headers() {
  static const std::vector<Header> headers = {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "same-origin"},
      {"Cache-Control", "no-store"},
  };
  return headers;
}

}  // namespace provcheck::server
