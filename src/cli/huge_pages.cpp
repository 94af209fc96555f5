#include "cli/huge_pages.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace provcheck::cli {

namespace {

constexpr std::string_view k_tunable = "glibc.malloc.hugetlb=1";

// The subcommand: the first argument that is neither an option nor the
// value of -C/--directory.
std::string_view subcommand(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "-C" || a == "--directory") {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] == '-') continue;
    return a;
  }
  return {};
}

}  // namespace

void maybe_reexec_with_huge_pages(int argc, char** argv) {
  if (const char* off = std::getenv("PROVCHECK_HUGE_PAGES"); off && std::strcmp(off, "0") == 0) return;
  std::string_view cmd = subcommand(argc, argv);
  if (cmd != "check" && cmd != "report" && cmd != "reindex" && cmd != "locate") return;
  const char* old = std::getenv("GLIBC_TUNABLES");
  std::string tunables = old ? old : "";
  if (tunables.find("glibc.malloc.hugetlb") != std::string::npos) return;  // set already (or by our first run)
  tunables += tunables.empty() ? "" : ":";
  tunables += k_tunable;
  if (::setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  ::execv("/proc/self/exe", argv);
  // Not re-executed: carry on as we are, with the environment as it was.
  if (old) ::setenv("GLIBC_TUNABLES", old, 1);
  else ::unsetenv("GLIBC_TUNABLES");
}

}  // namespace provcheck::cli
