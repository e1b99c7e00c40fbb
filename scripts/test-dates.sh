#!/usr/bin/env bash
# Runs the date-sensitive server tests (on PGlite, which shares the process's clock) with the
# system clock moved by libfaketime to the instants where date code breaks: just after midnight in
# Oslo, the days daylight saving starts and ends, 29 February and New Year's Eve. The app, the demo
# and the tests all take "now" from the one clock, so they agree on the day whatever the hour.
set -euo pipefail
cd "$(dirname "$0")/.."

# Oslo wall-clock time -> the UTC instant given to faketime (the process itself runs in UTC).
# Each is also a night before 09:00 UTC, when Oslo's date is a day ahead of UTC's: an ordinary winter
# night needs no instant of its own.
instants=(
  "2027-03-28 00:30 Oslo|2027-03-27 23:30:00"   # daylight saving starts that night
  "2028-02-29 00:30 Oslo|2028-02-28 23:30:00"   # a leap day, in winter time
  "2026-12-31 23:30 Oslo|2026-12-31 22:30:00"   # the last half hour of the year
)
# The tests tagged 'calendar' (vitest.config.ts): only their files are loaded, and only they run.
mapfile -t files < <(grep -rlE "tags: \[[^]]*'calendar'" tests/server tests/security | sort)

# The instants are independent processes with clocks of their own: run them side by side, each
# one's output printed whole when it ends.
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
pids=()
for i in "${!instants[@]}"; do
  utc=${instants[$i]#*|}
  TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 TEST_DB=pglite faketime "$utc" npx vitest run --project server --tags-filter=calendar "${files[@]}" >"$logs/$i.log" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!instants[@]}"; do
  if wait "${pids[$i]}"; then result=passed; else result=FAILED; failed=1; fi
  echo "== Date-sensitive tests at ${instants[$i]%%|*}: ${result}"
  cat "$logs/$i.log"
done
exit $failed
