#include "workspace/claim_ids.h"

#include <chrono>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "util/file_io.h"

namespace provcheck::workspace {

namespace {

constexpr char k_magic[8] = {'P', 'C', 'C', 'L', 'I', 'D', 'S', '\n'};

struct Entry {
  std::int64_t size = 0, mtime_ns = 0, ctime_ns = 0, inode = 0, recorded_ns = 0;
  std::vector<std::string_view> ids;  // into the cache's bytes
};

std::int64_t wall_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class Reader {
 public:
  explicit Reader(std::string_view b) : m_b(b) {}
  bool u32(std::uint32_t& v) { return raw(&v, sizeof v); }
  bool i64(std::int64_t& v) { return raw(&v, sizeof v); }
  bool str(std::string_view& s) {
    std::uint32_t n = 0;
    if (!u32(n) || n > m_b.size() - m_pos) return false;
    s = m_b.substr(m_pos, n);
    m_pos += n;
    return true;
  }
  bool skip(std::size_t n) {
    if (n > m_b.size() - m_pos) return false;
    m_pos += n;
    return true;
  }
  bool done() const { return m_pos == m_b.size(); }

 private:
  bool raw(void* out, std::size_t n) {
    if (n > m_b.size() - m_pos) return false;
    std::memcpy(out, m_b.data() + m_pos, n);
    m_pos += n;
    return true;
  }
  std::string_view m_b;
  std::size_t m_pos = 0;
};

// The cache as a map from workspace-relative path to entry; empty when the
// file is absent, of another version or damaged in any way.
std::unordered_map<std::string_view, Entry> parse_cache(std::string_view bytes) {
  std::unordered_map<std::string_view, Entry> out;
  Reader r(bytes);
  std::uint32_t version = 0, files = 0;
  if (bytes.size() < sizeof k_magic || std::memcmp(bytes.data(), k_magic, sizeof k_magic) != 0) return {};
  if (!r.skip(sizeof k_magic) || !r.u32(version) || version != k_claim_ids_version || !r.u32(files)) return {};
  for (std::uint32_t f = 0; f < files; ++f) {
    std::string_view path;
    Entry e;
    std::uint32_t n = 0;
    if (!r.str(path) || !r.i64(e.size) || !r.i64(e.mtime_ns) || !r.i64(e.ctime_ns) || !r.i64(e.inode) ||
        !r.i64(e.recorded_ns) || !r.u32(n)) {
      return {};
    }
    e.ids.resize(n);
    for (auto& id : e.ids) {
      if (!r.str(id)) return {};
    }
    out.emplace(path, std::move(e));
  }
  if (!r.done()) return {};
  return out;
}

void put_u32(std::string& out, std::uint32_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_i64(std::string& out, std::int64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
void put_str(std::string& out, std::string_view s) {
  put_u32(out, static_cast<std::uint32_t>(s.size()));
  out.append(s);
}

bool usable(const Entry& e, const util::FileStat& st, std::int64_t racy_ns) {
  return e.size == static_cast<std::int64_t>(st.size) && e.mtime_ns == st.mtime_ns && e.ctime_ns == st.ctime_ns &&
         e.inode == static_cast<std::int64_t>(st.inode) && st.mtime_ns < e.recorded_ns - racy_ns &&
         st.ctime_ns < e.recorded_ns - racy_ns;
}

bool wanted(std::string_view id, const std::unordered_set<std::string_view>& ids, const ClaimIdQuery& q) {
  if (ids.count(id)) return true;
  for (const std::string& p : q.prefixes) {
    if (id.size() >= p.size() && id.compare(0, p.size(), p) == 0) return true;
  }
  return false;
}

}  // namespace

util::Result<ClaimIdScan> scan_claim_ids(const Workspace& ws, const std::string& target, const ClaimIdQuery& q,
                                         std::int64_t racy_ns) {
  PC_ASSIGN_OR_RETURN(std::vector<std::string> paths, list_claims_files(ws));
  const std::filesystem::path cache_path = ws.store_dir() / k_claim_ids_file;
  std::string cache_bytes;
  if (auto b = util::read_file(cache_path); b.ok()) cache_bytes = std::move(b).value();
  auto cache = parse_cache(cache_bytes);

  ClaimIdScan scan;
  // Files parsed in full: their ids, and a stat fit for a new cache entry
  // (nullopt when the file changed while it was read).
  struct Parsed {
    std::string path;
    std::vector<std::string> ids;
    std::optional<util::FileStat> stat;
    std::int64_t recorded_ns = 0;
  };
  std::vector<Parsed> parsed;
  std::vector<std::pair<const std::string*, const Entry*>> cached;
  std::size_t dirty_ids = 0, cached_ids = 0;
  bool duplicate = false;
  std::unordered_set<std::string_view> parsed_ids;  // over every parsed file
  const std::unordered_set<std::string_view> asked(q.ids.begin(), q.ids.end());

  for (const std::string& rel : paths) {
    std::int64_t now = wall_ns();
    auto st = util::stat_file(ws.absolute(rel));
    auto hit = cache.find(rel);
    if (rel != target && st.ok() && hit != cache.end() && usable(hit->second, *st, racy_ns)) {
      cached.emplace_back(&rel, &hit->second);
      cached_ids += hit->second.ids.size();
      continue;
    }
    PC_ASSIGN_OR_RETURN(ClaimsFile f, read_claims_file(ws, rel));
    ++scan.files_parsed;
    Parsed p{rel, {}, std::nullopt, now};
    auto after = util::stat_file(ws.absolute(rel));
    // Recorded only when its stat can vouch for it later: unchanged while
    // read, and not written within the racy window before the stat.
    if (rel != target && st.ok() && after.ok() && after->size == st->size && after->mtime_ns == st->mtime_ns &&
        after->ctime_ns == st->ctime_ns && after->inode == st->inode && st->mtime_ns < now - racy_ns &&
        st->ctime_ns < now - racy_ns) {
      p.stat = *st;
    }
    p.ids.reserve(f.claims.size());
    for (const core::Claim& c : f.claims) p.ids.push_back(c.id);
    dirty_ids += p.ids.size();
    parsed.push_back(std::move(p));
    if (rel == target) scan.target = std::move(f);
  }
  for (const Parsed& p : parsed) {
    for (const std::string& id : p.ids) {
      if (!parsed_ids.insert(id).second) duplicate = true;
      if (p.path == target || wanted(id, asked, q)) scan.taken.insert(id);
    }
  }
  // Ids of unchanged files were unique among themselves when the cache was
  // written; only a clash with a parsed file's id is new.
  for (const auto& [path, e] : cached) {
    for (std::string_view id : e->ids) {
      if (parsed_ids.count(id)) duplicate = true;
      if (wanted(id, asked, q)) scan.taken.emplace(id);
    }
  }
  if (duplicate) {
    // load_claims names both places of the first clash in file order.
    auto all = load_claims(ws);
    if (!all.ok()) return all.error();
    return util::Error(util::ErrorKind::internal, "claim id cache: a duplicate id that load_claims does not see");
  }

  // Rewrite the cache when the files parsed here are a large share of it,
  // so that a run of `claim add`s to new files costs a rewrite now and then.
  std::size_t stale_entries = cache.size() - cached.size();
  if (dirty_ids >= 4096 || dirty_ids * 8 > cached_ids || stale_entries * 8 > cache.size()) {
    std::string out(k_magic, sizeof k_magic);
    put_u32(out, k_claim_ids_version);
    std::uint32_t files = 0;
    for (const Parsed& p : parsed) files += p.stat ? 1 : 0;
    put_u32(out, static_cast<std::uint32_t>(cached.size()) + files);
    auto entry = [&](std::string_view path, std::int64_t size, std::int64_t mtime, std::int64_t ctime,
                     std::int64_t inode, std::int64_t recorded, const auto& ids) {
      put_str(out, path);
      for (std::int64_t v : {size, mtime, ctime, inode, recorded}) put_i64(out, v);
      put_u32(out, static_cast<std::uint32_t>(ids.size()));
      for (const auto& id : ids) put_str(out, id);
    };
    for (const auto& [path, e] : cached) entry(*path, e->size, e->mtime_ns, e->ctime_ns, e->inode, e->recorded_ns, e->ids);
    for (const Parsed& p : parsed) {
      if (!p.stat) continue;
      entry(p.path, static_cast<std::int64_t>(p.stat->size), p.stat->mtime_ns, p.stat->ctime_ns,
            static_cast<std::int64_t>(p.stat->inode), p.recorded_ns, p.ids);
    }
    if (std::filesystem::is_directory(ws.store_dir())) (void)util::write_file_atomic(cache_path, out);
  }
  return scan;
}

}  // namespace provcheck::workspace
