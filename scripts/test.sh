#!/usr/bin/env bash
# The README's test command (`npm test`): type-check, build the front end and check its download
# size per page against the budget, run the server tests on
# embedded PGlite and on the real PostgreSQL server, then the browser tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/test-prerequisites.sh

echo "== Node $(node --version)"
echo "== Type-check"
npx tsc --noEmit -p tsconfig.json
echo "== Lint (type-aware rules and import boundaries)"
npm run --silent lint
echo "== Build the front end"
npx vite build --logLevel warn
echo "== Front end download per page (fails over budget)"
node scripts/bundle-sizes.ts
echo "== Server tests on PGlite"
# vitest would use one worker on two cores; the files wait on the database more than the CPU.
TEST_DB=pglite npx vitest run --project server --maxWorkers=2
echo "== Date-sensitive server tests at midnight, daylight-saving days, 29 February and New Year's Eve (libfaketime)"
bash scripts/test-dates.sh
echo "== Server tests on PostgreSQL"
TEST_DB=postgres npx vitest run --project server --maxWorkers=3
echo "== Browser tests (Chromium, PostgreSQL)"
TEST_DB=postgres npx vitest run --project browser
