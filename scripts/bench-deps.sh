#!/usr/bin/env bash
# Checks for (and on Debian installs) what `make bench` compares the function with; nothing
# else needs them:
#   Python's qrcode and Pillow (Debian's /usr/bin/python3) — the tutorial's handler and
#     python-qrcode's StyledPilImage;
#   zbarimg (ZBar) and rsvg-convert (librsvg) — every peer's image, and its SVG drawn, is
#     read back before it is timed;
#   a C compiler, libqrencode and zlib's headers — bench/peers/qrencode.c, Debian's
#     libqrencode beside the function.
# Says so in one line when all are there. Otherwise installs them with apt-get where there is
# one, and elsewhere names them and fails. The Makefile compiles the harness afterwards.
set -euo pipefail

missing=()    # what to tell the user
packages=()   # the Debian packages that bring it
need() { # need <what> <debian-package> <command>...
  local what=$1 package=$2 command
  shift 2
  for command in "$@"; do command -v "$command" >/dev/null 2>&1 && return 0; done
  missing+=("$what")
  packages+=("$package")
}
header() { # header <file> <debian-package>: a header the C compiler finds
  printf '#include <%s>\n' "$1" | cc -E -x c - >/dev/null 2>&1 || { missing+=("$1"); packages+=("$2"); }
}
python_module() { # python_module <module> <debian-package>
  /usr/bin/python3 -c "import $1" >/dev/null 2>&1 || { missing+=("Python's $1"); packages+=("$2"); }
}
python_module qrcode python3-qrcode
python_module PIL python3-pil
need zbarimg zbar-tools zbarimg
need rsvg-convert librsvg2-bin rsvg-convert
need cc gcc cc
if command -v cc >/dev/null 2>&1; then
  header qrencode.h libqrencode-dev
  header zlib.h zlib1g-dev
else
  missing+=(qrencode.h zlib.h); packages+=(libqrencode-dev zlib1g-dev)
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "bench-deps: all present (Python's qrcode and Pillow, zbarimg, rsvg-convert, cc, libqrencode, zlib)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  cat >&2 <<MSG
bench-deps: missing: ${missing[*]}
  These are for make bench alone. Install them with:
    macOS:  brew install qrencode zbar librsvg && python3 -m pip install qrcode pillow
    Fedora: sudo dnf install python3-qrcode python3-pillow zbar librsvg2-tools gcc qrencode-devel zlib-devel
MSG
  exit 1
fi
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
echo "bench-deps: installing ${packages[*]} (for ${missing[*]})"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
