# ClaimDesk: `make run` opens the window, `make test` runs every check,
# `make package` makes the Linux package. Each first installs what a fresh
# Debian or Ubuntu machine lacks.

# Fyne's cgo build (GLFW + OpenGL) needs exactly these; running without a
# screen needs xvfb and xauth.
BUILD_PACKAGES := gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
# The fyne command is run at a fixed version, outside our module: it needs a
# newer Fyne than the app's own, which must not move because of it.
FYNE := fyne.io/tools/cmd/fyne@v1.7.4
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test build bench package deps fuzz fuzz-short

run: deps
	go run . $(ARGS)

build: deps
	go build -o claimdesk .

test: deps
	go vet ./...
	go run $(STATICCHECK) ./...
	go test -race ./...

# The fuzz target over merge: two copies edited at random, one mutated as a
# hostile colleague could, then merged. CI runs it for a short time; run it
# longer by hand with make fuzz FUZZTIME=1h.
FUZZTIME ?= 10m
fuzz: deps
	go test ./store -run '^$$' -fuzz FuzzMergeMutatedCopy -fuzztime $(FUZZTIME)

fuzz-short:
	$(MAKE) fuzz FUZZTIME=30s

# Every benchmark: the store at 100,000 claims, exports of 10,000, a scroll
# step of the claim list, the real window's launch under Xvfb when xvfb-run
# is there, and the same operations on ClaimDesk and SQLite side by side
# (./bench, whose dataset takes about five minutes to build), in process and
# as commands beside Debian's sqlite3, their peak memory by GNU time; then
# the table.
# pipefail keeps a failed benchmark from passing for a finished one; the run
# takes longer than go test's default 10-minute timeout. -p 1 runs one
# package at a time: timings taken while another package's benchmarks load
# both cores measure the load, and a window slowed past its quit timeout is
# killed before it records its file as trusted.
XVFB := $(shell command -v xvfb-run >/dev/null && echo "xvfb-run -a -s '-screen 0 1280x800x24'")
bench: deps
	$(call install-missing,sqlite3 time,the command benchmarks)
	bash -o pipefail -c "$(XVFB) go test -p 1 -run '^$$' -bench . -benchtime 5x -timeout 90m ./store ./claims/export ./app . ./bench | tee bench.out"
	go run ./bench/cmd/benchtable < bench.out

# The Linux package, dist/ClaimDesk.tar.xz: the binary, its icon and desktop
# entry, and a Makefile to install them. fyne package builds the binary
# itself, as a release build with hardened C flags and the app's metadata
# compiled in; that build shares little with `go build`'s cache, so the first
# one takes minutes. The binary goes to a temporary folder, so a ./claimdesk
# from `make build` stays. fyne package also raises Build in FyneApp.toml
# each time; the build number is a decision of ours, not a count of
# packages, so the file is put back as it was. What fyne package writes into
# the tree while it works, and leaves when it is interrupted, goes too.
FYNE_LEFTOVERS := fyne_metadata_init.go tmp-pkg
package: deps
	$(call install-missing,xz-utils,the tarball)
	@tmp=$$(mktemp -d) && cp FyneApp.toml "$$tmp/" && \
	trap 'cp "$$tmp/FyneApp.toml" FyneApp.toml; rm -rf "$$tmp" $(FYNE_LEFTOVERS)' EXIT && trap 'exit 130' INT TERM && \
	go run $(FYNE) package -os linux --release --executable "$$tmp/claimdesk"
	mkdir -p dist && mv ClaimDesk.tar.xz dist/
	tar -tf dist/ClaimDesk.tar.xz

# deps installs the missing Debian packages, and says which.
deps:
	@command -v go >/dev/null || { echo "Go is missing: install Go 1.26 or later from https://go.dev/dl/"; exit 1; }
	$(call install-missing,$(BUILD_PACKAGES),Fyne's build)

# install-missing installs those of the Debian packages $(1) that are
# missing, and says which and for what ($(2)).
define install-missing
	@missing=""; for p in $(1); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		command -v apt-get >/dev/null || { echo "Please install:$$missing"; exit 1; }; \
		echo "Installing the packages $(2) needs:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef
