#!/usr/bin/env bash
# Terraform's own checks of the module in DIR (default: the project), offline, against the
# stand-in providers (build/terraform-standin, made by `make standin`):
#   terraform fmt -check   — formatting, .tf and test/terraform/*.tftest.hcl
#   terraform validate     — every argument, block and reference against the providers' schema
#   terraform test         — test/terraform/*.tftest.hcl: the planned deployment and every variable validation
# The stand-in is used through dev_overrides, for these commands only: no `terraform init`,
# and the lock file, whose hashes are the real providers', is left as it is. Its providers
# are started once for all three commands (the stand-in's `serve`) rather than by Terraform
# for every provider instance of every run block: 76 run blocks in seconds, not minutes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
config="$root/build/terraform-standin/dev.tfrc"
[ -f "$config" ] || { echo "terraform-validate: no stand-in providers at $config (run make standin)" >&2; exit 1; }
cd "${1:-.}"
# Served from the module's folder, where Terraform runs and reads relative paths from.
# (serve marks what it runs with QR_STANDIN_SERVED; a user's own TF_REATTACH_PROVIDERS is kept.)
[ -n "${QR_STANDIN_SERVED:-}" ] || exec "$root/build/terraform-standin/serve" "$root/scripts/terraform-validate.sh" "$PWD"
export TF_CLI_CONFIG_FILE="$config" CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
# The tests use state_key (Terraform 1.11): the project's minimum, which the preflight reads from main.tf.
"$root/scripts/preflight.sh" terraform
# Colours for a terminal only: in a log they are escape codes.
no_color=$([ -t 1 ] || echo -no-color)

echo "==> terraform fmt -check"
terraform fmt -check -diff . test/terraform
echo "==> terraform validate"
terraform validate $no_color
echo "==> terraform test"
# TF_TEST_FILTER (a test file, e.g. test/terraform/variables.tftest.hcl) runs that file alone.
terraform test $no_color -test-directory=test/terraform ${TF_TEST_FILTER:+"-filter=$TF_TEST_FILTER"}
