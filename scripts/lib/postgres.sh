#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 and lets the local `postgres`
# role in without a password (a throw-away test server; never run this on a real one).
#
#   scripts/lib/postgres.sh ensure
set -euo pipefail

answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

ensure() {
  if command -v pg_isready >/dev/null && answers; then
    return 0
  fi
  if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /etc/postgresql 2>/dev/null)" ]; then
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n1)
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || pg_ctlcluster "$version" main restart
  for _ in $(seq 1 50); do
    answers && return 0
    sleep 0.2
  done
  echo "PostgreSQL did not start on 127.0.0.1:5432" >&2
  exit 1
}

"${1:-ensure}"
