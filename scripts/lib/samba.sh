#!/usr/bin/env bash
# Throw-away Samba 4 Active Directory domain controllers, for the demo and the tests.
#
#   scripts/lib/samba.sh install                 samba + ldap-utils + openssl (root, Debian 12)
#   scripts/lib/samba.sh provision DIR [ADDRESS] a new domain in DIR, listening on ADDRESS only
#                                                (default 127.0.0.1; any 127.x.y.z works, so
#                                                several DCs can run side by side)
#   scripts/lib/samba.sh start DIR               runs samba in the foreground (exec: the caller's
#                                                child IS samba; SIGTERM stops it)
#   scripts/lib/samba.sh wait DIR [ADDRESS]      until LDAPS answers a search as rekey-svc (≤30 s)
#
# With SAMBA_BULK_ACCOUNTS=N, provision also gives the domain N more accounts, bulk00000 to
# bulk<N-1>, under OU=Bulk,DC=corp,DC=test (in sub-OUs of 500): sAMAccountName, displayName and
# mail, no password (disabled, as AD makes them). They are written straight to sam.ldb before
# samba starts, 500 to a transaction; with SAMBA_TEMPLATE_CACHE the result is kept as a template
# of its own, so only the first DC with N bulk accounts pays for them (10,000: see below).
#
# Typical use:
#   scripts/lib/samba.sh provision "$PWD/target/samba" 127.0.0.1
#   scripts/lib/samba.sh start "$PWD/target/samba" & pid=$!
#   scripts/lib/samba.sh wait "$PWD/target/samba"
#   ...; kill "$pid"
#
# With SAMBA_TEMPLATE_CACHE=FOLDER, provision copies a pristine domain kept in FOLDER (made there
# on first use, remade when this script or samba's version changes) instead of running
# samba-tool domain provision each time. The copies share the domain SID and GUIDs; as separate
# throw-away domains that matters to nobody. The tests use it; the demo need not.
#
# Measured on this kind of machine (2 cores, Samba 4.17.12, Debian 12), each step alone:
#   install, already installed   0.01 s (the apt-get no-op it skips: ~1 s)
#   provision                    5.7 s (samba-tool domain provision 4.4 s of it; 33 MB in DIR);
#                                1.0 s from a SAMBA_TEMPLATE_CACHE template (5.9 s to make it)
#   start until `wait` returns   0.4-0.6 s (own certificate, LDAP only); samba's RSS ~54 MB
#   stop (SIGTERM)               exits at once
#   10,000 bulk accounts         91 s to make the template once (7 min while other builds ran;
#                                Samba's adds slow down as the domain grows: 500 take 1 s at
#                                first, 4 s past 8,000); 3 s to provision from it (134 MB)
#
# Everything an instance needs lives in DIR (must not exist or be empty; nothing outside it is
# touched): etc/smb.conf, private/ (sam.ldb: the directory), state/, cache/, run/ (pid files),
# tls/ (ca.pem, ca.key, server.pem, server.key: IP SAN = ADDRESS, DNS SANs localhost,
# dc1.corp.test, this machine's host name, which OpenLDAP's tools check for ldaps://localhost, and
# the names in SAMBA_TLS_NAMES, space-separated, e.g. a DC's name in test DNS),
# address (ADDRESS), service.secret and admin.secret (0600), samba.log (samba's own messages),
# log.* (per-service logs).
#
# Domain: realm CORP.TEST, NetBIOS domain CORP, base DC=corp,DC=test, DC host dc1.corp.test. No
# DNS, NetBIOS, Kerberos, RPC or SMB service: only LDAP (389, StartTLS), LDAPS (636), the global
# catalogue (3268/3269) and CLDAP, on ADDRESS. Simple binds without TLS are refused (ldap server
# require strong auth), as on Windows. "old password allowed period = 0": Samba otherwise keeps
# accepting the previous password in LDAP simple binds for 60 minutes after a change or reset
# (Windows allows that only for NTLM), which would hide whether a reset took effect. Passwords
# from the environment: SAMBA_ADMIN_PASSWORD (Adm1n-Passw0rd!, for
# CN=Administrator,CN=Users,DC=corp,DC=test), SAMBA_SERVICE_PASSWORD (Svc-Passw0rd-1!, for
# CN=rekey-svc,OU=Services,DC=corp,DC=test), SAMBA_USER_PASSWORD (Demo-Passw0rd!, for the sample
# users). Password policy: complexity on, minimum length 8, history 3, no minimum or maximum
# age, locked for 30 minutes after 3 bad passwords within 30 minutes.
#
# Sample data: OU=People (CN=<Given> <Surname>: alice, bob: staff; carol: contractors; dave: staff, it-admins; erin:
# staff-nested), OU=Groups (global security groups staff, contractors, it-admins, and
# staff-nested, itself a member of staff), OU=Services (rekey-svc). Each user has
# sAMAccountName, userPrincipalName <name>@corp.test, givenName, sn, displayName,
# mail <name>@example.test and mobile.
#
# The service account rekey-svc is an ordinary domain user (not a domain admin): on OU=People it
# holds, inherited by user objects, the "Reset Password" extended right
# (00299570-246d-11d0-a768-00aa006e0529) and write on lockoutTime and pwdLastSet, plus read on
# OU=People and OU=Groups. Samba 4.17 honours this delegation: as rekey-svc, a replace of
# unicodePwd (reset), lockoutTime 0 (unlock) and pwdLastSet 0 (force change) succeed on users in
# OU=People, while anything else (e.g. adding a member to Domain Admins, or writing
# userAccountControl) is refused with result 50, insufficientAccessRights.
set -euo pipefail

