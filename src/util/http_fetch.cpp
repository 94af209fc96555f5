#include "util/http_fetch.h"

// libcurl is loaded on first use (dlopen), not linked: with its TLS,
// Kerberos, LDAP and HTTP/2 dependencies it would cost every provcheck run
// tens of milliseconds of dynamic loading, and only capture needs it.
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>
#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <memory>

namespace provcheck::util {
namespace {

// The part of libcurl's API provcheck uses, resolved from libcurl.so.4.
struct CurlApi {
  CURLcode (*global_init)(long) = nullptr;
  CURL* (*easy_init)() = nullptr;
  void (*easy_cleanup)(CURL*) = nullptr;
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easy_perform)(CURL*) = nullptr;
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
  const char* (*easy_strerror)(CURLcode) = nullptr;
  CURLHcode (*easy_header)(CURL*, const char*, size_t, unsigned int, int, struct curl_header**) = nullptr;
  struct curl_header* (*easy_nextheader)(CURL*, unsigned int, int, struct curl_header*) = nullptr;
  curl_slist* (*slist_append)(curl_slist*, const char*) = nullptr;
  void (*slist_free_all)(curl_slist*) = nullptr;
  std::string problem;  // why it could not be loaded
};

template <class F>
bool resolve(void* lib, const char* name, F& slot) {
  slot = reinterpret_cast<F>(dlsym(lib, name));
  return slot != nullptr;
}

const CurlApi& curl() {
  static const CurlApi api = [] {
    CurlApi a;
    void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
      a.problem = std::string("libcurl cannot be loaded (") + dlerror() + "); install libcurl4 (scripts/install-deps.sh)";
      return a;
    }
    bool ok = resolve(lib, "curl_global_init", a.global_init) && resolve(lib, "curl_easy_init", a.easy_init) &&
              resolve(lib, "curl_easy_cleanup", a.easy_cleanup) && resolve(lib, "curl_easy_setopt", a.easy_setopt) &&
              resolve(lib, "curl_easy_perform", a.easy_perform) && resolve(lib, "curl_easy_getinfo", a.easy_getinfo) &&
              resolve(lib, "curl_easy_strerror", a.easy_strerror) && resolve(lib, "curl_easy_header", a.easy_header) &&
              resolve(lib, "curl_easy_nextheader", a.easy_nextheader) && resolve(lib, "curl_slist_append", a.slist_append) && resolve(lib, "curl_slist_free_all", a.slist_free_all);
    if (!ok) {
      a.problem = "the libcurl found is too old (provcheck needs 7.84 or later for curl_easy_header)";
      return a;
    }
    a.global_init(CURL_GLOBAL_DEFAULT);  // once, before any handle: this initializer runs once
    return a;
  }();
  return api;
}

