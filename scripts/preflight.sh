#!/usr/bin/env bash
# Checks what a make target needs before anything runs, and says how to get what is missing.
#   scripts/preflight.sh terraform    — the terraform binary, at least TERRAFORM_MINIMUM
#   scripts/preflight.sh aws          — AWS credentials Terraform and the CLI can use
#   scripts/preflight.sh awscli       — an AWS CLI v2
#   scripts/preflight.sh awscli-path  — prints the AWS CLI v2 to run (a v1 may come first on PATH)
#   scripts/preflight.sh deployed     — a deployment this folder's Terraform state knows of
#   scripts/preflight.sh region       — a region the AWS provider will resolve (Terraform fails late without one)
set -uo pipefail

# The project's minimum is main.tf's required_version (">= 1.11": the tests' state_key came
# with 1.11), read from there so that the two cannot disagree; the docs name the same version.
TERRAFORM_MINIMUM=$(sed -n 's/^ *required_version *= *">= *\([0-9][0-9.]*\)".*/\1/p' "$(dirname "$0")/../main.tf")

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
no_awscli() {
  fail "no AWS CLI v2 found (aws on PATH is missing or v1)." \
    "Install it: https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html" \
    "(Debian/Ubuntu: sudo apt-get install awscli; macOS: brew install awscli; Fedora: sudo dnf install awscli2)"
}

for need in "$@"; do
  case "$need" in
    terraform)
      [ -n "$TERRAFORM_MINIMUM" ] || fail "main.tf names no required_version of the form \">= x.y\" for this check to read."
      install="Install Terraform >= $TERRAFORM_MINIMUM: https://developer.hashicorp.com/terraform/install"
      command -v terraform >/dev/null 2>&1 || fail "terraform is not installed." "$install" \
        "(on macOS: brew tap hashicorp/tap && brew install hashicorp/tap/terraform)"
      # "Terraform v1.11.4" on the first line, in every release.
      version=$(CHECKPOINT_DISABLE=1 terraform version 2>/dev/null | sed -n '1s/^Terraform v\([0-9][0-9.]*\).*/\1/p')
      if [ -z "$version" ] || [ "$(printf '%s\n%s\n' "$TERRAFORM_MINIMUM" "$version" | sort -V | head -n1)" != "$TERRAFORM_MINIMUM" ]; then
        fail "terraform ${version:-of an unknown version} is too old: this project needs >= $TERRAFORM_MINIMUM ($(command -v terraform))." "$install"
      fi
      ;;
    awscli)
      find_awscli >/dev/null || no_awscli
      ;;
    awscli-path)
      find_awscli || no_awscli
      ;;
    aws)
      if [ -n "${QR_REHEARSAL:-}" ]; then
        echo "preflight: rehearsal against the stand-in providers (TF_CLI_CONFIG_FILE=${TF_CLI_CONFIG_FILE:-}): no AWS credentials needed"
      elif cli=$(find_awscli); then
        # The CLI's own words: no network, an expired token, an unknown profile are each fixed differently.
        if ! why=$("$cli" sts get-caller-identity --output text --query Arn 2>&1 >/dev/null); then
          reasons=()
          while IFS= read -r line; do [ -n "${line// /}" ] && reasons+=("$line"); done <<<"$why"
          # botocore's messages when no answer came back: the network, a proxy or TLS, not the credentials.
          if grep -Eq 'Could not connect to the endpoint URL|Failed to connect to proxy URL|Connect timeout on endpoint URL|Read timeout on endpoint URL|SSL validation failed|Connection was closed before we received a valid response' <<<"$why"; then
            fail "AWS could not be reached: aws sts get-caller-identity got no answer:" \
              "${reasons[@]}" \
              "That is the network (or HTTPS_PROXY, or the region's endpoint), not the credentials: check the connection and try again."
          fi
          # Say how to configure credentials once: the CLI's message may already have.
          if grep -q "aws configure" <<<"$why"; then
            advice=("Or run 'aws sso login', or export AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
          else
            advice=("Configure them with 'aws configure' or 'aws sso login', or export AWS_PROFILE," \
              "or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
          fi
          fail "AWS credentials are not usable: aws sts get-caller-identity failed:" \
            "${reasons[@]:-(no message)}" "${advice[@]}"
        fi
      elif [ -z "${AWS_ACCESS_KEY_ID:-}${AWS_PROFILE:-}" ] && [ ! -f "${AWS_SHARED_CREDENTIALS_FILE:-$HOME/.aws/credentials}" ] && [ ! -f "${AWS_CONFIG_FILE:-$HOME/.aws/config}" ]; then
        fail "no AWS credentials found." \
          "Export AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run 'aws configure'."
      fi
      ;;
    deployed)
      # No state, an empty one, or a backend never initialised here: nothing to talk to yet.
      outputs=$(terraform output -json 2>/dev/null) || outputs=""
      case "$(printf '%s' "$outputs" | tr -d '[:space:]')" in
        "" | "{}") fail "nothing is deployed yet — run \`make deploy\` first." \
          "(terraform output finds no outputs in this folder's state.)" \
          "To call the function on this machine instead: \`make dev\` serves it, and its banner prints" \
          "the curl and aws lambda invoke commands for it; \`make test\` runs the integration suite locally." ;;
      esac
      ;;
    region)
      # The provider's own order: the region variable, then AWS_REGION, AWS_DEFAULT_REGION and the profile.
      if [ -n "${TF_VAR_region:-}${AWS_REGION:-}${AWS_DEFAULT_REGION:-}" ]; then :
      elif grep -Eqs '^[[:space:]]*"?region"?[[:space:]]*[=:]' terraform.tfvars terraform.tfvars.json ./*.auto.tfvars ./*.auto.tfvars.json; then :
      elif cli=$(command -v aws 2>/dev/null) && [ -n "$("$cli" configure get region 2>/dev/null)" ]; then :
      else
        fail "no AWS region is set, so Terraform cannot tell where to deploy." \
          "Name one: export AWS_REGION=eu-west-1 (or TF_VAR_region=eu-west-1), region = \"eu-west-1\" in" \
          "terraform.tfvars, or 'aws configure set region eu-west-1' for your profile."
      fi
      ;;
    *) fail "preflight: unknown check '$need'" ;;
  esac
done
