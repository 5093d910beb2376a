# qr-lambda — `make help` lists the targets.
SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Two installs: building, deploying and the offline deploy path (the stand-in providers:
# standin, validate, rehearse) need only the packages in "dependencies", plain JavaScript
# with nothing to compile; the local stack and the tests need everything, and system tools too.
BUILD_STAMP := node_modules/.build-stamp
DEV_STAMP := node_modules/.install-stamp
# tap compiles its test class for the plugins package.json names (tsx loads the TypeScript
# tests, in place of its ts-node default) once after an install, and looks the plugin's
# version up in the registry when it does: built here, while the network is there, so
# every test run after it is offline.
TAP_STAMP := node_modules/.tap-plugins-stamp
# tap asks https://registry.npmjs.org itself (not npm's registry setting), so that is what must answer.
TAP_BUILD = @echo "npx tap build: tap's test class for its plugins (once after an install)"; npx tap build || { echo "tap build: tap looks its @tapjs/tsx plugin up at https://registry.npmjs.org once after an install, and could not (offline, or only a mirror reachable?)" >&2; exit 1; }
# node-gyp builds against this Node's own headers rather than downloading them.
NODE_PREFIX := $(shell node -p 'process.config.variables.node_prefix' 2>/dev/null)
ifneq ($(wildcard $(NODE_PREFIX)/include/node/node.h),)
export npm_config_nodedir ?= $(NODE_PREFIX)
endif
# make exports every command-line variable to the recipes, expanding it first: a `$(shell …)`
# typed in any of them (make dev 'PORT=$(shell …)') would run. Each is made a simple variable
# holding the text as typed, which make exports as it is: a `$` in it is text. And no recipe
# puts a variable's text into a command line: they read it from the environment, quoted
# ("$$OUT"), or a script checks it (VERSION here, APPLY_FLAGS in scripts/terraform-apply.sh).
$(foreach name,$(.VARIABLES),$(if $(filter command line,$(origin $(name))),$(eval override $(name) := $$(value $(name)))$(eval export $(name))))
# The text `make invoke` and `make curl` encode. It reaches the recipes through the
# environment, as typed: quotes stay quotes, and $(value) keeps a `$` from being read as
# a make variable.
URL ?= https://www.youtube.com/@RayanSlim087
export QR_TEXT = $(value URL)
# Only QR_TEXT, unexpanded, goes to the recipes.
unexport URL
# Where make invoke and make curl write, for the recipes as "$$OUT".
OUT := out
export OUT
TF_OUTPUT = terraform output -raw
# Extra flags for terraform apply and destroy, e.g. APPLY_FLAGS=-auto-approve in a pipeline:
# scripts/terraform-apply.sh reads them from the environment and takes only the flags
# docs/deploy.md lists.
APPLY_FLAGS ?=

.PHONY: help system-deps stack-deps install build host-deps typecheck lint format format-ts format-tf check check-types check-units standin validate rehearse test test-steps timings coverage clean dev bench load bench-deps fuzz record-responses screenshots gallery audit lambda-deps deploy plan destroy outputs invoke curl smoke rollback rollforward certificate rotate-origin-secret

# `make help` groups the targets by what people come to do, in this order.
HELP_GROUPS := Start:dev,install,build \
  Call:invoke,curl,outputs,smoke \
  Deploy:deploy,plan,destroy,rollback,rollforward,certificate,rotate-origin-secret,lambda-deps \
  Test:check,test,timings,lint,format,format-ts,format-tf,typecheck,coverage,validate,rehearse,standin,fuzz,bench,bench-deps,load \
  Maintain:record-responses,screenshots,gallery,audit,system-deps,stack-deps,host-deps,clean,help

help: ## List the targets, grouped
	@awk -v groups='$(HELP_GROUPS)' -f scripts/help.awk $(MAKEFILE_LIST)

system-deps: ## Check for (and on Debian install) the tools the local stack and tests need; deploying needs none
	@scripts/system-deps.sh all

stack-deps: ## Check for (and on Debian install) only the compile tools the local stack needs (make dev)
	@scripts/system-deps.sh stack

install: system-deps $(DEV_STAMP) ## Install everything the local stack and the tests need (system tools, npm ci)

# .npmrc turns install scripts off for every npm (npm 10 ignores package.json's allowScripts):
# the two packages allowed to run theirs are rebuilt by name. ALLOWED_SCRIPTS is that list.
ALLOWED_SCRIPTS := esbuild aws-lambda-ric

# What comes before it checks the system tools: install's system-deps, or dev's stack-deps alone.
$(DEV_STAMP): package.json package-lock.json
	@echo "npm ci: the local stack's and the tests' packages; aws-lambda-ric compiles its native part (autotools, cmake, g++): a minute or two on two cores, longer on a busy machine"
	npm ci --no-audit --no-fund
	npm rebuild --ignore-scripts=false $(ALLOWED_SCRIPTS)
	$(TAP_BUILD)
	$(LAMBDA_NODE) >/dev/null
	@touch $@ $(BUILD_STAMP) $(TAP_STAMP)

# Only what building needs: no native compile, no test tool chain, nothing from the system.
# npm ci removes what it does not install, so the full install is no longer there.
$(BUILD_STAMP): package.json package-lock.json
	@rm -f $(DEV_STAMP)
	npm ci --omit=dev --no-audit --no-fund
	npm rebuild --ignore-scripts=false esbuild
	@touch $@

build: $(BUILD_STAMP) ## Bundle lambda/handler.ts into build/lambda/ (Terraform zips it into build/lambda.zip when it plans)
	node build.mjs

# Two programs: the function, the tools and the tests on Node's types; the page's browser
# code (lambda/page/client) on the DOM's, which the rest must not see.
PAGE_CLIENT_TSCONFIG := lambda/page/client/tsconfig.json

# Incremental, as in make check: the state is kept with the installed packages, and a new
# install starts it afresh.
typecheck: install ## TypeScript strict type check of everything
	@$(MAKE) --no-print-directory check-types

# lint and check need node_modules (npm ci, once) and nothing else: no system tools, no
# network, no build output.
HAVE_NODE_MODULES = @test -x node_modules/.bin/biome || { echo "$@ needs node_modules: run npm ci once (make install also checks the system tools)" >&2; exit 1; }
LAYERED := lambda local test bench scripts build.mjs

lint: ## Format check and lint (Biome), import layering (dependency-cruiser); offline
	$(HAVE_NODE_MODULES)
	npx biome ci --reporter=summary --colors=off
	npx depcruise --config .dependency-cruiser.cjs $(LAYERED)

format: format-ts format-tf ## Format everything in place: the TypeScript and scripts, then the .tf files

format-ts: ## Format the TypeScript, the scripts and the JSON in place (Biome)
	$(HAVE_NODE_MODULES)
	npx biome format --write

# The fast tier: what a change to the function needs, in under a minute, offline. It runs
# the tests under test/lambda, which is the rule for what goes there: unit tests of the
# function from its sources, which read no build output, start no system tool and need no
# network. Tests of the bundle go under test/build, of the tools under test/scripts, of the
# local stack under test/local: `make test` runs those. Here the QR core is compared with
# qrcode on 1,000 random texts a level, enough to draw every version; `make test` compares
# 2,500. qrcode's answers are remembered between runs (test/helpers/qrcode-memo.ts).
check: $(TAP_STAMP) ## The fast tier, offline: format check, lint, layering, type check and the unit tests from sources (test/lambda)
	@scripts/timed.sh make-check $(MAKE) --no-print-directory --jobs=3 --output-sync=target lint check-types check-units

# The three parts of check side by side, each one's output together (--output-sync).
# The type check is incremental, its state kept with the installed packages.
check-types:
	npx tsc -p . --incremental --tsBuildInfoFile node_modules/.cache/qr-lambda/tsconfig.tsbuildinfo
	npx tsc -p $(PAGE_CLIENT_TSCONFIG) --incremental --tsBuildInfoFile node_modules/.cache/qr-lambda/page-client.tsbuildinfo

# The function's unit tests run on the Node.js of its Lambda runtime (variables.tf's default:
# nodejs24.x, Node 24), as Lambda runs the function, once make install (or make dev) has
# fetched it; until then, offline, on this machine's Node. make test runs them on this
# machine's Node, beside the rest.
LAMBDA_RUNTIME := $(shell sed -n '/^variable "runtime"/,/^}/s/^  default *= *"\([^"]*\)"/\1/p' variables.tf)
LAMBDA_NODE = node --import tsx local/runtime/node-release.ts $(LAMBDA_RUNTIME)

check-units:
	@lambda_node=$$($(LAMBDA_NODE) --installed); \
	if [ -n "$$lambda_node" ]; then echo "check-units: on Node.js $$("$$lambda_node" --version), the $(LAMBDA_RUNTIME) runtime's"; \
	else lambda_node=node; echo "check-units: on this machine's Node.js $$(node --version) (make install fetches the $(LAMBDA_RUNTIME) runtime's)"; fi; \
	QR_PROPERTY_RUNS=1000 "$$lambda_node" node_modules/.bin/tap --disable-coverage test/lambda

# After a plain `npm ci`: tap's one build for its plugins (above), the one step of check
# that needs the network.
$(TAP_STAMP): package.json package-lock.json
	@test -x node_modules/.bin/tap || { echo "make check needs node_modules: run npm ci once (make install also checks the system tools)" >&2; exit 1; }
	$(TAP_BUILD)
	@touch $@

standin: $(BUILD_STAMP) ## Build the stand-in providers (aws, archive) Terraform uses offline (validate, rehearse, dev); never used by deploy
	@scripts/preflight.sh terraform
	node --import tsx local/terraform/standin/build.ts

validate: build standin ## terraform fmt -check, validate and test (test/terraform/*.tftest.hcl) against the stand-in
	scripts/terraform-validate.sh

rehearse: build standin ## The deploy path offline: make deploy, outputs, destroy in a temporary copy, against the stand-in
	scripts/rehearse.sh

# The suite rehearses the deploy path itself, from a fresh clone without system tools
# (test/scripts/deploy-path.test.ts), so `make rehearse` is not run twice.
test: ## Install what is needed, build, type-check, lint, then every test (make validate and the deploy rehearsal among them)
	@scripts/timed.sh make-test $(MAKE) --no-print-directory test-steps

# make validate's Terraform checks run as a test file (test/infra/terraform-test.test.ts),
# beside the others rather than before them all.
test-steps: install build standin host-deps typecheck lint
	@echo "npx tap: every test file; these also reach the npm registry (needsRegistry): $$(grep -rl 'needsRegistry(t)' test --include='*.test.ts' | sort | tr '\n' ' ')"
	npx tap
	@$(MAKE) --no-print-directory coverage

timings: ## Write the last test run's times (tap's own, per file, and make test's) into docs/contributing.md
	node scripts/test-timings.mjs

# Coverage floors per folder, as folder:lines:statements:functions:branches: the baseline
# measured over every source file (c8's `all`, .c8rc.json), child processes included, less
# half a point for what varies from run to run, rounded down. The stand-in provider runs as
# its bundle; its source map counts the lines for local/terraform/. Measured 2026-12-01,
# with the local stack's own processes counted (tsx's sources put back, below):
# lambda 99.8 99.8 100 97.07, local 94.52 94.52 95.2 88.12, scripts 86.98 86.98 93.54 79.53.
# The page's browser code (lambda/page/client) runs in Chromium, where c8 does not see it
# (test/integration/page*.test.ts drive it): .c8rc.json leaves it out.
COVERAGE_FLOORS := lambda:99:99:99:96 local:94:94:94:87 scripts:86:86:93:79

# tsx leaves the sources' text out of its source maps, which c8 would read as empty files,
# every line covered: scripts/coverage-sources.mjs puts the text back first.
# The folders are held to their floors side by side, each check a c8 of its own.
coverage: ## c8's summary of the last test run's coverage (tap collects it), held to the floors per folder
	node scripts/coverage-sources.mjs .tap/coverage
	npx c8 report
	@checks=(); for floor in $(COVERAGE_FLOORS); do \
	  IFS=: read -r folder lines statements functions branches <<< "$$floor"; \
	  extra=$$([ "$$folder" = local ] && echo "--include build/terraform-standin/provider/main.mjs" || true); \
	  { npx c8 check-coverage --include "$$folder/**" $$extra --lines "$$lines" --statements "$$statements" \
	    --functions "$$functions" --branches "$$branches" || { echo "coverage of $$folder/ is below its floor" >&2; exit 1; }; } & \
	  checks+=($$!); \
	done; \
	status=0; for check in "$${checks[@]}"; do wait "$$check" || status=1; done; exit $$status

dev: stack-deps $(DEV_STAMP) build standin host-deps ## Run the API locally: HTTP API on PORT (3000), Lambda Invoke API on LAMBDA_PORT (3001)
	node --import tsx local/cli.ts

# What bench compares the function with, from the system: Python's qrcode and Pillow, ZBar,
# librsvg, and libqrencode with its C harness (scripts/bench-deps.sh says what each is for).
QRENCODE_HARNESS := build/bench/qrencode

bench-deps: ## Check for (and on Debian install) what make bench compares with, and build the libqrencode harness
	@scripts/bench-deps.sh
	@$(MAKE) --no-print-directory $(QRENCODE_HARNESS)

$(QRENCODE_HARNESS): bench/peers/qrencode.c
	@mkdir -p $(@D)
	cc -O2 -Wall -Wextra -o $@ $< -lqrencode -lz

# BENCH_QUICK=1 make bench: every round short, a check that it all runs; the
# report goes to build/bench/BENCHMARKS.quick.md, not BENCHMARKS.md.
bench: install bench-deps build ## Benchmark against the tutorial's Python handler, the naive Node port and the fastest encoders; writes BENCHMARKS.md
	node --import tsx bench/run.ts

load: install build ## 10k requests at concurrency 50 through the local HTTP API; fails on errors or memory growth
	node --import tsx bench/load.ts

fuzz: install ## The long property-based run: 100k events (FUZZ_SEED=<seed> replays a failure)
	FUZZ_RUNS=100000 FUZZ_VALID_RUNS=2000 FUZZ_SEED=$${FUZZ_SEED:-random} npx tap --timeout=3600 test/lambda/fuzz.test.ts

screenshots: install build standin ## Retake the page's screenshots in docs/ (desktop, styled, phone, busy, error) from the local stack
	node --import tsx scripts/screenshots.ts

gallery: install ## Redraw docs/gallery/*.png and the gallery in docs/api.md: one styled code per option, through the function itself
	node --import tsx scripts/gallery.ts

record-responses: install ## Re-pin test/fixtures/responses/responses.json to today's responses (only for a deliberate change)
	node --import tsx test/fixtures/responses/record.ts

audit: install ## npm audit of the dependencies (what is bundled and what builds it): fails on high or critical findings
	npm audit --omit=dev --audit-level=high

clean: ## Remove build output and test caches
	rm -rf build .tap node_modules/.cache/qr-lambda/qrcode-*.json

lambda-deps: build ## Install the bundle's external (native) packages for linux/arm64 into build/lambda
	node scripts/lambda-deps.mjs build/lambda

# The same packages for this machine, which the local stack links into each environment in
# place of the zip's own (local/runtime/pool.ts): `make build` never touches them.
HOST_DEPS := build/host-deps/node_modules/.host-deps-stamp
host-deps: $(HOST_DEPS) ## Install the bundle's native packages for this machine, for the local stack
$(HOST_DEPS): package.json package-lock.json build.mjs
	node scripts/lambda-deps.mjs --host build/host-deps
	@touch $@

deploy: ## Build and deploy to your AWS account (terraform init + apply), then print the outputs
	@scripts/preflight.sh terraform aws
	$(MAKE) --no-print-directory lambda-deps
	terraform init -input=false
	@scripts/preflight.sh region
	scripts/terraform-apply.sh apply -input=false
	@$(MAKE) --no-print-directory outputs

plan: ## Build and show what deploy would change
	@scripts/preflight.sh terraform aws
	$(MAKE) --no-print-directory lambda-deps
	terraform init -input=false
	@scripts/preflight.sh region
	scripts/terraform-apply.sh plan -input=false

rollback: ## Serve the version before the live one (rollback_enabled; VERSION=n for another); kept until make rollforward
	@[[ "$${VERSION-}" =~ ^([1-9][0-9]*)?$$ ]] || { printf "error: VERSION must be a version number such as VERSION=3, not '%s'\n" "$$VERSION" >&2; exit 2; }
	@scripts/preflight.sh terraform deployed aws
	scripts/rollback.sh back $${VERSION:+"$$VERSION"}
	@$(MAKE) --no-print-directory outputs

rollforward: ## Serve the newest published version again, undoing make rollback
	@scripts/preflight.sh terraform deployed aws
	scripts/rollback.sh forward
	@$(MAKE) --no-print-directory outputs

# No build: the certificate does not depend on the code, and -target takes every dependency
# along. It prints certificate_dns_records, not dns_records: under -target Terraform writes
# only the outputs whose resources were all targeted, and the domain's own record needs
# the API or the CDN, which `make deploy` creates (and then prints dns_records).
certificate: ## With domain_name and no hosted_zone_id: request the certificate alone and print the DNS records to create
	@scripts/preflight.sh terraform aws
	terraform init -input=false
	@scripts/preflight.sh region
	scripts/terraform-apply.sh apply -input=false -target='aws_acm_certificate.domain'
	@terraform output certificate_dns_records
	@echo "Create the record above at the DNS host of your domain, then make deploy (it waits until ACM has issued the certificate)."

rotate-origin-secret: ## With cdn_enabled: a new secret for CloudFront's header to the API, refusing no request (two applies)
	@scripts/preflight.sh terraform deployed aws
	scripts/rotate-origin-secret.sh
	@$(MAKE) --no-print-directory outputs

destroy: ## Delete everything deploy created
	@scripts/preflight.sh terraform deployed aws
	scripts/terraform-apply.sh destroy -input=false

outputs: ## Print the deployment's outputs (endpoint, function, region, ready-to-paste commands)
	@scripts/preflight.sh terraform deployed
	@# invoke_command needs an AWS CLI v2: name it by its path when the aws first on PATH is another.
	@cli=$$(scripts/preflight.sh awscli-path 2>/dev/null) || cli=aws; \
	  if [ "$$cli" = "$$(command -v aws)" ]; then cli=aws; fi; \
	  terraform output | sed "s|^invoke_command = \"aws |invoke_command = \"$$cli |"

format-tf: ## Format the .tf files and the terraform tests in place (terraform fmt)
	@scripts/preflight.sh terraform
	terraform fmt . test/terraform

invoke: ## aws lambda invoke the deployed function with the documented payload; writes out/invoke.png
	@scripts/preflight.sh terraform deployed awscli
	@mkdir -p "$$OUT"
	@payload=$$(node -e 'console.log(JSON.stringify({ body: JSON.stringify({ url: process.env.QR_TEXT }) }))'); \
	  live=$$($(TF_OUTPUT) live_version 2>/dev/null || true); \
	  "$$(scripts/preflight.sh awscli-path)" lambda invoke --region "$$($(TF_OUTPUT) region)" \
	    --function-name "$$($(TF_OUTPUT) function_name)$${live:+:live}" --cli-binary-format raw-in-base64-out \
	    --payload "$$payload" "$$OUT/invoke.json"
	node scripts/save-qr.mjs "$$OUT/invoke.json" "$$OUT/invoke.png"

curl: ## POST to the deployed endpoint with curl; writes out/curl.png
	@scripts/preflight.sh terraform deployed
	@mkdir -p "$$OUT"
	@body=$$(node -e 'console.log(JSON.stringify({ url: process.env.QR_TEXT }))'); \
	  curl -sS -X POST "$$($(TF_OUTPUT) generate_url)" -H 'Content-Type: application/json' \
	    -d "$$body" -o "$$OUT/curl.json" -w 'HTTP %{http_code}\n'
	node scripts/save-qr.mjs "$$OUT/curl.json" "$$OUT/curl.png"

smoke: ## Run the integration suite against the deployed stack (endpoints from terraform output)
	@scripts/preflight.sh terraform deployed awscli aws
	@$(MAKE) --no-print-directory install
	QR_API_URL="$$($(TF_OUTPUT) api_endpoint)" QR_FUNCTION_NAME="$$($(TF_OUTPUT) function_name)" \
	  AWS_REGION="$$($(TF_OUTPUT) region)" npx tap test/integration
