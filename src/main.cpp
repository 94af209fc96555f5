#include "cli/cli.h"
#include "cli/huge_pages.h"
int main(int argc, char** argv) {
  provcheck::cli::maybe_reexec_with_huge_pages(argc, argv);
  return provcheck::cli::run(argc, argv);
}