REALM=CORP.TEST
DOMAIN=CORP
HOST=dc1
BASE="DC=corp,DC=test"
SERVICE_DN="CN=rekey-svc,OU=Services,$BASE"
USER_CLASS=bf967aba-0de6-11d0-a285-00aa003049e2
RESET_PASSWORD=00299570-246d-11d0-a768-00aa006e0529
LOCKOUT_TIME=28630ebf-41d5-11d1-a9c1-0000f80367c1
PWD_LAST_SET=bf967a0a-0de6-11d0-a285-00aa003049e2
# Global security group (ADS_GROUP_TYPE_GLOBAL_GROUP | ADS_GROUP_TYPE_SECURITY_ENABLED).
GLOBAL_SECURITY=-2147483646

# shellcheck source=scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install() {
  if command -v samba >/dev/null && command -v samba-tool >/dev/null && [ -d /usr/share/samba/setup ] &&
    command -v ldapsearch >/dev/null && command -v openssl >/dev/null; then
    return 0
  fi
  # samba-ad-provision (the provisioning templates) and samba-dsdb-modules are only recommended
  # by samba; name them so an apt configured without recommends still gets a working DC.
  apt_install samba samba-ad-provision samba-dsdb-modules python3-samba ldap-utils openssl
  stop_system_samba
}

# Debian's postinst may start smbd, nmbd (and samba-ad-dc, winbind where configured) for
# /etc/samba/smb.conf; they are not ours. Ours keep their pid files in DIR/run, so only the
# system's pid files under /run/samba are followed.
stop_system_samba() {
  local service pidfile
  for service in samba-ad-dc smbd nmbd winbind; do
    service "$service" stop >/dev/null 2>&1 || true
    update-rc.d "$service" disable >/dev/null 2>&1 || true
  done
  for pidfile in /run/samba/samba.pid /run/samba/smbd.pid /run/samba/nmbd.pid /run/samba/winbindd.pid; do
    if [ -s "$pidfile" ]; then
      kill "$(cat "$pidfile")" 2>/dev/null || true
    fi
  done
}

