#!/usr/bin/env bash
# timed.sh NAME COMMAND...: runs the command, and when it succeeds records when it started and
# how long it took in .tap/timings/NAME.json, for `make timings` (scripts/test-timings.mjs).
set -euo pipefail
name=$1
shift
started=$(date +%s%3N)
"$@"
mkdir -p .tap/timings
printf '{"started": %s, "runtime": %s}\n' "$started" "$(($(date +%s%3N) - started))" >".tap/timings/$name.json"
