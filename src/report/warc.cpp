#include <cctype>
#include <cstdio>

#include "core/text_fragment.h"
#include "report/exchange.h"
#include "util/hash.h"
#include "util/http_fetch.h"
#include "util/sha1.h"

namespace provcheck::report {

namespace {

constexpr const char* k_crlf = "\r\n";

// A record id that is the same for the same source and snapshot in every
// export: a UUID (version 8, RFC 9562's custom layout) from XXH3-128.
std::string record_id(const std::string& kind, const core::SourceMeta& m) {
  std::string hex = util::xxh3_128_digest("provcheck-warc\n" + kind + "\n" + m.id + "\n" + m.content_hash);
  hex = hex.substr(hex.find(':') + 1);
  hex[12] = '8';
  static const char* k_variant = "89ab";
  hex[16] = k_variant[std::stoi(hex.substr(16, 1), nullptr, 16) & 3];
  return "<urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) +
         "-" + hex.substr(20, 12) + ">";
}

// WARC-Date wants UTC to the second, "YYYY-MM-DDThh:mm:ssZ"; sidecars hold
// that, or a date alone, which becomes midnight.
std::string warc_date(const std::string& when) {
  if (when.size() == 10) return when + "T00:00:00Z";
  if (when.size() >= 20 && when[19] == '.') return when.substr(0, 19) + "Z";  // fractions dropped
  return when.empty() ? "1970-01-01T00:00:00Z" : when;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool header_safe(const std::string& s) { return s.find_first_of("\r\n") == std::string::npos; }

std::string record(const std::vector<std::pair<std::string, std::string>>& fields, const std::string& block) {
  std::string out = "WARC/1.1\r\n";
  for (const auto& [name, value] : fields) out += name + ": " + value + k_crlf;
  out += "Content-Length: " + std::to_string(block.size()) + k_crlf;
  out += k_crlf;
  out += block;
  out += "\r\n\r\n";
  return out;
}

// The HTTP response as the capture received it: status line, the recorded
// headers, the body. The body on disk is decoded (libcurl undid any
// Content-Encoding), so Content-Encoding and Transfer-Encoding are left out
// and Content-Length is the body's, which keeps the record self-consistent.
std::string http_block(const core::SourceMeta& m, const std::string& body) {
  std::string reason = util::http_reason(m.http_status);
  std::string out = "HTTP/1.1 " + std::to_string(m.http_status) + (reason.empty() ? "" : " " + reason) + k_crlf;
  bool has_type = false;
  for (const auto& [name, value] : m.response_headers) {
    std::string n = lower(name);
    if (n == "content-encoding" || n == "transfer-encoding" || n == "content-length") continue;
    if (!header_safe(name) || !header_safe(value)) continue;
    if (n == "content-type") has_type = true;
    out += name + ": " + value + k_crlf;
  }
  if (!has_type && !m.media_type.empty()) out += "Content-Type: " + m.media_type + k_crlf;
  out += "Content-Length: " + std::to_string(body.size()) + k_crlf;
  out += k_crlf;
  out += body;
  return out;
}

}  // namespace

std::string render_warc(const std::vector<WarcSource>& sources, const std::string& software) {
  std::string latest;
  for (const WarcSource& s : sources) latest = std::max(latest, warc_date(s.meta->retrieved));
  std::string info = "software: " + software + k_crlf + "format: WARC File Format 1.1\r\n" +
                     "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n";
  core::SourceMeta none;
  none.id = "warcinfo";
  std::string out = record({{"WARC-Type", "warcinfo"},
                            {"WARC-Date", latest.empty() ? "1970-01-01T00:00:00Z" : latest},
                            {"WARC-Record-ID", record_id("warcinfo", none)},
                            {"Content-Type", "application/warc-fields"}},
                           info);
  for (const WarcSource& s : sources) {
    const core::SourceMeta& m = *s.meta;
    std::string target = core::source_web_url(m);
    if (!m.final_url.empty() && m.http_status != 0) target = m.final_url;
    std::string date = warc_date(m.retrieved);
    std::string main_id = record_id(m.http_status != 0 ? "response" : "resource", m);
    std::string payload_digest = util::sha1_base32_digest(s.raw);
    if (m.http_status != 0) {
      std::string block = http_block(m, s.raw);
      out += record({{"WARC-Type", "response"},
                     {"WARC-Record-ID", main_id},
                     {"WARC-Date", date},
                     {"WARC-Target-URI", target},
                     {"Content-Type", "application/http;msgtype=response"},
                     {"WARC-Block-Digest", util::sha1_base32_digest(block)},
                     {"WARC-Payload-Digest", payload_digest}},
                    block);
    } else {
      out += record({{"WARC-Type", "resource"},
                     {"WARC-Record-ID", main_id},
                     {"WARC-Date", date},
                     {"WARC-Target-URI", target},
                     {"Content-Type", m.media_type},
                     {"WARC-Block-Digest", payload_digest},
                     {"WARC-Payload-Digest", payload_digest}},
                    s.raw);
    }
    std::string fields = "provcheck-source: " + m.id + k_crlf + "provcheck-snapshot: " + m.content_hash + k_crlf +
                         "provcheck-retrieved: " + m.retrieved + k_crlf;
    if (!m.capture_url.empty()) fields += "provcheck-capture-url: " + m.capture_url + k_crlf;
    if (!m.text_layer.empty()) fields += "provcheck-text-layer: " + m.text_layer + k_crlf;
    if (header_safe(m.title) && !m.title.empty()) fields += "title: " + m.title + k_crlf;
    out += record({{"WARC-Type", "metadata"},
                   {"WARC-Record-ID", record_id("metadata", m)},
                   {"WARC-Date", date},
                   {"WARC-Target-URI", target},
                   {"WARC-Concurrent-To", main_id},
                   {"Content-Type", "application/warc-fields"},
                   {"WARC-Block-Digest", util::sha1_base32_digest(fields)}},
                  fields);
  }
  return out;
}

}  // namespace provcheck::report
