#!/usr/bin/env bash
# Installs the Debian packages the build and the tests need, if any are missing:
#   autoconf automake libtool cmake g++ make — aws-lambda-ric (the local stack's runtime
#     client) compiles its native part on `npm ci`;
#   awscli — the AWS CLI v2, which the integration tests drive;
#   chromium — the browser the page's tests drive (through playwright-core).
# Elsewhere (no apt-get) it says what to install instead.
set -euo pipefail

packages=(autoconf automake libtool cmake g++ make awscli chromium)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: install these with your package manager: ${missing[*]}" >&2
  echo "  (macOS: brew install autoconf automake libtool cmake awscli, and a Chromium at CHROMIUM_PATH)" >&2
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "system-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
