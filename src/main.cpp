#include "cli/cli.h"
int main(int argc, char** argv) { return provcheck::cli::run(argc, argv); }
