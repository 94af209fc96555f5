# Thin wrapper over CMake and ctest. Package names live in scripts/install-deps.sh.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
SANITIZE ?= OFF
WERROR ?= OFF

.PHONY: all build deps run test clean bench bench-figures

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

clean:
	rm -rf $(BUILD_DIR)
