#include "store/row_codecs.h"

#include <cstdlib>
#include <cstring>

#include "store/packing.h"

namespace provcheck::store {
namespace {
// Version of the stat cache blob's layout; bump when FileRecord's packing changes.
constexpr std::uint64_t k_stat_cache_format = 2;
}  // namespace

// The run summary as "key=value;" pairs: small, and readable in a database shell.
std::string encode_summary(const core::CheckSummary& s) {
  std::string out = "claims=" + std::to_string(s.claims) + ";citations=" + std::to_string(s.citations) +
                    ";sources=" + std::to_string(s.sources) + ";conflicts=" + std::to_string(s.conflicts) +
                    ";errors=" + std::to_string(s.errors) + ";warnings=" + std::to_string(s.warnings);
  for (const auto& [k, v] : s.by_status) out += ";status." + k + "=" + std::to_string(v);
  return out;
}

core::CheckSummary decode_summary(const std::string& text) {
  core::CheckSummary s;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find(';', pos);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(pos, end - pos);
    pos = end + 1;
    std::size_t eq = item.find('=');
    if (eq == std::string::npos) continue;
    std::string key = item.substr(0, eq);
    std::size_t value = std::strtoull(item.c_str() + eq + 1, nullptr, 10);
    if (key == "claims") s.claims = value;
    else if (key == "citations") s.citations = value;
    else if (key == "sources") s.sources = value;
    else if (key == "conflicts") s.conflicts = value;
    else if (key == "errors") s.errors = value;
    else if (key == "warnings") s.warnings = value;
    else if (key.rfind("status.", 0) == 0) s.by_status[key.substr(7)] = value;
  }
  return s;
}

std::string pack_file_records(const std::vector<FileRecord>& all) {
  std::string blob;
  blob.reserve(all.size() * 96);
  put_u64(blob, k_stat_cache_format);
  put_u64(blob, all.size());
  for (const FileRecord& r : all) {
    put_str(blob, r.path);
    put_u64(blob, static_cast<std::uint64_t>(r.size));
    put_u64(blob, static_cast<std::uint64_t>(r.mtime_ns));
    put_u64(blob, static_cast<std::uint64_t>(r.inode));
    put_u64(blob, static_cast<std::uint64_t>(r.recorded_ns));
    put_str(blob, r.content_hash);
    put_u64(blob, static_cast<std::uint64_t>(r.ctime_ns));
  }
  return blob;
}

std::optional<std::unordered_map<std::string, FileRecord>> unpack_file_records(std::string_view blob) {
  std::unordered_map<std::string, FileRecord> out;
  Unpacker in(blob);
  if (in.u64() != k_stat_cache_format) return out;
  std::uint64_t n = in.u64();
  out.reserve(n);
  for (std::uint64_t i = 0; i < n && in.ok(); ++i) {
    FileRecord r;
    r.path = in.str();
    r.size = static_cast<std::int64_t>(in.u64());
    r.mtime_ns = static_cast<std::int64_t>(in.u64());
    r.inode = static_cast<std::int64_t>(in.u64());
    r.recorded_ns = static_cast<std::int64_t>(in.u64());
    r.content_hash = in.str();
    r.ctime_ns = static_cast<std::int64_t>(in.u64());
    out.emplace(r.path, std::move(r));
  }
  if (!in.ok()) return std::nullopt;
  return out;
}

std::string pack_intact_set(const std::vector<IntactEntry>& entries) {
  std::string blob(entries.size() * 16, '\0');
  for (std::size_t i = 0; i < entries.size(); ++i) {
    std::memcpy(blob.data() + i * 16, &entries[i].key_hash, 8);
    std::memcpy(blob.data() + i * 16 + 8, &entries[i].cache_key, 8);
  }
  return blob;
}

std::optional<std::vector<IntactEntry>> unpack_intact_set(std::string_view blob) {
  if (blob.size() % 16 != 0) return std::nullopt;
  std::vector<IntactEntry> out(blob.size() / 16);
  for (std::size_t i = 0; i < out.size(); ++i) {
    std::memcpy(&out[i].key_hash, blob.data() + i * 16, 8);
    std::memcpy(&out[i].cache_key, blob.data() + i * 16 + 8, 8);
  }
  return out;
}

}  // namespace provcheck::store
