#!/usr/bin/env bash
# Throw-away OpenLDAP directories with ppolicy, for the demo and the tests.
#
#   scripts/lib/slapd.sh install                         slapd + ldap-utils + openssl (root, Debian 12)
#   scripts/lib/slapd.sh provision DIR LDAP_PORT LDAPS_PORT
#   scripts/lib/slapd.sh start DIR                       runs slapd in the foreground (exec: the
#                                                        caller's child IS slapd; SIGTERM stops it)
#   scripts/lib/slapd.sh wait DIR                        until the service account can search (≤10 s)
#
# Typical use:
#   scripts/lib/slapd.sh provision "$PWD/target/slapd" 3389 3636
#   scripts/lib/slapd.sh start "$PWD/target/slapd" & pid=$!
#   scripts/lib/slapd.sh wait "$PWD/target/slapd"
#   ...; kill "$pid"
#
# Everything an instance needs lives in DIR (must not exist or be empty; nothing outside it is
# touched): slapd.d/ (cn=config), data/ (mdb), tls/ (ca.pem, server.pem, server.key for
# 127.0.0.1 and localhost), urls (the listen URLs), service.secret (the service password, for
# `wait`), slapd.log (slapd's own messages), audit.ldif (every write operation, one LDIF
# record each, from the auditlog overlay: tests count operations with it). StartTLS works on
# LDAP_PORT, LDAPS on LDAPS_PORT.
#
# Directory: suffix dc=example,dc=test, rootdn cn=admin,dc=example,dc=test. Passwords from the
# environment: SLAPD_ADMIN_PASSWORD (admin-secret), SLAPD_SERVICE_PASSWORD (service-secret, for
# cn=rekey,ou=services,dc=example,dc=test), SLAPD_USER_PASSWORD (Demo-Passw0rd!, for alice, bob,
# carol and dave under ou=people). Groups under ou=groups (groupOfNames, memberOf maintained by
# the memberof overlay): staff (alice, bob, dave), contractors (carol), it-admins (dave),
# helpdesk-excluded. ppolicy: default policy cn=default,ou=policies (min length 8, history 3,
# locked forever after 3 bad binds); users opt in to a variant with pwdPolicySubentry:
# cn=min-age,ou=policies (pwdMinAge 3600) or cn=must-change,ou=policies (pwdMustChange TRUE:
# slapd 2.5 honours pwdReset at bind only under such a policy; a reset by the service account
# clears pwdReset, so rekey sets it explicitly afterwards when a change is required), or
# cn=expired / cn=expired-grace (pwdMaxAge 1 s, no grace logins / two) and cn=expiring
# (pwdMaxAge one day, pwdExpireWarning 25 hours: every bind carries timeBeforeExpiration, even
# one in the second the password was set). The service account may write (not manage: manage would skip every policy check) userPassword,
# pwdAccountLockedTime and pwdReset under ou=people, and read (not userPassword) everything.
#
# AppArmor: Debian's profile for /usr/sbin/slapd only matters where AppArmor is enforced (not in
# the containers this usually runs in). If `aa-status` lists usr.sbin.slapd as enforced, either
# put DIR under a path the profile allows or run `aa-complain /usr/sbin/slapd`; `start` warns.
set -euo pipefail

SUFFIX="dc=example,dc=test"
ADMIN_DN="cn=admin,$SUFFIX"
SERVICE_DN="cn=rekey,ou=services,$SUFFIX"
MODULE_DIR=/usr/lib/ldap

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install() {
  if command -v slapd >/dev/null || [ -x /usr/sbin/slapd ]; then
    if command -v ldapsearch >/dev/null && command -v openssl >/dev/null; then
      return 0
    fi
  fi
  apt_install slapd ldap-utils openssl
  stop_system_slapd
}

# Debian's postinst configures and starts a system slapd on port 389; it is not ours.
stop_system_slapd() {
  service slapd stop >/dev/null 2>&1 || true
  local pidfile=/var/run/slapd/slapd.pid
  if [ -s "$pidfile" ]; then
    kill "$(cat "$pidfile")" 2>/dev/null || true
  fi
  # A system slapd reads /etc/ldap/slapd.d; ours always name their own -F directory.
  local pid
  for pid in $(pgrep -x slapd || true); do
    if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- '-F /etc/ldap/slapd.d'; then
      kill "$pid" 2>/dev/null || true
    fi
  done
  update-rc.d slapd disable >/dev/null 2>&1 || true
}

# Reads a password from the named variable (or its default) into a private file under DIR,
# and prints an {SSHA} hash of it without putting it on any command line.
hash_password() {
  local dir=$1 value=$2 file
  file=$(mktemp "$dir/.pw.XXXXXX")
  printf '%s' "$value" >"$file"
  slappasswd -n -T "$file"
  rm -f "$file"
}

