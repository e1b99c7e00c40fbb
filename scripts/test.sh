#!/usr/bin/env bash
# The README's test command (`npm test`): type-check, lint, build the front end and check its download
# size per page against the budget, run the server tests on the real PostgreSQL server, the
# PGlite suite (what differs on the embedded default, docs/architecture.md "Tests") and the
# date-sensitive tests under libfaketime, then the browser tests in Chromium. Stages that do not
# depend on each other run side by side; each one's output is printed whole when it ends, and the
# time of every stage at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-prerequisites.sh
echo "== Node $(node --version), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
started=$SECONDS
# The machine's busy CPU time (every process: PostgreSQL and Chromium too), in clock ticks.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
busy_at_start=$(busy_ticks)
report=()
failed=()
running=()

# start NAME COMMAND...: runs the stage in the background, its output kept until it ends. Beside
# the wall time it notes the CPU seconds its processes used (not the PostgreSQL server's), which
# say more than the wall time when others share the machine.
start() {
  local name=$1; shift
  (
    s=$SECONDS; set +e
    "$@" >"$logs/$name.log" 2>&1; rc=$?
    times >"$logs/$name.times" # not in a pipe: a subshell there would have no children to count
    cpu=$(tail -n 1 "$logs/$name.times" | awk '{ gsub(/[ms]/, " "); split($0, t, " "); printf "%d", t[1] * 60 + t[2] + t[3] * 60 + t[4] }')
    echo "$((SECONDS - s)) $rc $cpu" >"$logs/$name.done"
  ) &
  running+=("$name")
}

# await NAME...: waits for these stages to end, prints their output and times. A stage that failed
# stops new stages from starting; those already running finish, then the summary says what failed.
await() {
  local name took rc cpu
  for name in "$@"; do
    [ -f "$logs/$name.awaited" ] && continue
    while [ ! -f "$logs/$name.done" ]; do sleep 1; done
    touch "$logs/$name.awaited"
    read -r took rc cpu <"$logs/$name.done"
    echo "== ${name} (${took} s$([ "$rc" = 0 ] || echo ", FAILED"))"
    cat "$logs/$name.log"
    report+=("$(printf '%-62s %4d s  %5d s' "$name" "$took" "$cpu")")
    [ "$rc" = 0 ] || failed+=("$name")
  done
}

summary() {
  echo
  echo "== Stage times, load average now $(cut -d' ' -f1-3 /proc/loadavg)"
  printf '%-62s %6s  %7s\n' "stage" "wall" "CPU"
  printf '%s\n' "${report[@]}"
  printf '%-62s %4d s  %5d s\n' "whole test command (CPU: the whole machine's)" "$((SECONDS - started))" "$((($(busy_ticks) - busy_at_start) / $(getconf CLK_TCK)))"
  [ ${#failed[@]} -eq 0 ] || echo "FAILED: ${failed[*]}"
}

build() {
  npx vite build --logLevel warn
  node scripts/bundle-sizes.ts
}

# The stages form a graph: the type-check, the lint, the build and the server tests start together;
# the browser tests start when the build is there, and the PGlite suite and the libfaketime runs when
# the server tests are done. Two cores are busy throughout without more stages at once than they
# take: all of them together (or the others under `nice` beside the browser tests) cost a fifth more
# CPU in switching and ran longer (docs/architecture.md, "Tests").
TYPECHECK="Type-check"
LINT="Lint (type-aware rules and import boundaries)"
BUILD="Build the front end, download per page (fails over budget)"
SERVER="Server tests on PostgreSQL"
PGLITE="PGlite suite"
DATES="Date-sensitive server tests (libfaketime)"
BROWSER="Browser tests (Chromium, PostgreSQL)"

start "$BUILD" build
start "$TYPECHECK" npm run --silent typecheck
start "$LINT" npm run --silent lint
# vitest would use one worker on two cores; the files wait on the database more than the CPU.
start "$SERVER" env TEST_DB=postgres npx vitest run --project server --maxWorkers=3

# PGlite is the embedded default, not a second production database: its suite proves what differs
# there (docs/architecture.md, "Tests"), not every rule again. The date-sensitive tests below run on
# PGlite too (consent, meetings and the clock), three times over. The demo's own test is not listed: it
# opens an in-memory PGlite itself, as `npm start` does, in the server stage.
pglite_suite=(
  tests/server/indexes.test.ts                    # every migration, and the catalog they leave
  tests/server/foundation.test.ts                 # health on PGlite, sessions, sign-in, admin forms
  tests/security/routes-enumeration.test.ts       # every guarded route, through each module
  tests/security/08-idempotency-and-versions.test.ts # races on one connection: idempotency, versions
  tests/server/jobs.test.ts                       # the queue's FOR UPDATE SKIP LOCKED
  tests/server/notifications.test.ts              # two workers draining the mail queue
  tests/server/catalogue.test.ts                  # full-text search and pg_trgm (the handbook's search is built from its functions)
  tests/server/cases.test.ts                      # the case module's SQL: relay log, cursor paging
  tests/security/03-audit-tamper.test.ts          # the audit chain's sealing and verification
  tests/server/indicators-computed.test.ts        # the indicators' SQL: grouping sets, Oslo years, DISTINCT ON
  tests/server/plans.test.ts                      # the individual plan's rules, on both databases (issue 14)
  tests/server/plans-meetings.test.ts             # its meetings through the team-meeting machinery
  tests/server/plans-after-care.test.ts           # after-care and the notice job's once-only insert
)
await "$BUILD"
if [ ${#failed[@]} -eq 0 ]; then
  # Two Chromiums: a third made every stage slower on two cores.
  start "$BROWSER" env TEST_DB=postgres npx vitest run --project browser --maxWorkers=2
fi
await "$SERVER"
if [ ${#failed[@]} -eq 0 ]; then
  start "$PGLITE" env TEST_DB=pglite npx vitest run --project server --maxWorkers=2 "${pglite_suite[@]}"
  start "$DATES" bash scripts/test-dates.sh
fi
await "${running[@]}"

summary
[ ${#failed[@]} -eq 0 ] || exit 1
