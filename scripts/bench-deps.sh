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

here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=scripts/deps.sh
. "$here/deps.sh"
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

install_missing bench-deps "Python's qrcode and Pillow, zbarimg, rsvg-convert, cc, libqrencode, zlib" <<MSG
  These are for make bench alone. Install them with:
    macOS:  brew install qrencode zbar librsvg && python3 -m pip install qrcode pillow
    Fedora: sudo dnf install python3-qrcode python3-pillow zbar librsvg2-tools gcc qrencode-devel zlib-devel
MSG
