#!/usr/bin/env bash
# terraform apply | plan | destroy, as typed, and when it fails on an AWS error whose fix is
# known, that fix after Terraform's own message:
#   - AccessDenied: the identity that deploys lacks a permission; iam/deploy-policy.json has them all;
#   - a log group that already exists (a lost state, a function once made in the console): import it;
#   - an IAM role that already exists: another deployment, or a lost state, holds the name.
# Terraform's prompts and output reach the terminal unchanged; only its stderr is also kept.
#
# apply and destroy add the flags in APPLY_FLAGS (make deploy APPLY_FLAGS=-auto-approve), read
# from the environment and split at blanks, never by a shell: quotes, `$` and `;` are text.
# Each must be one of ALLOWED_FLAGS (docs/deploy.md says why these); any other is refused by
# name before Terraform starts.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

ALLOWED_FLAGS='-auto-approve, -compact-warnings, -no-color, -lock=true|false, -lock-timeout=DURATION, -parallelism=N, -refresh=true|false, -replace=ADDRESS, -var=NAME=VALUE, -var-file=FILE'
allowed_flag() {
  [[ "$1" =~ ^-(auto-approve|compact-warnings|no-color)$ ||
    "$1" =~ ^-(lock|refresh)=(true|false)$ ||
    "$1" =~ ^-lock-timeout=([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$ ||
    "$1" =~ ^-parallelism=[1-9][0-9]*$ ||
    "$1" =~ ^-(replace|var-file)=.+$ ||
    "$1" =~ ^-var=[A-Za-z_][A-Za-z0-9_-]*=.*$ ]]
}
args=("$@")
if [ "${1:-}" = apply ] || [ "${1:-}" = destroy ]; then
  read -r -d '' -a flags <<<"${APPLY_FLAGS:-}"
  # ${a[@]+"${a[@]}"}: an empty array under set -u, in bash 3.2 too.
  for flag in ${flags[@]+"${flags[@]}"}; do
    allowed_flag "$flag" || {
      printf "error: APPLY_FLAGS takes %s; not '%s' (docs/deploy.md, \"Flags for apply and destroy\")\n" "$ALLOWED_FLAGS" "$flag" >&2
      exit 2
    }
  done
  args+=(${flags[@]+"${flags[@]}"})
fi
log=$(mktemp "${TMPDIR:-/tmp}/qr-terraform.XXXXXX")
trap 'rm -f "$log"' EXIT

# stderr through tee into the log and back to stderr; stdout straight to the terminal (fd 3).
apply_once() {
  { terraform "$@" 2>&1 1>&3 3>&- | tee "$log" >&2; } 3>&1
  status=${PIPESTATUS[0]}
}
apply_once "${args[@]}"
# A web ACL created in the same apply as the distribution may not be usable yet: WAF's
# AssociateWebACL reference warns that a new web ACL can take a moment to be available, and
# the provider retries CreateDistribution only on InvalidViewerCertificate, so a first apply
# with waf_rate_limit can fail with InvalidWebACLId. The web ACL then exists: one more apply,
# a minute later, creates the distribution.
if [ "$status" -ne 0 ] && [ "${1:-}" = apply ] && grep -q 'InvalidWebACLId' "$log"; then
  printf '\n%s\n' "terraform-apply: CloudFront does not see the new web ACL yet (InvalidWebACLId: WAF makes a new web ACL available within a minute or so); applying once more in ${QR_WAF_RETRY_SECONDS:-60} s" >&2
  sleep "${QR_WAF_RETRY_SECONDS:-60}"
  apply_once "${args[@]}"
fi
[ "$status" -eq 0 ] && exit 0

# Terraform's diagnostics without colours or box drawing, one line.
plain=$(sed -e 's/\x1b\[[0-9;]*m//g' -e 's/[│╷╵]//g' "$log" | tr -s ' \n\t' ' ')
hint() { printf '\n%s\n' "$1" >&2; shift; for line in "$@"; do printf '  %s\n' "$line" >&2; done; }

if grep -Eq 'AccessDenied|is not authorized to perform|UnauthorizedOperation|AuthorizationError' <<<"$plain"; then
  hint "hint: AWS refused an action to the identity that runs Terraform." \
    "$root/iam/deploy-policy.json is a policy with every action this deployment needs;" \
    "attach it to that identity (docs/deploy.md, \"Permissions to deploy\"), then run the same command again."
fi
if grep -q 'ResourceAlreadyExistsException' <<<"$plain"; then
  group=$(grep -Eo 'Log Group \([^)]+\)' <<<"$plain" | head -n 1 | sed -E 's/Log Group \((.*)\)/\1/')
  address=$(grep -Eo 'with aws_cloudwatch_log_group\.[a-z_]+' <<<"$plain" | head -n 1 | sed 's/^with //')
  if [ -n "$group" ] && [ -n "$address" ]; then
    hint "hint: the log group $group already exists in this region, outside this state" \
      "(a lost state, or a function once created with this name). Adopt it, then deploy again:" \
      "terraform import '$address' '$group'" \
      "(or delete it, and its logs, with: aws logs delete-log-group --log-group-name '$group')"
  fi
fi
if grep -q 'EntityAlreadyExists' <<<"$plain"; then
  hint "hint: an IAM role with this name already exists in the account, outside this state." \
    "Role names are global; this one is function_name-region. Pick another function_name" \
    "(TF_VAR_function_name=…), or adopt the role with terraform import 'aws_iam_role.function' <name>."
fi
exit "$status"
