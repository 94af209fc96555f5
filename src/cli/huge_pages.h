#pragma once
// Transparent huge pages for the heap of the heavy commands.
//
// A cold `check` allocates a few hundred megabytes in small pieces: claims,
// texts, SQLite's page cache. With 4 KiB pages a quarter of its CPU time
// went to page faults (perf: exc_page_fault under malloc, memset and the
// parser). glibc backs its heap with transparent huge pages when the
// tunable glibc.malloc.hugetlb=1 is set, and only reads tunables at start,
// so `check`, `report`, `reindex` and `locate` re-execute themselves once with it
// added to GLIBC_TUNABLES (about 2 ms). PROVCHECK_HUGE_PAGES=0 turns this
// off; a failed exec just carries on without.

namespace provcheck::cli {

// Returns only when no re-exec happened (or it failed).
void maybe_reexec_with_huge_pages(int argc, char** argv);

}  // namespace provcheck::cli
