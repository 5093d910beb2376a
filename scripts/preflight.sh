#!/usr/bin/env bash
# Checks what a deployment needs before anything runs, and says how to get what is missing.
#   scripts/preflight.sh terraform   — the terraform binary
#   scripts/preflight.sh aws         — AWS credentials Terraform and the CLI can use
#   scripts/preflight.sh awscli      — an AWS CLI v2 (prints its path)
set -uo pipefail

fail() { printf 'error: %s\n' "$1" >&2; shift; for line in "$@"; do printf '  %s\n' "$line" >&2; done; exit 1; }

# The first AWS CLI v2 found: on PATH, or Debian's at /usr/bin/aws (a v1 may shadow it on PATH).
find_awscli() {
  local candidate
  for candidate in "$(command -v aws 2>/dev/null)" /usr/bin/aws /usr/local/bin/aws; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    case "$("$candidate" --version 2>&1)" in aws-cli/2.*) echo "$candidate"; return 0 ;; esac
  done
  return 1
}

for need in "$@"; do
  case "$need" in
    terraform)
      command -v terraform >/dev/null 2>&1 || fail "terraform is not installed." \
        "Install Terraform >= 1.5: https://developer.hashicorp.com/terraform/install" \
        "(on macOS: brew tap hashicorp/tap && brew install hashicorp/tap/terraform)"
      ;;
    awscli)
      find_awscli || fail "no AWS CLI v2 found (aws on PATH is missing or v1)." \
        "Install it: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html" \
        "(Debian/Ubuntu: sudo apt-get install awscli)"
      ;;
    aws)
      if [ -n "${QR_REHEARSAL:-}" ]; then
        echo "preflight: rehearsal against the stand-in providers (TF_CLI_CONFIG_FILE=${TF_CLI_CONFIG_FILE:-}): no AWS credentials needed"
      elif cli=$(find_awscli); then
        "$cli" sts get-caller-identity --output text --query Arn >/dev/null 2>&1 || fail \
          "no usable AWS credentials (aws sts get-caller-identity failed)." \
          "Configure them with 'aws configure' or 'aws sso login', or export AWS_PROFILE," \
          "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
      elif [ -z "${AWS_ACCESS_KEY_ID:-}${AWS_PROFILE:-}" ] && [ ! -f "${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" ] && [ ! -f "${AWS_CONFIG_FILE:-$HOME/.aws/config}" ]; then
        fail "no AWS credentials found." \
          "Export AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run 'aws configure'."
      fi
      ;;
    *) fail "preflight: unknown check '$need'" ;;
  esac
done
