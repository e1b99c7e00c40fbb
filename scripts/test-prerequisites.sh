#!/usr/bin/env bash
# Makes sure what the tests need is there: a PostgreSQL server at TEST_POSTGRES_URL (default
# 127.0.0.1:5432, user postgres), Debian's Chromium and libfaketime. Starts or installs them where it can.
set -euo pipefail

PGHOST_CHECK=${TEST_POSTGRES_HOST:-127.0.0.1}
if ! pg_isready -q -h "$PGHOST_CHECK" -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "== Starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST_CHECK" -p 5432 && break; sleep 1; done
  fi
  pg_isready -q -h "$PGHOST_CHECK" -p 5432 || { echo "PostgreSQL is not reachable at $PGHOST_CHECK:5432" >&2; exit 1; }
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v faketime >/dev/null 2>&1 || missing+=(faketime)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== Installing ${missing[*]} (Debian packages)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]} (install them with apt-get)" >&2
    exit 1
  fi
fi
