#!/usr/bin/env bash
# make rotate-origin-secret (cdn_enabled): a new secret for the header CloudFront sends the
# function (x-origin-verify), without refusing a single request, in two applies:
#   1. a new secret replaces the old; the function accepts both (origin_secret_previous) before
#      CloudFront sends the new one, and the apply waits until every edge does
#      (the distribution's wait_for_deployment);
#   2. the function accepts only the new one.
# APPLY_FLAGS as for make deploy (terraform-apply.sh reads and checks them). Each apply shows its plan before it changes anything; the
# secret itself is sensitive and never printed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fail() { printf 'error: %s\n' "$1" >&2; shift; for line in "$@"; do printf '  %s\n' "$line" >&2; done; exit 1; }

# The secret in use, from the state (terraform show -json holds sensitive values too).
previous=$(terraform show -json | node -e '
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
    const resources = JSON.parse(text).values?.root_module?.resources ?? [];
    const secret = resources.find((resource) => resource.address === "terraform_data.origin_secret[0]");
    process.stdout.write(String(secret?.values?.output ?? ""));
  });
')
if [ -z "$previous" ]; then
  fail "this deployment has no origin secret to rotate: it exists only with cdn_enabled = true." \
    "Set cdn_enabled = true and make deploy, or there is nothing to do."
fi

echo "rotate-origin-secret: 1/2 a new secret; the function accepts it and the previous one until every CloudFront edge sends the new one"
TF_VAR_origin_secret_previous="$previous" "$root/scripts/terraform-apply.sh" apply -input=false \
  -replace='terraform_data.origin_secret[0]'
echo "rotate-origin-secret: 2/2 CloudFront sends only the new secret: the function stops accepting the previous one"
if ! "$root/scripts/terraform-apply.sh" apply -input=false; then
  echo "rotate-origin-secret: the function still accepts the previous secret too; make deploy retires it" >&2
  exit 1
fi
