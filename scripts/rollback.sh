#!/usr/bin/env bash
# make rollback | make rollforward: moves the live alias (rollback_enabled) and keeps the
# move in rollback.auto.tfvars.json, which Terraform reads on every plan of this folder, so
# the next `make deploy` neither undoes a rollback silently nor fights it: it publishes the
# new code as a version and keeps serving the pinned one, and a check on every plan says so.
#   scripts/rollback.sh back [VERSION]   — serve VERSION (default: the one before the live one)
#   scripts/rollback.sh forward          — serve the newest published version again
# Then `terraform apply` (scripts/terraform-apply.sh takes APPLY_FLAGS from the environment,
# as for make deploy), which changes the alias alone
# unless the configuration or the build changed too; the plan shows it before it applies.
# With the CDN, then an invalidation of every path (the AWS CLI v2).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pin="rollback.auto.tfvars.json"
direction=${1:?usage: rollback.sh back [VERSION] | forward}
shift
fail() { printf 'error: %s\n' "$1" >&2; shift; for line in "$@"; do printf '  %s\n' "$line" >&2; done; exit 1; }

output() { terraform output -raw "$1" 2>/dev/null || true; }
live=$(output live_version)
latest=$(output latest_version)
if [ -z "$live" ] || [ "$live" = "null" ]; then
  fail "this deployment has no live alias to move." \
    "Set rollback_enabled = true (terraform.tfvars, or TF_VAR_rollback_enabled=true) and make deploy;" \
    "every later change is then published as a version that make rollback can return to."
fi
if ! [[ "$live" =~ ^[0-9]+$ && "$latest" =~ ^[0-9]+$ ]]; then
  fail "the live alias serves $live (newest published: $latest): no numbered version to move from yet." \
    "Deploy a change first (a new build or setting); it is published as version 1 or later."
fi

# The pin as it was, put back if the apply is declined or fails: a move that did not happen
# must not steer the next deploy.
previous=$(cat "$pin" 2>/dev/null || true)
restore() {
  if [ -n "$previous" ]; then printf '%s\n' "$previous" >"$pin"; else rm -f "$pin"; fi
}

case "$direction" in
  back)
    if [ -z "${1:-}" ] && [ "$live" -le 1 ]; then
      fail "version $live is the first published version: there is no earlier one to roll back to."
    fi
    target=${1:-$((live - 1))}
    [[ "$target" =~ ^[1-9][0-9]*$ ]] || fail "VERSION must be a published version number, not '$target'."
    [ "$target" -le "$latest" ] || fail "version $target is not published yet (the newest is $latest)."
    [ "$target" != "$live" ] || fail "the API already serves version $target."
    printf '{\n  "live_version": "%s"\n}\n' "$target" >"$pin"
    printf 'rollback: the live alias goes from version %s to %s (pinned in %s; make rollforward undoes it)\n' "$live" "$target" "$pin"
    ;;
  forward)
    if [ ! -f "$pin" ] && [ "$live" = "$latest" ]; then
      echo "rollforward: the API already serves the newest version, $latest"
      exit 0
    fi
    rm -f "$pin"
    printf 'rollforward: the live alias goes from version %s to the newest, %s\n' "$live" "$latest"
    ;;
  *) fail "unknown direction '$direction' (back or forward)" ;;
esac
if ! "$root/scripts/terraform-apply.sh" apply -input=false; then
  restore
  echo "$direction: the apply did not complete; $pin is as it was" >&2
  exit 1
fi

# With the CDN, its edges keep what the version served before this move for up to a year
# (GET /generate answers immutable, max-age=31536000): the move reaches cached URLs only once
# they are invalidated. Every path, as one invalidation path ("/*" counts as one; CloudFront
# developer guide, "Pay for file invalidation"). Browsers keep their own copies until they expire.
distribution=$(output cdn_distribution_id)
if [ -n "$distribution" ] && [ "$distribution" != "null" ] && [ -n "${QR_REHEARSAL:-}" ]; then
  # A rehearsal against the stand-in providers has no AWS account to send it to.
  echo "$direction: rehearsal: the invalidation of every path of distribution $distribution is not sent (no AWS account)"
elif [ -n "$distribution" ] && [ "$distribution" != "null" ]; then
  cli=$("$root/scripts/preflight.sh" awscli-path) || {
    echo "$direction: the alias moved, but the CDN still serves what it cached: run aws cloudfront create-invalidation --distribution-id $distribution --paths '/*'" >&2
    exit 1
  }
  printf '%s: invalidating the CDN (distribution %s, every path), which cached what the previous version served
' "$direction" "$distribution"
  "$cli" cloudfront create-invalidation --distribution-id "$distribution" --paths '/*' --query 'Invalidation.Id' --output text
  echo "$direction: the edges fetch again within minutes; browsers keep the images they already hold (cached for a year) until they expire"
fi
