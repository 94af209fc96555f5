// Fuzzes `provcheck search`'s query against a real SQLite FTS5 index
// (store/search_index.h): a store in a temporary file, created once with a
// few passages. Invariants: no crash; a query is answered or refused as
// invalid_input (a malformed FTS5 query), never another error (which the
// command would report as provcheck's own failure, exit 3); hits lie in
// their passage and carry a snapshot that was indexed.

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz_check.h"
#include "store/store.h"

namespace store = provcheck::store;

namespace {

std::unique_ptr<store::Store> make_store() {
  char dir[] = "/tmp/provcheck-fuzz-search.XXXXXX";
  FUZZ_CHECK(mkdtemp(dir) != nullptr, "cannot make a temporary folder");
  std::string path = std::string(dir) + "/store.sqlite";
  auto s = store::open_sqlite_store(path, {});
  FUZZ_CHECK(s.ok(), "cannot open the store");
  std::unique_ptr<store::Store> st = std::move(*s);
  auto tx = st->begin_write();
  FUZZ_CHECK(tx.ok(), "cannot begin a write");
  FUZZ_CHECK(st->index_passages("aa", {{0, 40, "The harbour authority counted 9,500 people."},
                                       {41, 80, "\"Quoted\" words, prefix* and NEAR things; café."}})
                 .ok(),
             "cannot index");
  FUZZ_CHECK(st->index_passages("bb", {{0, 30, "Relief bulletin: 250,000 displaced AND counting"}}).ok(),
             "cannot index");
  FUZZ_CHECK((*tx)->commit().ok(), "cannot commit");
  // The folder goes when the process does (the file stays open meanwhile).
  std::string cmd = std::string("rm -rf '") + dir + "'";
  (void)std::system(cmd.c_str());
  return st;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static std::unique_ptr<store::Store> st = make_store();
  std::string query(reinterpret_cast<const char*>(data), size);
  auto hits = st->search_passages(query, 5);
  if (!hits.ok()) {
    FUZZ_CHECK(hits.error().kind() == provcheck::util::ErrorKind::invalid_input,
               "a query failed with something other than invalid_input");
    return 0;
  }
  FUZZ_CHECK(hits->size() <= 5, "more hits than the limit");
  for (const store::SearchHit& h : *hits) {
    FUZZ_CHECK(h.snapshot == "aa" || h.snapshot == "bb", "a hit in a snapshot never indexed");
    FUZZ_CHECK(h.start < h.end, "an empty hit");
  }
  return 0;
}
