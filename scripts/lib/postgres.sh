#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 and lets the local `postgres`
# role in without a password (a throw-away test server; never run this on a real one).
#
#   scripts/lib/postgres.sh ensure    start it if needed
#   scripts/lib/postgres.sh clean     drop databases left by earlier test runs
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

# Drops the databases earlier test runs made (rekey_t_*).
clean() {
  local db
  for db in $(psql -h 127.0.0.1 -U postgres -At -c "select datname from pg_database where datname like 'rekey_t_%'" postgres); do
    psql -h 127.0.0.1 -U postgres -q -c "drop database if exists \"$db\" with (force)" postgres
  done
}

"${1:-ensure}"
