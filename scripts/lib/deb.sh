#!/usr/bin/env bash
# The Debian package on this machine, used the way an administrator would.
#
#   scripts/lib/deb.sh test DEB SLAPD_DIR LDAP_PORT
#
# Installs DEB (apt, so its dependencies are checked), checks what the maintainer scripts made
# (user rekey, /var/lib/rekey, /etc/rekey/master.key, the config's permissions) and that
# systemd accepts the units, points /etc/rekey/rekey.toml at the throw-away slapd in SLAPD_DIR
# (StartTLS on LDAP_PORT), starts the portal and waits for /readyz to answer 200. The start:
# `systemctl start rekey` when systemd is PID 1; otherwise the unit's own ExecStartPre and
# ExecStart lines, with its Environment= lines, as its User= (systemd's sandboxing options then
# do not apply: `systemd-analyze verify` is what checks them). Then reinstalls (the upgrade
# path: the master key and the database stay), removes (config and data stay), purges
# (nothing of rekey's stays but the system user, as Debian leaves system users).
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

UNIT=/lib/systemd/system/rekey.service
port=${PACKAGE_HTTP_PORT:-18089}
portal_pid=""

check() { # CONDITION... : dies naming it when false
  "$@" || die "expected: $*"
}

owner_mode() { stat -c '%U:%G %a' "$1"; }

# Values of KEY= in UNIT, one per line.
unit_values() { sed -n "s/^$1=//p" "$UNIT"; }

under_systemd() { [ "$(cat /proc/1/comm 2>/dev/null)" = systemd ] && [ -d /run/systemd/system ]; }

start_portal() {
  if under_systemd; then
    systemctl start rekey.service
    return
  fi
  local user env=() line
  user=$(unit_values User)
  while IFS= read -r line; do env+=("$line"); done < <(unit_values Environment)
  # The unit's command lines, run as systemd would: as User=, from /, with only its Environment=.
  read -r -a pre <<<"$(unit_values ExecStartPre)"
  read -r -a main <<<"$(unit_values ExecStart)"
  (cd / && env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "${env[@]}" \
    setpriv --reuid="$user" --regid="$user" --init-groups --no-new-privs -- "${pre[@]}") >/dev/null \
    || die "the unit's ExecStartPre (${pre[*]}) failed"
  (cd / && exec env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin "${env[@]}" \
    setpriv --reuid="$user" --regid="$user" --init-groups --no-new-privs -- "${main[@]}") \
    >"$LOG" 2>&1 &
  portal_pid=$!
}

stop_portal() {
  if under_systemd; then
    systemctl stop rekey.service
  elif [ -n "$portal_pid" ]; then
    kill "$portal_pid" 2>/dev/null || true
    wait "$portal_pid" 2>/dev/null || true
    portal_pid=""
  fi
}

wait_ready() {
  local body="" deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if body=$(curl -fsS "http://127.0.0.1:$port/readyz" 2>/dev/null); then
      echo "deb: /readyz answered 200: $body"
      return 0
    fi
    if [ -n "$portal_pid" ] && ! kill -0 "$portal_pid" 2>/dev/null; then
      break
    fi
    sleep 0.2
  done
  if under_systemd; then journalctl -u rekey.service -n 30 --no-pager >&2 || true; fi
  tail -n 30 "$LOG" >&2 2>/dev/null || true
  die "/readyz did not answer 200 (the portal exited, or not within 60 s)"
}

