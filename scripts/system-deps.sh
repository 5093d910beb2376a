#!/usr/bin/env bash
# Checks for the commands the local stack and the tests need (never needed to build or deploy):
#   autoreconf, automake, libtoolize, cmake, make, g++ — aws-lambda-ric, the local stack's runtime
#     client, compiles its native part on `make install` (npm ci, then npm rebuild of it);
#   an AWS CLI v2 — the integration tests drive it;
#   Chromium (or CHROMIUM_PATH) — the page's browser tests;
#   Python's vobject (VOBJECT_PYTHON, or Debian's /usr/bin/python3) — a vCard and iCalendar
#     reader the builders' escaping is held against (test/interop);
#   zbarimg (ZBar) and rsvg-convert (librsvg) — a decoder and an SVG renderer the function
#     does not use, that read its styled codes back (test/interop);
#   on a machine that is not arm64: qemu-aarch64-static and the aarch64 C, C++ and gcc
#     runtime libraries — the deploy zip runs on Node.js for linux/arm64, Lambda's platform,
#     under user-mode emulation (test/scripts/deploy-path.test.ts).
# `system-deps.sh stack` checks only the first group, all the local stack needs (`make dev`);
# with no argument, or `all`, every group (`make install`, `make test`).
# Says so in one line when all are there. Otherwise installs them with apt-get where there is
# one, and elsewhere names them for brew or dnf and fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
scope=${1:-all}
case "$scope" in
  stack | all) ;;
  *) echo "system-deps: unknown scope '$scope' (stack or all)" >&2; exit 2 ;;
esac

# shellcheck source=scripts/deps.sh
. "$here/deps.sh"
need autoreconf autoconf autoreconf
need automake automake automake
need libtoolize libtool libtoolize glibtoolize
need cmake cmake cmake
need make make make
need g++ g++ g++ clang++
present="autotools, cmake, make, g++"
if [ "$scope" = all ]; then
  present="$present, AWS CLI v2, Chromium, vobject, zbarimg, rsvg-convert, arm64 emulation"
  "$here/preflight.sh" awscli >/dev/null 2>&1 || { missing+=("AWS CLI v2"); packages+=(awscli); }
  if ! "${VOBJECT_PYTHON:-/usr/bin/python3}" -c 'import vobject' >/dev/null 2>&1; then
    missing+=("Python's vobject"); packages+=(python3-vobject)
  fi
  need zbarimg zbar-tools zbarimg
  need rsvg-convert librsvg2-bin rsvg-convert
  if [ "$(uname -m)" != aarch64 ] && [ "$(uname -m)" != arm64 ]; then
    need qemu-aarch64-static qemu-user-static qemu-aarch64-static
    for lib in ld-linux-aarch64.so.1:libc6-arm64-cross libstdc++.so.6:libstdc++6-arm64-cross libgcc_s.so.1:libgcc-s1-arm64-cross; do
      [ -e "/usr/aarch64-linux-gnu/lib/${lib%%:*}" ] || { missing+=("aarch64 ${lib%%:*}"); packages+=("${lib#*:}"); }
    done
  fi
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || { echo "system-deps: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
  elif [ ! -x /usr/bin/chromium ]; then
    missing+=("Chromium"); packages+=(chromium)
  fi
fi

install_missing system-deps "$present" <<MSG
  These are for the local stack and the tests; deploying needs none of them. Install them with:
    macOS:  brew install autoconf automake libtool cmake awscli && brew install --cask chromium
            && brew install zbar librsvg && python3 -m pip install vobject
            (then CHROMIUM_PATH=/Applications/Chromium.app/Contents/MacOS/Chromium VOBJECT_PYTHON=python3)
    Fedora: sudo dnf install autoconf automake libtool cmake make gcc-c++ awscli2 chromium python3-vobject zbar librsvg2-tools
            qemu-user-static (and an aarch64 sysroot for QEMU_LD_PREFIX)
            (then CHROMIUM_PATH=/usr/bin/chromium-browser)
MSG
