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

# Store benchmarks at 100,000 claims and exports of 10,000 (about two
# minutes and a half).
bench:
	go test -run '^$$' -bench . -benchtime 5x ./store ./claims/export

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