test_deb() {
  local deb slapd=$2 ldap_port=$3 expected_version key_sum
  deb=$(realpath "$1")
  LOG=$(dirname "$deb")/portal.log
  trap 'stop_portal' EXIT
  expected_version=$(dpkg-deb -f "$deb" Version)
  # Leftovers of an interrupted run.
  dpkg --purge rekey >/dev/null 2>&1 || true

  echo "deb: installing $deb"
  apt-get install -y -qq "$deb" >/dev/null
  check test "$(dpkg-query -W -f '${Status} ${Version}' rekey)" = "install ok installed $expected_version"
  check getent passwd rekey >/dev/null
  check test "$(owner_mode /var/lib/rekey)" = "rekey:rekey 750"
  check test "$(owner_mode /etc/rekey)" = "root:rekey 750"
  check test "$(owner_mode /etc/rekey/rekey.toml)" = "root:rekey 640"
  check test "$(owner_mode /etc/rekey/rekey-agent.toml)" = "root:rekey 640"
  check test "$(owner_mode /etc/rekey/master.key)" = "root:rekey 640"
  check test "$(base64 -d /etc/rekey/master.key | wc -c)" = 32
  check grep -qx /etc/rekey/rekey.toml /var/lib/dpkg/info/rekey.conffiles
  /usr/bin/rekey --version | grep -q "^rekey ${expected_version%-*} (commit " || die "rekey --version: $(/usr/bin/rekey --version)"
  local verify
  verify=$(systemd-analyze verify --man=no "$UNIT" /lib/systemd/system/rekey-agent.service 2>&1) || true
  [ -z "$verify" ] || die "systemd-analyze verify: $verify"

  # As installed, the config still lacks the directory: check-config says so, naming keys.
  local out
  if out=$(REKEY_CONFIG=/etc/rekey/rekey.toml setpriv --reuid=rekey --regid=rekey --init-groups /usr/bin/rekey check-config 2>&1); then
    die "the default config passed check-config without a directory"
  fi
  echo "$out" | grep -q "directory\." || die "check-config did not name the directory's keys: $out"

  # The administrator's part: the directory.
  install -m 0640 -g rekey "$slapd/tls/ca.pem" /etc/rekey/directory-ca.pem
  install -m 0640 -g rekey "$slapd/service.secret" /etc/rekey/bind.secret
  sed -i \
    -e "s|^listen = .*|listen = \"127.0.0.1:$port\"|" \
    -e "s|^public_url = .*|public_url = \"http://127.0.0.1:$port\"|" \
    -e "s|^url = .*|url = \"ldap://127.0.0.1:$ldap_port\"\nstarttls = true\nca_file = \"/etc/rekey/directory-ca.pem\"|" \
    -e 's|^bind_dn = .*|bind_dn = "cn=rekey,ou=services,dc=example,dc=test"|' \
    -e 's|^base_dn = .*|base_dn = "ou=people,dc=example,dc=test"|' \
    /etc/rekey/rekey.toml

  echo "deb: starting rekey ($(under_systemd && echo 'systemd' || echo "no systemd as PID 1: the unit's command lines as its user"))"
  start_portal
  wait_ready
  curl -fsS "http://127.0.0.1:$port/healthz" | grep -q "\"version\":\"${expected_version%-*}\"" || die "/healthz has no version"
  stop_portal
  check test "$(owner_mode /var/lib/rekey/rekey.db | cut -d' ' -f1)" = "rekey:rekey"

  echo "deb: reinstalling (the upgrade path)"
  key_sum=$(sha256sum /etc/rekey/master.key)
  apt-get install -y -qq --reinstall "$deb" >/dev/null
  check test "$(sha256sum /etc/rekey/master.key)" = "$key_sum"
  check grep -q "ldap://127.0.0.1:$ldap_port" /etc/rekey/rekey.toml
  check test -s /var/lib/rekey/rekey.db
  start_portal
  wait_ready
  stop_portal

  echo "deb: removing, then purging"
  dpkg --remove rekey >/dev/null
  check test ! -e /usr/bin/rekey
  check test ! -e "$UNIT"
  check test -e /etc/rekey/rekey.toml
  check test -s /var/lib/rekey/rekey.db
  rm -f /etc/rekey/directory-ca.pem /etc/rekey/bind.secret
  dpkg --purge rekey >/dev/null
  check test ! -e /etc/rekey
  check test ! -e /var/lib/rekey
  local status
  status=$(dpkg-query -W -f '${Status}' rekey 2>/dev/null || true)
  case "$status" in
    "" | *not-installed) ;;
    *) die "dpkg still has rekey after purge: $status" ;;
  esac
  echo "deb: installed, served /readyz, upgraded, removed and purged cleanly"
}

case "${1:-}" in
  test) shift; test_deb "$@" ;;
  *) die "usage: $0 test DEB SLAPD_DIR LDAP_PORT" ;;
esac
