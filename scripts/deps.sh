# Sourced by system-deps.sh and bench-deps.sh: what is missing, then installing it.
# `need` and the scripts' own checks add to `missing` (what to tell the user) and `packages`
# (the Debian packages that bring it); `install_missing` says all is there, or installs them
# with apt-get (its output shown) where there is one, or prints the advice on its standard
# input for other systems and fails.
missing=()
packages=()

need() { # need <what> <debian-package> <command>...
  local what=$1 package=$2 command
  shift 2
  for command in "$@"; do command -v "$command" >/dev/null 2>&1 && return 0; done
  missing+=("$what")
  packages+=("$package")
}

install_missing() { # install_missing <name> <what is checked, for the all-present line>
  local name=$1 checked=$2
  if [ ${#missing[@]} -eq 0 ]; then
    echo "$name: all present ($checked)"
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    { echo "$name: missing: ${missing[*]}"; cat; } >&2
    exit 1
  fi
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "$name: installing ${packages[*]} (for ${missing[*]})"
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
}
