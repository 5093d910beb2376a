# qr-lambda — `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

NPM_STAMP := node_modules/.install-stamp

.PHONY: help install build typecheck test clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z][a-z-]*:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

install: $(NPM_STAMP) ## Install the npm dependencies (npm ci) when package-lock.json changed

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

build: install ## Bundle lambda/handler.ts into build/lambda/index.mjs (the folder Terraform zips)
	node build.mjs

typecheck: install ## TypeScript strict type check of everything
	npx tsc -p .

test: build typecheck ## Install what is needed, build, type-check and run every test
	npx tap

clean: ## Remove build output and test caches
	rm -rf build .tap
