# ClaimDesk: `make run` opens the window, `make test` runs every check.
# Both first install what a fresh Debian or Ubuntu machine lacks.

# Fyne's cgo build (GLFW + OpenGL) needs exactly these; running without a
# screen needs xvfb and xauth.
BUILD_PACKAGES := gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev \
	libxrandr-dev libxinerama-dev libxi-dev libxxf86vm-dev
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: run test build bench deps

run: deps
	go run . $(ARGS)

build: deps
	go build -o claimdesk .

test: deps
	go vet ./...
	go run $(STATICCHECK) ./...
	go test -race ./...

# Every benchmark: the store at 100,000 claims, exports of 10,000, a scroll
# step of the claim list, the real window's launch under Xvfb when xvfb-run
# is there, and the same operations on ClaimDesk and SQLite side by side
# (./bench, whose dataset takes about five minutes to build); then the table.
# pipefail keeps a failed benchmark from passing for a finished one; the run
# takes longer than go test's default 10-minute timeout.
XVFB := $(shell command -v xvfb-run >/dev/null && echo "xvfb-run -a -s '-screen 0 1280x800x24'")
bench: deps
	bash -o pipefail -c "$(XVFB) go test -run '^$$' -bench . -benchtime 5x -timeout 60m ./store ./claims/export ./app . ./bench | tee bench.out"
	go run ./bench/cmd/benchtable < bench.out

# deps installs the missing Debian packages, and says which.
deps:
	@command -v go >/dev/null || { echo "Go is missing: install Go 1.26 or later from https://go.dev/dl/"; exit 1; }
	@missing=""; for p in $(BUILD_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		command -v apt-get >/dev/null || { echo "Please install:$$missing"; exit 1; }; \
		echo "Installing the packages Fyne's build needs:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