make_tls() {
  local tls=$1 address=$2 extra="" name
  # OpenLDAP's client library checks ldaps://localhost against this machine's own host name.
  name=$(hostname 2>/dev/null || true)
  if [[ $name =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] && [ "$name" != localhost ]; then
    extra=",DNS:$name"
  fi
  for name in ${SAMBA_TLS_NAMES:-}; do
    [[ $name =~ ^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$ ]] || die "SAMBA_TLS_NAMES: not a host name: $name"
    extra+=",DNS:$name"
  done
  make_certificates "$tls" "rekey test AD CA" "$HOST.${REALM,,}" \
    "IP:$address,DNS:localhost,DNS:$HOST.${REALM,,}$extra"
}

# unicodePwd as AD wants it: the password in double quotes, UTF-16LE, base64 for LDIF.
unicode_pwd() {
  printf '"%s"' "$1" | iconv -f UTF-8 -t UTF-16LE | base64 -w0
}

user_ldif() {
  local name=$1 given=$2 sn=$3 mobile=$4 pwd=$5
  cat <<LDIF
dn: CN=$given $sn,OU=People,$BASE
objectClass: user
sAMAccountName: $name
userPrincipalName: $name@${REALM,,}
givenName: $given
sn: $sn
displayName: $given $sn
mail: $name@example.test
mobile: $mobile
userAccountControl: 512
unicodePwd:: $pwd

LDIF
}

group_ldif() {
  local cn=$1 member
  shift
  printf 'dn: CN=%s,OU=Groups,%s\nobjectClass: group\nsAMAccountName: %s\ngroupType: %s\n' \
    "$cn" "$BASE" "$cn" "$GLOBAL_SECURITY"
  for member in "$@"; do
    echo "member: $member"
  done
  echo
}

data_ldif() {
  local user_pwd service_pwd ou
  user_pwd=$(unicode_pwd "${SAMBA_USER_PASSWORD:-Demo-Passw0rd!}")
  service_pwd=$(unicode_pwd "${SAMBA_SERVICE_PASSWORD:-Svc-Passw0rd-1!}")
  for ou in People Groups Services; do
    printf 'dn: OU=%s,%s\nobjectClass: organizationalUnit\nou: %s\n\n' "$ou" "$BASE" "$ou"
  done
  # 66048 = NORMAL_ACCOUNT | DONT_EXPIRE_PASSWORD.
  cat <<LDIF
dn: $SERVICE_DN
objectClass: user
sAMAccountName: rekey-svc
userPrincipalName: rekey-svc@${REALM,,}
displayName: rekey service account
userAccountControl: 66048
unicodePwd:: $service_pwd

LDIF
  user_ldif alice Alice Archer +15550100001 "$user_pwd"
  user_ldif bob Bob Baker +15550100002 "$user_pwd"
  user_ldif carol Carol Cooper +15550100003 "$user_pwd"
  user_ldif dave Dave Dawson +15550100004 "$user_pwd"
  user_ldif erin Erin Evans +15550100005 "$user_pwd"
  local people="OU=People,$BASE"
  group_ldif staff-nested "CN=Erin Evans,$people"
  group_ldif staff "CN=Alice Archer,$people" "CN=Bob Baker,$people" "CN=Dave Dawson,$people" \
    "CN=staff-nested,OU=Groups,$BASE"
  group_ldif contractors "CN=Carol Cooper,$people"
  group_ldif it-admins "CN=Dave Dawson,$people"
}

# Sets the Administrator's password (from SAMBA_ADMIN_PASSWORD, through the environment) and
# adds LDIF records straight to DIR's sam.ldb (samba not running) with Samba's own Python
# bindings, so no password appears on a command line; prints rekey-svc's SID.
add_ldif() {
  local conf=$1 ldif=$2 python
  # The interpreter samba-tool runs on (Debian's /usr/bin/python3), not whatever is first on PATH.
  python=$(head -n 1 "$(command -v samba-tool)" | sed 's/^#! *//')
  SAMBA_ADMIN_PASSWORD=${SAMBA_ADMIN_PASSWORD:-Adm1n-Passw0rd!} $python - "$conf" "$ldif" "$SERVICE_DN" <<'PY'
import os
import sys
import ldb
from samba.auth import system_session
from samba.param import LoadParm
from samba.samdb import SamDB
from samba.dcerpc import security
from samba.ndr import ndr_unpack

conf, ldif, service_dn = sys.argv[1:4]
lp = LoadParm()
lp.load(conf)
db = SamDB(url=lp.samdb_url(), session_info=system_session(), lp=lp)
db.setpassword("(&(objectClass=user)(sAMAccountName=Administrator))", os.environ["SAMBA_ADMIN_PASSWORD"])
with open(ldif, encoding="utf-8") as f:
    db.add_ldif(f.read())
res = db.search(base=service_dn, scope=ldb.SCOPE_BASE, attrs=["objectSid"])
print(ndr_unpack(security.dom_sid, res[0]["objectSid"][0]))
PY
}

# A new, empty domain in DIR (no users, OUs or delegation yet): samba-tool domain provision,
# then the password policy. Every path samba would otherwise put under /var or /run is in DIR.
new_domain() {
  local dir=$1 interface=$2 throwaway
  # The real Administrator password is set later through the environment (add_ldif); this one
  # only has to pass the policy and never leaves this function.
  throwaway="Pw-$(openssl rand -hex 12)-Aa1!"
  samba-tool domain provision --realm="$REALM" --domain="$DOMAIN" --host-name="$HOST" \
    --server-role=dc --dns-backend=NONE --use-rfc2307 --targetdir="$dir" --adminpass="$throwaway" \
    --option="server services = -dns -nbt -wrepl -winbindd -ntp_signd -kcc -dnsupdate -s3fs -rpc -kdc -drepl" \
    --option="interfaces = $interface" --option="bind interfaces only = yes" \
    --option="pid directory = $dir/run" --option="ncalrpc dir = $dir/run/ncalrpc" \
    --option="winbindd socket directory = $dir/run/winbindd" \
    --option="log file = $dir/log.%m" \
    --option="tls enabled = yes" --option="tls certfile = $dir/tls/server.pem" \
    --option="tls keyfile = $dir/tls/server.key" --option="tls cafile = $dir/tls/ca.pem" \
    >"$dir/provision.log" 2>&1 || { tail -n 30 "$dir/provision.log" >&2; die "samba-tool domain provision failed"; }
  local conf="$dir/etc/smb.conf"
  # "old password allowed period" (default 60 minutes) lets the previous password keep working
  # for LDAP simple binds after a change or reset; Windows allows that for NTLM only, and the
  # tests must see the old password fail at once. (provision drops it when given as --option.)
  sed -i 's/^\[global\]$/&\n\told password allowed period = 0/' "$conf"
  grep -q 'old password allowed period = 0' "$conf" || die "could not set old password allowed period in $conf"

  samba-tool domain passwordsettings set -s "$conf" --complexity=on --min-pwd-length=8 \
    --history-length=3 --min-pwd-age=0 --max-pwd-age=0 --account-lockout-threshold=3 \
    --account-lockout-duration=30 --reset-account-lockout-after=30 >>"$dir/provision.log" 2>&1 ||
    { tail -n 10 "$dir/provision.log" >&2; die "samba-tool domain passwordsettings set failed"; }
}

# Prints the folder of a pristine new_domain for copying, made under CACHE on first use. Its
# name hashes this script and samba's version, so a change to either makes a new one (and
# removes the old). Only the smb.conf names its folder, as @DIR@; nothing in the databases does.
template() {
  local cache=$1 key t build
  mkdir -p "$cache"
  cache=$(cd "$cache" && pwd)
  key=$( (cat "${BASH_SOURCE[0]}" "$(dirname "${BASH_SOURCE[0]}")/common.sh"; samba -V) | sha256sum | cut -c1-16)
  t="$cache/domain-$key"
  if [ ! -f "$t/etc/smb.conf" ]; then
    # Half-built templates of processes that were killed.
    find "$cache" -maxdepth 1 -name '.build-*' -mmin +10 -exec rm -rf {} + 2>/dev/null || true
    build=$(mktemp -d "$cache/.build-XXXXXX")
    mkdir -p "$build/run"
    new_domain "$build" "@INTERFACE@" >&2
    sed -i "s|$build|@DIR@|g" "$build/etc/smb.conf"
    # Another process may have finished first: then its template is used and ours dropped.
    if mv -T "$build" "$t" 2>/dev/null; then
      find "$cache" -maxdepth 1 -name 'domain-*' ! -name "domain-$key*" -exec rm -rf {} + 2>/dev/null || true
    else
      rm -rf "$build"
    fi
  fi
  echo "$t"
}

# Adds COUNT accounts under OU=Bulk to the domain whose smb.conf is CONF (samba not running).
add_bulk_accounts() {
  local conf=$1 count=$2 python
  python=$(head -n 1 "$(command -v samba-tool)" | sed 's/^#! *//')
  $python - "$conf" "$count" <<'PY'
import sys
from samba.auth import system_session
from samba.param import LoadParm
from samba.samdb import SamDB

conf, count = sys.argv[1], int(sys.argv[2])
lp = LoadParm()
lp.load(conf)
db = SamDB(url=lp.samdb_url(), session_info=system_session(), lp=lp)
base = "OU=Bulk,DC=corp,DC=test"
db.add({"dn": base, "objectClass": "organizationalUnit", "ou": "Bulk"})
per_ou = 500
for start in range(0, count, per_ou):
    ou = "OU=Bulk%03d,%s" % (start // per_ou, base)
    db.transaction_start()
    try:
        db.add({"dn": ou, "objectClass": "organizationalUnit"})
        for i in range(start, min(count, start + per_ou)):
            name = "bulk%05d" % i
            db.add({"dn": "CN=%s,%s" % (name, ou), "objectClass": "user", "sAMAccountName": name,
                    "displayName": "Bulk Account %05d" % i, "mail": name + "@example.test"})
    except BaseException:
        db.transaction_cancel()
        raise
    db.transaction_commit()
PY
}

# Prints the folder of a template like template()'s with COUNT bulk accounts, made on first use.
bulk_template() {
  local cache=$1 count=$2 t tb build
  t=$(template "$cache")
  tb="$t-bulk$count"
  if [ ! -f "$tb/etc/smb.conf" ]; then
    build=$(mktemp -d "$(dirname "$t")/.build-XXXXXX")
    cp -a "$t/." "$build/"
    sed -i "s|@DIR@|$build|g; s|@INTERFACE@|127.0.0.1/8|g" "$build/etc/smb.conf"
    add_bulk_accounts "$build/etc/smb.conf" "$count" >&2 || { rm -rf "$build"; die "adding $count bulk accounts failed"; }
    sed -i "s|$build|@DIR@|g; s|interfaces = 127.0.0.1/8|interfaces = @INTERFACE@|" "$build/etc/smb.conf"
    mv -T "$build" "$tb" 2>/dev/null || rm -rf "$build"
  fi
  echo "$tb"
}

provision() {
  [ $# -ge 1 ] && [ $# -le 2 ] || die "usage: provision DIR [ADDRESS]"
  local dir=$1 address=${2:-127.0.0.1}
  [[ $address =~ ^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "ADDRESS must be an IPv4 address, got $address"
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ -z "$(ls -A "$dir")" ] || die "$dir is not empty"
  chmod 700 "$dir"

  # Samba only listens on addresses of a network interface; 127.0.0.2 etc. are not assigned to
  # lo, but "ADDRESS/MASK" makes samba take the address as given ("no network interfaces
  # found" on start, harmless), and Linux answers every 127/8 address on lo.
  local interface=$address
  [[ $address != 127.* ]] || interface="$address/8"
  local bulk=${SAMBA_BULK_ACCOUNTS:-0}
  [[ $bulk =~ ^[0-9]+$ ]] || die "SAMBA_BULK_ACCOUNTS must be a number, got $bulk"
  if [ -n "${SAMBA_TEMPLATE_CACHE:-}" ]; then
    local t
    if [ "$bulk" -gt 0 ]; then
      t=$(bulk_template "$SAMBA_TEMPLATE_CACHE" "$bulk")
    else
      t=$(template "$SAMBA_TEMPLATE_CACHE")
    fi
    cp -a "$t/." "$dir/"
    sed -i "s|@DIR@|$dir|g; s|@INTERFACE@|$interface|g" "$dir/etc/smb.conf"
  else
    mkdir -p "$dir/run"
    new_domain "$dir" "$interface"
    [ "$bulk" -eq 0 ] || add_bulk_accounts "$dir/etc/smb.conf" "$bulk" >&2 || die "adding $bulk bulk accounts failed"
  fi
  make_tls "$dir/tls" "$address"
  (umask 077 && printf '%s' "${SAMBA_SERVICE_PASSWORD:-Svc-Passw0rd-1!}" >"$dir/service.secret")
  (umask 077 && printf '%s' "${SAMBA_ADMIN_PASSWORD:-Adm1n-Passw0rd!}" >"$dir/admin.secret")
  echo "$address" >"$dir/address"
  local conf="$dir/etc/smb.conf" sam="$dir/private/sam.ldb"

  local ldif="$dir/.data.ldif" sid
  (umask 077 && data_ldif >"$ldif")
  sid=$(add_ldif "$conf" "$ldif" 2>>"$dir/provision.log") ||
    { rm -f "$ldif"; tail -n 10 "$dir/provision.log" >&2; die "adding the sample data failed"; }
  rm -f "$ldif"

  # The delegation: inherited by user objects under OU=People (CIIO + the user class as the
  # inherited object type), and read on both OUs (container inherit).
  local people="OU=People,$BASE" sddl
  sddl="(OA;CIIO;CR;$RESET_PASSWORD;$USER_CLASS;$sid)"
  sddl+="(OA;CIIO;WP;$LOCKOUT_TIME;$USER_CLASS;$sid)"
  sddl+="(OA;CIIO;WP;$PWD_LAST_SET;$USER_CLASS;$sid)"
  sddl+="(A;CI;RPLCLORC;;;$sid)"
  samba-tool dsacl set -H "$sam" --objectdn="$people" --sddl="$sddl" >>"$dir/provision.log" 2>&1 ||
    { tail -n 10 "$dir/provision.log" >&2; die "samba-tool dsacl set on $people failed"; }
  samba-tool dsacl set -H "$sam" --objectdn="OU=Groups,$BASE" --sddl="(A;CI;RPLCLORC;;;$sid)" \
    >>"$dir/provision.log" 2>&1 || { tail -n 10 "$dir/provision.log" >&2; die "samba-tool dsacl set on OU=Groups failed"; }
  echo "$dir"
}

start() {
  [ $# -eq 1 ] || die "usage: start DIR"
  local dir=$1
  [ -f "$dir/etc/smb.conf" ] || die "$dir is not provisioned (run provision first)"
  # -i: foreground, messages to stdout; -M single: one process (no forked workers).
  exec samba -i -M single -s "$dir/etc/smb.conf" >>"$dir/samba.log" 2>&1
}

wait_ready() {
  [ $# -ge 1 ] && [ $# -le 2 ] || die "usage: wait DIR [ADDRESS]"
  local dir=$1 address=${2:-}
  [ -n "$address" ] || address=$(cat "$dir/address")
  LDAPTLS_CACERT="$dir/tls/ca.pem" LDAPTLS_REQCERT=demand wait_for_search 30 \
    "ldaps://$address:636" "$SERVICE_DN" "$dir/service.secret" "OU=People,$BASE" \
    "$dir/samba.log" "samba in $dir"
}

run_command "install | provision DIR [ADDRESS] | start DIR | wait DIR [ADDRESS]" "$@"
