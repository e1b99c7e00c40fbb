#!/usr/bin/env bash
# Runs the date-sensitive server tests (on PGlite, which shares the process's clock) with the
# system clock moved by libfaketime to the instants where date code breaks: just after midnight in
# Oslo, the days daylight saving starts and ends, 29 February and New Year's Eve. The app, the demo
# and the tests all take "now" from the one clock, so they agree on the day whatever the hour.
set -euo pipefail
cd "$(dirname "$0")/.."

# Oslo wall-clock time -> the UTC instant given to faketime (the process itself runs in UTC).
instants=(
  "2027-01-14 00:30 Oslo|2027-01-13 23:30:00"   # an ordinary winter night, before 09:00 UTC
  "2027-03-28 00:30 Oslo|2027-03-27 23:30:00"   # daylight saving starts that night
  "2027-10-31 00:30 Oslo|2027-10-30 22:30:00"   # daylight saving ends that night
  "2028-02-29 00:30 Oslo|2028-02-28 23:30:00"   # a leap day
  "2026-12-31 23:30 Oslo|2026-12-31 22:30:00"   # the last half hour of the year
)
files=(tests/security/15-clock.test.ts tests/server/meetings.test.ts tests/server/consent.test.ts)

for entry in "${instants[@]}"; do
  label=${entry%%|*}
  utc=${entry#*|}
  echo "== Date-sensitive tests at ${label}"
  TZ=UTC FAKETIME_DONT_FAKE_MONOTONIC=1 TEST_DB=pglite faketime "$utc" npx vitest run --project server "${files[@]}"
done