make_tls() {
  make_certificates "$1" "rekey test CA" localhost "IP:127.0.0.1,DNS:localhost"
}

config_ldif() {
  local dir=$1 admin_hash=$2
  local modules="back_mdb ppolicy memberof auditlog" m
  for m in $modules; do
    [ -e "$MODULE_DIR/$m.so" ] || [ -e "$MODULE_DIR/$m.la" ] || die "module $m not found in $MODULE_DIR"
  done
  cat <<LDIF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $dir/slapd.pid
olcArgsFile: $dir/slapd.args
olcLogLevel: none
olcTLSCACertificateFile: $dir/tls/ca.pem
olcTLSCertificateFile: $dir/tls/server.pem
olcTLSCertificateKeyFile: $dir/tls/server.key
olcTLSProtocolMin: 3.3

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: $MODULE_DIR
olcModuleLoad: {0}back_mdb
olcModuleLoad: {1}ppolicy
olcModuleLoad: {2}memberof
olcModuleLoad: {3}auditlog

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

LDIF
  local schema
  for schema in core cosine inetorgperson; do
    cat "/etc/ldap/schema/$schema.ldif"
    echo
  done
  cat <<LDIF
dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: $SUFFIX
olcRootDN: $ADMIN_DN
olcRootPW: $admin_hash
olcDbDirectory: $dir/data
olcDbMaxSize: 1073741824
olcDbIndex: objectClass eq
olcDbIndex: uid,mail eq,sub
olcDbIndex: cn eq
olcDbIndex: member,memberOf eq
olcDbIndex: entryUUID eq
olcAccess: {0}to dn.subtree="ou=people,$SUFFIX" attrs=userPassword by self =wx by dn.exact="$SERVICE_DN" =w by anonymous auth by * none
olcAccess: {1}to dn.subtree="$SUFFIX" attrs=userPassword by self =wx by anonymous auth by * none
olcAccess: {2}to dn.subtree="ou=people,$SUFFIX" attrs=pwdAccountLockedTime,pwdReset by dn.exact="$SERVICE_DN" write by self read by * none
olcAccess: {3}to dn.subtree="$SUFFIX" by dn.exact="$SERVICE_DN" read by self read by users read by * none

dn: olcOverlay={0}memberof,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcMemberOf
olcOverlay: {0}memberof
olcMemberOfRefInt: TRUE
olcMemberOfGroupOC: groupOfNames
olcMemberOfMemberAD: member
olcMemberOfMemberOfAD: memberOf

dn: olcOverlay={1}ppolicy,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcPPolicyConfig
olcOverlay: {1}ppolicy
olcPPolicyDefault: cn=default,ou=policies,$SUFFIX
olcPPolicyHashCleartext: TRUE
olcPPolicyUseLockout: TRUE

dn: olcOverlay={2}auditlog,olcDatabase={1}mdb,cn=config
objectClass: olcOverlayConfig
objectClass: olcAuditlogConfig
olcOverlay: {2}auditlog
olcAuditlogFile: $dir/audit.ldif

LDIF
}

policy_ldif() {
  local cn=$1 min_age=$2 must_change=$3 max_age=${4:-0} grace=${5:-0} warning=${6:-0}
  cat <<LDIF
dn: cn=$cn,ou=policies,$SUFFIX
objectClass: organizationalRole
objectClass: pwdPolicy
cn: $cn
pwdAttribute: userPassword
pwdMinLength: 8
pwdInHistory: 3
pwdMaxFailure: 3
pwdLockout: TRUE
pwdLockoutDuration: 0
pwdFailureCountInterval: 0
pwdMinAge: $min_age
pwdCheckQuality: 1
pwdAllowUserChange: TRUE
pwdMustChange: $must_change
pwdMaxAge: $max_age
pwdGraceAuthNLimit: $grace
pwdExpireWarning: $warning

LDIF
}

user_ldif() {
  local uid=$1 given=$2 sn=$3 mobile=$4 hash=$5
  shift 5
  cat <<LDIF
dn: uid=$uid,ou=people,$SUFFIX
objectClass: inetOrgPerson
uid: $uid
cn: $given $sn
sn: $sn
givenName: $given
mail: $uid@example.test
mobile: $mobile
userPassword: $hash
LDIF
  local group
  for group in "$@"; do
    echo "memberOf: cn=$group,ou=groups,$SUFFIX"
  done
  echo
}

group_ldif() {
  local cn=$1
  shift
  printf 'dn: cn=%s,ou=groups,%s\nobjectClass: groupOfNames\ncn: %s\n' "$cn" "$SUFFIX" "$cn"
  local member
  for member in "$@"; do
    echo "member: $member"
  done
  echo
}

