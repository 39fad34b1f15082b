# shellcheck shell=bash
# Pieces the throw-away directory scripts (slapd.sh, samba.sh) share. Sourced, never run.

# Prints "NAME: MESSAGE" (NAME: the script that was run) on stderr and exits 1.
die() { echo "$(basename "$0"): $*" >&2; exit 1; }

# apt-get install PACKAGES quietly, refreshing the package lists first only when that fails.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq "$@" >/dev/null 2>&1; then
    apt-get update -qq
    apt-get install -y -qq "$@" >/dev/null
  fi
}

# make_certificates FOLDER CA_NAME SERVER_NAME SUBJECT_ALT_NAMES: a fresh P-256 CA (ca.pem,
# ca.key) and a server certificate it signs (server.pem, server.key) for SUBJECT_ALT_NAMES
# (e.g. "IP:127.0.0.1,DNS:localhost"), valid ten years. The keys are readable by the owner only
# (samba refuses a key file anyone else may read); the certificates are public.
make_certificates() {
  local tls=$1 ca_name=$2 server_name=$3 alt_names=$4
  mkdir -p "$tls"
  (
    cd "$tls"
    umask 077
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
      -subj "/CN=$ca_name" -keyout ca.key -out ca.pem \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
      2>/dev/null
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
      -subj "/CN=$server_name" -keyout server.key -out server.csr 2>/dev/null
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
      "extendedKeyUsage=serverAuth" "subjectAltName=$alt_names" >server.ext
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile server.ext -out server.pem 2>/dev/null
    rm -f server.csr server.ext ca.srl
    chmod 600 server.key ca.key
    chmod 644 ca.pem server.pem
  )
}

# wait_for_search SECONDS URL BIND_DN SECRET_FILE BASE LOG WHAT: polls every 0.1 s until a
# simple bind as BIND_DN (password in SECRET_FILE) can read BASE at URL; after SECONDS, shows
# the last lines of LOG and dies naming WHAT. LDAPTLS_* variables set by the caller apply.
wait_for_search() {
  local seconds=$1 url=$2 bind_dn=$3 secret=$4 base=$5 log=$6 what=$7 _
  for _ in $(seq 1 $((seconds * 10))); do
    if ldapsearch -x -H "$url" -D "$bind_dn" -y "$secret" -b "$base" -s base \
      -o nettimeout=1 dn >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.1
  done
  tail -n 20 "$log" >&2 2>/dev/null || true
  die "$what did not answer on $url within $seconds s"
}

# run_command USAGE ARGS...: runs the command ARGS names (install, provision, start or wait,
# each a function of the sourcing script, wait as wait_ready) with the rest of ARGS; dies
# with "usage: SCRIPT USAGE" on anything else.
run_command() {
  local usage=$1
  shift
  case "${1:-}" in
    install) install ;;
    provision) shift; provision "$@" ;;
    start) shift; start "$@" ;;
    wait) shift; wait_ready "$@" ;;
    *) die "usage: $0 $usage" ;;
  esac
}
