# Thin wrapper over CMake and ctest. Package names live in scripts/install-deps.sh.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
SANITIZE ?= OFF
WERROR ?= OFF

.PHONY: all build deps run test clean bench bench-figures fuzz

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -DPROVCHECK_SANITIZE=$(SANITIZE) -DPROVCHECK_WERROR=$(WERROR)

build: $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The main job: check the bundled example workspace and write its reports.
run: deps
	@$(MAKE) --no-print-directory build
	scripts/run-example.sh $(BUILD_DIR)/provcheck

test: deps
	@$(MAKE) --no-print-directory build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: deps build
	bench/check/run.sh

bench-figures: deps build
	bench/figures/run.sh

# Every libFuzzer target, built with clang in build-fuzz and run FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) JOBS=$(JOBS) WERROR=$(WERROR) scripts/fuzz.sh

clean:
	rm -rf $(BUILD_DIR)