data_ldif() {
  local service_hash=$1 user_hash=$2 ou
  printf 'dn: %s\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example Corp\n\n' "$SUFFIX"
  for ou in people groups services policies; do
    printf 'dn: ou=%s,%s\nobjectClass: organizationalUnit\nou: %s\n\n' "$ou" "$SUFFIX" "$ou"
  done
  policy_ldif default 0 FALSE
  policy_ldif min-age 3600 FALSE
  policy_ldif must-change 0 TRUE
  # Passwords that expire a second after they are set, with no grace logins or with two, and
  # one that lasts a day and is warned about from the start.
  policy_ldif expired 0 FALSE 1 0 0
  policy_ldif expired-grace 0 FALSE 1 2 0
  policy_ldif expiring 0 FALSE 86400 0 90000
  printf 'dn: %s\nobjectClass: applicationProcess\nobjectClass: simpleSecurityObject\ncn: rekey\nuserPassword: %s\n\n' \
    "$SERVICE_DN" "$service_hash"
  # slapadd bypasses overlays, so the sample users carry memberOf themselves.
  user_ldif alice Alice Archer +15550100001 "$user_hash" staff
  user_ldif bob Bob Baker +15550100002 "$user_hash" staff
  user_ldif carol Carol Cooper +15550100003 "$user_hash" contractors
  user_ldif dave Dave Dawson +15550100004 "$user_hash" it-admins staff
  local people="ou=people,$SUFFIX"
  group_ldif staff "uid=alice,$people" "uid=bob,$people" "uid=dave,$people"
  group_ldif contractors "uid=carol,$people"
  group_ldif it-admins "uid=dave,$people"
  # groupOfNames needs a member; the rootdn has no entry and signs in to nothing here.
  group_ldif helpdesk-excluded "$ADMIN_DN"
}

provision() {
  [ $# -eq 3 ] || die "usage: provision DIR LDAP_PORT LDAPS_PORT"
  local dir=$1 ldap_port=$2 ldaps_port=$3
  command -v slapadd >/dev/null || PATH="$PATH:/usr/sbin"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
  mkdir -p "$dir/slapd.d" "$dir/data"
  chmod 700 "$dir"

  make_tls "$dir/tls"
  local admin_hash service_hash user_hash
  admin_hash=$(hash_password "$dir" "${SLAPD_ADMIN_PASSWORD:-admin-secret}")
  service_hash=$(hash_password "$dir" "${SLAPD_SERVICE_PASSWORD:-service-secret}")
  user_hash=$(hash_password "$dir" "${SLAPD_USER_PASSWORD:-Demo-Passw0rd!}")
  (umask 077 && printf '%s' "${SLAPD_SERVICE_PASSWORD:-service-secret}" >"$dir/service.secret")

  config_ldif "$dir" "$admin_hash" >"$dir/config.ldif"
  data_ldif "$service_hash" "$user_hash" >"$dir/data.ldif"
  slapadd -q -n0 -F "$dir/slapd.d" -l "$dir/config.ldif" >"$dir/slapadd.log" 2>&1 ||
    { cat "$dir/slapadd.log" >&2; die "slapadd of cn=config failed"; }
  slapadd -q -n1 -F "$dir/slapd.d" -l "$dir/data.ldif" >>"$dir/slapadd.log" 2>&1 ||
    { cat "$dir/slapadd.log" >&2; die "slapadd of the sample data failed"; }
  rm -f "$dir/data.ldif"
  echo "ldap://127.0.0.1:$ldap_port/ ldaps://127.0.0.1:$ldaps_port/" >"$dir/urls"
  echo "$dir"
}

start() {
  [ $# -eq 1 ] || die "usage: start DIR"
  local dir=$1
  [ -f "$dir/urls" ] || die "$dir is not provisioned (run provision first)"
  if command -v aa-status >/dev/null && aa-status --enforced 2>/dev/null | grep -q slapd; then
    echo "slapd.sh: AppArmor enforces a slapd profile; if slapd cannot read $dir, run aa-complain /usr/sbin/slapd" >&2
  fi
  # -d 0: stay in the foreground and log only what slapd logs at any level (warnings,
  # errors) to stderr, which goes to DIR/slapd.log. exec: our caller's child is slapd itself.
  exec /usr/sbin/slapd -d 0 -F "$dir/slapd.d" -h "$(cat "$dir/urls")" 2>>"$dir/slapd.log"
}

wait_ready() {
  [ $# -eq 1 ] || die "usage: wait DIR"
  local dir=$1 url
  url=$(cut -d' ' -f1 <"$dir/urls")
  wait_for_search 10 "$url" "$SERVICE_DN" "$dir/service.secret" "$SUFFIX" "$dir/slapd.log" "slapd in $dir"
}

run_command "install | provision DIR LDAP_PORT LDAPS_PORT | start DIR | wait DIR" "$@"
