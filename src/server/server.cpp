#include "server/server.h"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <memory>
#include <thread>
#include <vector>

#include "server/guard.h"
#include "server/routes.h"

namespace provcheck::server {
namespace {

std::string url_host(const std::string& address) {
  return address.find(':') != std::string::npos && address.front() != '[' ? "[" + address + "]" : address;
}

void open_browser(const std::string& url) {
  pid_t pid = ::fork();
  if (pid == 0) {
    ::execlp("xdg-open", "xdg-open", url.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
}

}  // namespace

util::Status serve(const app::GlobalOptions& g, const ServeOptions& o, const Say& announce, const Say& warn) {
  {
    auto ws = app::find_workspace(g);
    if (!ws.ok()) return ws.error();
  }
  if (o.port < 0 || o.port > 65535) {
    return util::Error(util::ErrorKind::invalid_input, "--port " + std::to_string(o.port) + ": give a port from 0 to 65535");
  }
  // SIGINT and SIGTERM are waited for below; the server threads never take them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  std::vector<std::string> addresses = o.bind_given ? std::vector<std::string>{o.bind} : std::vector<std::string>{"127.0.0.1", "::1"};
  auto desk = std::make_unique<Desk>();
  desk->global = g;
  std::vector<std::unique_ptr<httplib::Server>> servers;
  int port = o.port;
  for (const std::string& address : addresses) {
    auto http = std::make_unique<httplib::Server>();
    bool ok = port == 0 ? (port = http->bind_to_any_port(address)) > 0 : http->bind_to_port(address, port);
    if (!ok) {
      if (servers.empty()) {
        return util::Error(util::ErrorKind::io, "cannot listen on " + url_host(address) + ":" + std::to_string(o.port) +
                                                    " (in use, or not an address of this machine); try another --port");
      }
      warn("not listening on " + url_host(address) + ":" + std::to_string(port) + " (unavailable); " +
           url_host(addresses.front()) + " only");
      continue;
    }
    servers.push_back(std::move(http));
  }
  desk->guard = make_guard(o.bind_given ? o.bind : "127.0.0.1", port, new_token());
  if (o.bind_given && !is_loopback(o.bind)) {
    warn("warning: listening on " + o.bind + ", not a loopback address: other machines can reach this desk and change "
         "the workspace; anyone who can reach it can read the workspace and change it (the Host and token checks stop other web pages, not other people)");
  }
  for (auto& http : servers) add_routes(*http, *desk);
  std::vector<std::thread> threads;
  for (auto& http : servers) threads.emplace_back([&http] { http->listen_after_bind(); });
  bool wildcard = o.bind == "0.0.0.0" || o.bind == "::" || o.bind == "[::]";
  if (wildcard) {
    warn("--bind " + o.bind + " listens on every address, but the desk answers only requests addressed to localhost "
         "(the Host check); to let other machines in, --bind this machine's own address");
  }
  std::string url = "http://" + url_host(o.bind_given && !wildcard ? o.bind : "127.0.0.1") + ":" + std::to_string(port) + "/";
  announce("provcheck desk on " + url + " (Ctrl-C stops it)");
  if (o.open) open_browser(url);
  int sig = 0;
  sigwait(&stop_signals, &sig);
  for (auto& http : servers) http->stop();
  for (auto& t : threads) t.join();
  return util::Status();
}

}  // namespace provcheck::server
