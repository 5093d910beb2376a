#!/usr/bin/env bash
# Rehearses the deploy path offline: in a temporary copy of the project, the very targets a
# user runs — `make deploy` (build, terraform init, apply), `make outputs`, `make destroy` —
# against the stand-in providers, installed by `terraform init` from a filesystem mirror as
# if they were the locked releases. The copy has a state of its own and no lock file (the
# project's hashes are the real providers'); the project's own state is never touched.
# Fails when any step fails, or when destroy leaves anything behind.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
standin_dir="${STANDIN_DIR:-$root/build/terraform-standin}"
mirror_config="$standin_dir/mirror.tfrc"
[ -f "$mirror_config" ] || { echo "rehearse: no stand-in provider at $mirror_config (run make standin)" >&2; exit 1; }
# The copy shares this project's node_modules: it must be installed already, or the copy's
# make would install into it.
stamp="$root/node_modules/.build-stamp"
if [ ! -f "$stamp" ] || [ "$stamp" -ot "$root/package.json" ] || [ "$stamp" -ot "$root/package-lock.json" ]; then
  echo "rehearse: the build packages are not installed (run make build first)" >&2
  exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/qr-rehearse.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
work="$scratch/qr-lambda"
mkdir "$work"
# The project as a user's clone has it: no build output, state, caches or lock file.
tar -C "$root" -cf - \
  --exclude=./.git --exclude=./node_modules --exclude=./build --exclude=./.terraform --exclude='./terraform.tfstate*' \
  --exclude=./.terraform.lock.hcl --exclude=./.tap --exclude=./out --exclude=./test-output . | tar -C "$work" -xf -
# The project's installed packages, rather than a second install.
ln -s "$root/node_modules" "$work/node_modules"

export TF_CLI_CONFIG_FILE="$mirror_config" CHECKPOINT_DISABLE=1 QR_REHEARSAL=1
# A region, as a user's shell or profile names one (make deploy refuses to go on without).
export AWS_REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
unset TF_DATA_DIR TF_WORKSPACE TF_CLI_ARGS
# Each step's whole output goes to the log, without colour codes; the terminal gets one line
# a step, and on a failure the log's last lines and where the rest is.
log=${REHEARSE_LOG:-$root/out/rehearse.log}
mkdir -p "$(dirname "$log")"
: >"$log"
plain() { sed -u 's/\x1b\[[0-9;]*[A-Za-z]//g'; }
say() { printf '%s\n' "$*" | tee -a "$log"; }
failed() {
  local status=$1
  shift
  printf 'rehearse: %s failed (exit %s); the last lines of %s:\n' "$*" "$status" "$log" >&2
  tail -n 40 "$log" >&2
  exit "$status"
}
# The first deploy starts the providers as Terraform does, installed by init from the mirror;
# the steps after it dial providers served once for each step (the stand-in's serve), which
# Terraform would otherwise start two or three times a command.
served=()
step() { # step [-m <what the summary calls it>] <command>...
  local started=$SECONDS status label
  if [ "$1" = -m ]; then label=$2; shift 2; else label="$*"; fi
  printf '\n==> rehearse: %s\n' "$*" >>"$log"
  set +e
  (cd "$work" && ${served[@]+"${served[@]}"} "$@") 2>&1 | plain >>"$log"
  status=${PIPESTATUS[0]}
  set -e
  [ "$status" -eq 0 ] || failed "$status" "$label"
  printf 'rehearse: %-58s ok (%d s)\n' "$label" $((SECONDS - started))
}
destroyed() {
  left=$(cd "$work" && terraform state list)
  if [ -n "$left" ]; then
    printf 'rehearse: destroy left resources in the state:\n%s\n' "$left" >&2
    exit 1
  fi
}
output() { (cd "$work" && terraform output -raw "$1"); }
expect() {
  [ "$2" = "$3" ] || { printf 'rehearse: %s is %s, expected %s\n' "$1" "$2" "$3" >&2; exit 1; }
}

step make deploy APPLY_FLAGS=-auto-approve
served=("$standin_dir/serve")
# The zip Terraform planned, kept for a caller that runs it on Lambda's own platform
# (test/scripts/deploy-path.test.ts, under arm64 emulation).
if [ -n "${REHEARSE_KEEP_ZIP:-}" ]; then cp "$work/build/lambda.zip" "$REHEARSE_KEEP_ZIP"; fi
step make outputs
step make destroy APPLY_FLAGS=-auto-approve
destroyed
say 'rehearse: deploy, outputs and destroy passed against the stand-in provider'

# The same with every production-edge option on: own domain in a Route 53 zone, the CDN,
# the WAF limit, the dashboard and the live alias; then a second release, make rollback,
# a plan that keeps the rollback, and make rollforward.
export TF_VAR_domain_name=qr.rehearsal.example TF_VAR_hosted_zone_id=ZREHEARSAL0000000000 \
  TF_VAR_cdn_enabled=true TF_VAR_waf_rate_limit=600 TF_VAR_dashboard_enabled=true TF_VAR_rollback_enabled=true \
  QR_STANDIN_ROUTE53_ZONES=ZREHEARSAL0000000000=rehearsal.example
step -m 'make deploy, the edge on (release 1)' make deploy APPLY_FLAGS=-auto-approve
expect api_endpoint "$(output api_endpoint)" https://qr.rehearsal.example
expect live_version "$(output live_version)" 1
TF_VAR_environment_variables='{"RELEASE":"2"}' step -m 'make deploy (release 2)' make deploy APPLY_FLAGS=-auto-approve
expect live_version "$(output live_version)" 2
TF_VAR_environment_variables='{"RELEASE":"2"}' step make rollback APPLY_FLAGS=-auto-approve
expect live_version "$(output live_version)" 1
# A plan after the rollback changes nothing: the pin holds, and a check says so.
step -m 'terraform plan after the rollback: no change' env TF_VAR_environment_variables='{"RELEASE":"2"}' terraform plan -input=false -detailed-exitcode -no-color
sed -n '/^==> rehearse: env .* terraform plan /,$p' "$log" | grep -q 'pinned by make rollback' || { echo 'rehearse: the plan does not say the alias is pinned' >&2; exit 1; }
TF_VAR_environment_variables='{"RELEASE":"2"}' step make rollforward APPLY_FLAGS=-auto-approve
expect live_version "$(output live_version)" 2
TF_VAR_environment_variables='{"RELEASE":"2"}' step -m 'make destroy, the edge on' make destroy APPLY_FLAGS=-auto-approve
destroyed
say 'rehearse: the production edge (domain, CDN, WAF, dashboard, rollback) deployed, rolled back and forward, and destroyed'
say "rehearse: every step's output is in $log"
