#include "workspace/claim_ids.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/file_io.h"
#include "util/hash.h"

namespace provcheck::workspace {
namespace fs = std::filesystem;

namespace {

core::Claim claim(const std::string& id) {
  core::Claim c;
  c.id = id;
  c.text = "claim " + id;
  core::Citation ct;
  ct.source = "src";
  ct.quote = "a quote";
  ct.start = 0;
  ct.end = ct.quote.size();
  ct.quote_hash = util::xxh3_64_digest(ct.quote);
  c.citations.push_back(ct);
  return c;
}

class ClaimIds : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("provcheck-claim-ids-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(m_dir);
    auto ws = Workspace::init(m_dir);
    ASSERT_TRUE(ws.ok()) << ws.error().message();
    m_ws.emplace(*ws);
  }
  void TearDown() override { fs::remove_all(m_dir); }

  void write(const std::string& rel, const std::vector<std::string>& ids) {
    ClaimsFile f{rel, {}};
    for (const auto& id : ids) f.claims.push_back(claim(id));
    ASSERT_TRUE(util::write_file_atomic(m_ws->absolute(rel), render_claims_file(f)).ok());
  }
  ClaimIdScan scan(const std::string& target, ClaimIdQuery q, std::int64_t racy_ns = 0) {
    auto r = scan_claim_ids(*m_ws, target, q, racy_ns);
    EXPECT_TRUE(r.ok()) << r.error().message();
    return r.ok() ? std::move(r).value() : ClaimIdScan{};
  }

  fs::path m_dir;
  std::optional<Workspace> m_ws;
};

ClaimIdQuery ask(std::vector<std::string> ids, std::vector<std::string> prefixes = {}) {
  ClaimIdQuery q;
  q.ids.insert(ids.begin(), ids.end());
  q.prefixes = std::move(prefixes);
  return q;
}

}  // namespace

TEST_F(ClaimIds, AnswersFromTheCacheForUnchangedFilesAndParsesTheTarget) {
  write("claims/a.json", {"alpha", "src-1", "src-2"});
  write("claims/b.json", {"beta", "other-1"});
  write("claims/t.json", {"mine"});
  ClaimIdScan first = scan("claims/t.json", ask({"alpha", "nope"}, {"src-"}));
  EXPECT_EQ(first.files_parsed, 3u);  // no cache yet
  EXPECT_EQ(first.taken, (std::set<std::string>{"alpha", "mine", "src-1", "src-2"}));
  ASSERT_TRUE(first.target);
  EXPECT_EQ(first.target->claims.size(), 1u);
  EXPECT_TRUE(fs::exists(m_ws->store_dir() / k_claim_ids_file));

  ClaimIdScan second = scan("claims/t.json", ask({"beta"}, {"src-"}));
  EXPECT_EQ(second.files_parsed, 1u);  // only the target
  EXPECT_EQ(second.taken, (std::set<std::string>{"beta", "mine", "src-1", "src-2"}));

  ClaimIdScan absent = scan("claims/new.json", ask({"alpha"}));
  EXPECT_FALSE(absent.target);
  EXPECT_EQ(absent.files_parsed, 1u);  // t.json, the earlier target, was never cached
  EXPECT_EQ(absent.taken, (std::set<std::string>{"alpha"}));
}

TEST_F(ClaimIds, AnEditThatKeepsSizeAndMtimeIsSeenThroughCtime) {
  write("claims/a.json", {"aaaa"});
  (void)scan("claims/t.json", ask({"aaaa", "bbbb"}));
  auto mtime = fs::last_write_time(m_ws->absolute("claims/a.json"));
  auto size = fs::file_size(m_ws->absolute("claims/a.json"));
  ::usleep(20'000);  // so that the kernel's clock moves on
  {  // rewrite in place: same size, same inode; then put the mtime back (touch -r)
    ClaimsFile f{"claims/a.json", {claim("bbbb")}};
    std::ofstream(m_ws->absolute("claims/a.json"), std::ios::binary | std::ios::trunc) << render_claims_file(f);
  }
  fs::last_write_time(m_ws->absolute("claims/a.json"), mtime);
  ASSERT_EQ(fs::file_size(m_ws->absolute("claims/a.json")), size);
  ClaimIdScan s = scan("claims/t.json", ask({"aaaa", "bbbb"}));
  EXPECT_EQ(s.files_parsed, 1u);
  EXPECT_EQ(s.taken, (std::set<std::string>{"bbbb"}));
}

TEST_F(ClaimIds, AFileWrittenWithinTheRacyWindowIsNeverTakenFromTheCache) {
  write("claims/a.json", {"aaaa"});
  (void)scan("claims/t.json", ask({"aaaa"}), k_claim_ids_racy_ns);
  ClaimIdScan s = scan("claims/t.json", ask({"aaaa"}), k_claim_ids_racy_ns);
  EXPECT_EQ(s.files_parsed, 1u);  // just written: its stat cannot vouch for it yet
  EXPECT_EQ(s.taken, (std::set<std::string>{"aaaa"}));
}

TEST_F(ClaimIds, ADuplicateAcrossACachedAndAChangedFileIsLoadClaimsError) {
  write("claims/a.json", {"same"});
  (void)scan("claims/t.json", ask({}));
  write("claims/b.json", {"same"});
  auto r = scan_claim_ids(*m_ws, "claims/t.json", ask({}), 0);
  ASSERT_FALSE(r.ok());
  auto full = load_claims(*m_ws);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(r.error().message(), full.error().message());
  EXPECT_NE(r.error().message().find("duplicate claim id 'same'"), std::string::npos);
}

TEST_F(ClaimIds, ADamagedOrForeignCacheIsIgnored) {
  write("claims/a.json", {"aaaa"});
  for (std::string junk : {std::string(), std::string("PCCLIDS\n\x07\0\0\0", 12), std::string("garbage")}) {
    ASSERT_TRUE(util::write_file_atomic(m_ws->store_dir() / k_claim_ids_file, junk).ok());
    ClaimIdScan s = scan("claims/t.json", ask({"aaaa"}));
    EXPECT_EQ(s.files_parsed, 1u);
    EXPECT_EQ(s.taken, (std::set<std::string>{"aaaa"}));
  }
  // A cache cut short anywhere is ignored as a whole.
  (void)scan("claims/t.json", ask({"aaaa"}));
  auto bytes = util::read_file(m_ws->store_dir() / k_claim_ids_file);
  ASSERT_TRUE(bytes.ok());
  for (std::size_t cut = 0; cut < bytes->size(); ++cut) {
    ASSERT_TRUE(util::write_file_atomic(m_ws->store_dir() / k_claim_ids_file, bytes->substr(0, cut)).ok());
    ClaimIdScan s = scan("claims/t.json", ask({"aaaa"}));
    EXPECT_EQ(s.taken, (std::set<std::string>{"aaaa"})) << "cut at " << cut;
  }
}

TEST_F(ClaimIds, DeletedAndRenamedFilesDropOut) {
  write("claims/a.json", {"aaaa"});
  write("claims/b.json", {"bbbb"});
  (void)scan("claims/t.json", ask({"aaaa", "bbbb"}));
  fs::remove(m_ws->absolute("claims/a.json"));
  fs::rename(m_ws->absolute("claims/b.json"), m_ws->absolute("claims/sub.json"));
  ClaimIdScan s = scan("claims/t.json", ask({"aaaa", "bbbb"}));
  EXPECT_EQ(s.taken, (std::set<std::string>{"bbbb"}));
}

}  // namespace provcheck::workspace