struct Sink {
  std::string* body = nullptr;
  std::uint64_t max_bytes = 0;
  bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  std::size_t n = size * count;
  if (sink->body->size() + n > sink->max_bytes) {
    sink->too_large = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body->append(data, n);
  return n;
}

std::string header(CURL* h, const char* name) {
  struct curl_header* out = nullptr;
  if (curl().easy_header(h, name, 0, CURLH_HEADER, -1, &out) != CURLHE_OK || !out || !out->value) return {};
  return out->value;
}

std::string size_text(std::uint64_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

Error transfer_error(CURLcode code, const std::string& url, const HttpOptions& o, const char* detail) {
  std::string why = detail && *detail ? detail : curl().easy_strerror(code);
  switch (code) {
    case CURLE_URL_MALFORMAT:
      return Error(ErrorKind::invalid_input, url + ": not a valid URL (" + why + ")");
    case CURLE_UNSUPPORTED_PROTOCOL:
      return Error(ErrorKind::invalid_input, url + ": only http and https URLs can be fetched, redirects included (" +
                                                 why + ")");
    case CURLE_TOO_MANY_REDIRECTS:
      return Error(ErrorKind::invalid_input, url + ": more than " + std::to_string(o.max_redirects) +
                                                 " redirects (a redirect loop?); give the final URL, or raise "
                                                 "--max-redirects");
    case CURLE_FILESIZE_EXCEEDED:
      return Error(ErrorKind::invalid_input, url + ": the body is larger than the cap of " + size_text(o.max_bytes) +
                                                 "; raise it with --max-bytes");
    case CURLE_OPERATION_TIMEDOUT:
      return Error(ErrorKind::io, url + ": timed out (connect timeout " + std::to_string(o.connect_timeout_ms) +
                                      " ms, total " + std::to_string(o.total_timeout_ms) + " ms): " + why +
                                      "; try again later or raise --timeout");
    default:
      return Error(ErrorKind::io, url + ": " + why);
  }
}

}  // namespace

std::string url_scheme(const std::string& text) {
  std::size_t colon = text.find("://");
  if (colon == std::string::npos || colon == 0) return {};
  if (!std::isalpha(static_cast<unsigned char>(text[0]))) return {};
  std::string scheme;
  for (std::size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return {};
    scheme.push_back(static_cast<char>(std::tolower(c)));
  }
  return scheme;
}

Result<HttpResponse> http_get(const std::string& url, const HttpOptions& o) {
  std::string scheme = url_scheme(url);
  if (scheme != "http" && scheme != "https") {
    return Error(ErrorKind::invalid_input, url + ": only http and https URLs can be fetched" +
                                               (scheme.empty() ? std::string() : ", not " + scheme));
  }
  const CurlApi& api = curl();
  if (!api.problem.empty()) return Error(ErrorKind::unsupported, url + ": " + api.problem);
  std::unique_ptr<CURL, void (*)(CURL*)> handle(api.easy_init(), api.easy_cleanup);
  if (!handle) return Error(ErrorKind::internal, "libcurl: cannot create a handle");
  CURL* h = handle.get();
  HttpResponse r;
  Sink sink{&r.body, o.max_bytes, false};
  char errbuf[CURL_ERROR_SIZE] = {0};
  std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(nullptr, api.slist_free_all);
  auto add_header = [&headers, &api](const std::string& line) {
    curl_slist* next = api.slist_append(headers.get(), line.c_str());
    if (next) {
      (void)headers.release();
      headers.reset(next);
    }
  };
  if (!o.if_none_match.empty()) add_header("If-None-Match: " + o.if_none_match);
  if (!o.if_modified_since.empty()) add_header("If-Modified-Since: " + o.if_modified_since);
  api.easy_setopt(h, CURLOPT_URL, url.c_str());
  api.easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  api.easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  api.easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
  api.easy_setopt(h, CURLOPT_MAXREDIRS, o.max_redirects);
  api.easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  api.easy_setopt(h, CURLOPT_TIMEOUT_MS, o.total_timeout_ms);
  api.easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_bytes));
  api.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  api.easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
  api.easy_setopt(h, CURLOPT_USERAGENT, o.user_agent.c_str());
  api.easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
  api.easy_setopt(h, CURLOPT_WRITEFUNCTION, &on_body);
  api.easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  if (headers) api.easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  CURLcode code = api.easy_perform(h);
  if (code == CURLE_WRITE_ERROR && sink.too_large) code = CURLE_FILESIZE_EXCEEDED;
  if (code != CURLE_OK) return transfer_error(code, url, o, errbuf);
  api.easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r.status);
  char* effective = nullptr;
  if (api.easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective) r.final_url = effective;
  char* type = nullptr;
  if (api.easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type) r.content_type = type;
  long redirects = 0;
  api.easy_getinfo(h, CURLINFO_REDIRECT_COUNT, &redirects);
  r.redirects = static_cast<int>(redirects);
  r.etag = header(h, "ETag");
  r.last_modified = header(h, "Last-Modified");
  // Every header of the final response, in the order it came (request -1:
  // the last one, after redirects), for the capture's evidence record.
  for (struct curl_header* hd = api.easy_nextheader(h, CURLH_HEADER, -1, nullptr); hd;
       hd = api.easy_nextheader(h, CURLH_HEADER, -1, hd)) {
    if (hd->name && hd->value) r.headers.emplace_back(hd->name, hd->value);
  }
  return r;
}

std::string http_reason(long status) {
  switch (status) {
    case 200: return "OK";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return {};
  }
}

}  // namespace provcheck::util
