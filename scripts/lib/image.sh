#!/usr/bin/env bash
# rekey's OCI image, made here without a registry or a base image.
#
#   scripts/lib/image.sh build BINARY OUT        OUT/rekey-oci.tar (an OCI image layout, tag
#                                                latest and the version), OUT/size (its blobs,
#                                                compressed, in bytes: what a registry stores and
#                                                a pull moves), OUT/rootfs-size (unpacked bytes)
#   scripts/lib/image.sh test OUT SLAPD_DIR LDAP_PORT
#                                                unpacks OUT's image afresh and runs it as a
#                                                container: `rekey --version`, then `rekey
#                                                serve` against the throw-away slapd in
#                                                SLAPD_DIR until /readyz answers 200
#
# The root file system is the stripped binary at /usr/bin/rekey, exactly the shared libraries
# `ldd` lists for it (rekey uses rustls, so libc, libm and libgcc_s and the loader), Debian's CA
# bundle, /etc/passwd and /etc/group with the user nonroot (65532, as distroless has it),
# /data (the volume: database, config, master key) and an empty /tmp. umoci (Debian's) writes
# the layout. Load it with `docker load` (Docker 25 or later) or `podman load`, or push it with
# `skopeo copy oci-archive:rekey-oci.tar docker://…`.
#
# `test` runs the image as a container with runc (Debian's) from the runtime bundle umoci
# unpacks, on the host's network with /data bind-mounted and a read-only root; where no
# container can start (no namespaces), it falls back to chroot with /proc mounted: the same
# files, user and environment.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "$0")/common.sh"

UID_GID=65532:65532

build() {
  local binary=$1 out=$2 version commit rootfs lib
  command -v umoci >/dev/null || apt_install umoci
  command -v jq >/dev/null || apt_install jq
  [ -x "$binary" ] || die "no binary at $binary"
  version=$("$binary" --version | sed -n 's/^rekey \([^ ]*\) .*/\1/p')
  commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
  rm -rf "$out"
  rootfs="$out/rootfs"
  mkdir -p "$rootfs"/{usr/bin,etc/ssl/certs,tmp,data,proc,dev,sys}
  strip -o "$rootfs/usr/bin/rekey" "$binary"
  # The libraries the binary links, and the loader, at the paths it asks for.
  for lib in $(ldd "$binary" | grep -oE '/[^ ]+'); do
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
  cp /etc/ssl/certs/ca-certificates.crt "$rootfs/etc/ssl/certs/"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/data:/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnonroot:x:65532:\n' >"$rootfs/etc/group"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  printf '127.0.0.1 localhost\n::1 localhost\n' >"$rootfs/etc/hosts"
  chmod 1777 "$rootfs/tmp"
  chown "$UID_GID" "$rootfs/data"
  chmod 0750 "$rootfs/data"

  local layout="$out/oci" bundle="$out/bundle"
  umoci init --layout "$layout"
  umoci new --image "$layout:latest"
  umoci unpack --image "$layout:latest" "$bundle" >/dev/null
  cp -a "$rootfs/." "$bundle/rootfs/"
  umoci repack --image "$layout:latest" "$bundle"
  umoci config --image "$layout:latest" \
    --os linux --architecture amd64 \
    --author "rekey developers" \
    --config.user "$UID_GID" \
    --config.entrypoint /usr/bin/rekey --config.cmd serve \
    --config.env REKEY_SERVER__LISTEN=0.0.0.0:8080 \
    --config.env REKEY_DATABASE__DATA_DIR=/data \
    --config.workingdir /data \
    --config.volume /data \
    --config.exposedports 8080/tcp \
    --config.label "org.opencontainers.image.title=rekey" \
    --config.label "org.opencontainers.image.version=$version" \
    --config.label "org.opencontainers.image.revision=$commit"
  umoci tag --image "$layout:latest" "$version"
  umoci gc --layout "$layout"
  # Docker (25+) and containerd name a loaded image after this annotation: rekey:latest, rekey:<version>.
  jq '.manifests |= map(.annotations["io.containerd.image.name"] = "docker.io/library/rekey:" + .annotations["org.opencontainers.image.ref.name"])' \
    "$layout/index.json" >"$layout/index.json.new"
  mv "$layout/index.json.new" "$layout/index.json"
  rm -rf "$bundle"
  tar -C "$layout" -cf "$out/rekey-oci.tar" .
  du -sb "$layout/blobs" | cut -f1 >"$out/size"
  du -sb "$rootfs" | cut -f1 >"$out/rootfs-size"
}

# Writes the bundle's runtime config for one run: ARGS as the command, the host's network (so
# the test reaches it and it reaches the test's slapd), DATA bind-mounted at /data (the volume),
# EXTRA_ENV added, the root file system read-only (as `docker run --read-only`).
runtime_config() {
  local bundle=$1 data=$2 args_json=$3 env_json=$4
  jq --arg data "$data" --argjson args "$args_json" --argjson env "$env_json" '
    .process.terminal = false
    | .process.args = $args
    | .process.env += $env
    | .root.readonly = true
    | .linux.namespaces |= map(select(.type != "network"))
    | .mounts += [{"destination": "/data", "type": "bind", "source": $data, "options": ["rbind", "rw"]}]
  ' "$bundle/config.json.image" >"$bundle/config.json"
}

test_image() {
  local out slapd=$2 ldap_port=$3 port=${PACKAGE_IMAGE_PORT:-18090}
  local check bundle rootfs data user env=() line pid body="" mode version id
  out=$(realpath "$1")
  check="$out/check"
  command -v umoci >/dev/null || apt_install umoci
  command -v runc >/dev/null || apt_install runc || true
  command -v jq >/dev/null || apt_install jq
  rm -rf "$check"
  mkdir -p "$check/layout"
  # From the archive people would load, not from the files it was made of.
  tar -C "$check/layout" -xf "$out/rekey-oci.tar"
  bundle="$check/bundle"
  umoci unpack --image "$check/layout:latest" "$bundle" >/dev/null
  cp "$bundle/config.json" "$bundle/config.json.image"
  rootfs="$bundle/rootfs"
  user=$(jq -r '"\(.process.user.uid):\(.process.user.gid)"' "$bundle/config.json")
  [ "$user" = "$UID_GID" ] || die "the image runs as $user, not $UID_GID"
  [ "$(jq -r '.process.args | join(" ")' "$bundle/config.json")" = "/usr/bin/rekey serve" ] \
    || die "the image does not run rekey serve"

  # What an administrator mounts at /data: config, master key, directory CA and password.
  data="$check/data"
  mkdir -p "$data"
  install -m 0600 "$slapd/tls/ca.pem" "$data/ca.pem"
  install -m 0600 "$slapd/service.secret" "$data/bind.secret"
  (umask 077 && head -c 32 /dev/urandom | base64 >"$data/master.key")
  cat >"$data/rekey.toml" <<TOML
[server]
public_url = "http://127.0.0.1:$port"
[secrets]
master_key_file = "/data/master.key"
[directory]
url = "ldap://127.0.0.1:$ldap_port"
starttls = true
ca_file = "/data/ca.pem"
bind_dn = "cn=rekey,ou=services,dc=example,dc=test"
bind_password_file = "/data/bind.secret"
base_dn = "ou=people,dc=example,dc=test"
[mail]
transport = "console"
TOML
  chown -R "$user" "$data"
  chmod 0700 "$data"
  local extra
  extra=$(jq -cn --arg listen "127.0.0.1:$port" '["REKEY_CONFIG=/data/rekey.toml", "REKEY_SERVER__LISTEN=\($listen)"]')

  # A container (runc, from the bundle umoci made of the image) where one can start here;
  # otherwise chroot with /proc mounted: the same files, user and environment.
  id="rekey-image-check-$$"
  runtime_config "$bundle" "$data" '["/usr/bin/rekey", "--version"]' '[]'
  if command -v runc >/dev/null && version=$(runc run -b "$bundle" "$id" 2>"$check/runc.log"); then
    mode="a container (runc: namespaces, cgroup, read-only root, /data mounted)"
  else
    echo "image: no container starts here ($(tail -n 1 "$check/runc.log" 2>/dev/null)); using chroot"
    mode="chroot"
    cp -a "$data/." "$rootfs/data/"
    while IFS= read -r line; do env+=("$line"); done < <(jq -r '.process.env[]' "$bundle/config.json.image")
    version=$(env -i "${env[@]}" chroot --userspec="$user" "$rootfs" /usr/bin/rekey --version)
  fi
  echo "image: $version, in $mode"
  [[ "$version" == "rekey "*" (commit "* ]] || die "rekey --version in the image: $version"

  if [ "$mode" = chroot ]; then
    mount -t proc proc "$rootfs/proc"
    (cd "$rootfs/data" && exec env -i "${env[@]}" REKEY_CONFIG=/data/rekey.toml REKEY_SERVER__LISTEN="127.0.0.1:$port" \
      chroot --userspec="$user" "$rootfs" /usr/bin/rekey serve) >"$check/portal.log" 2>&1 &
    pid=$!
    # shellcheck disable=SC2064 # expanded now: these are the function's locals
    trap "kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; umount '$rootfs/proc' 2>/dev/null || true" EXIT
    data="$rootfs/data"
  else
    runtime_config "$bundle" "$data" '["/usr/bin/rekey", "serve"]' "$extra"
    runc run -b "$bundle" "$id" >"$check/portal.log" 2>&1 &
    pid=$!
    # shellcheck disable=SC2064 # expanded now: these are the function's locals
    trap "runc kill $id TERM 2>/dev/null || true; wait $pid 2>/dev/null || true; runc delete -f $id 2>/dev/null || true" EXIT
  fi
  local deadline=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$deadline" ] && kill -0 "$pid" 2>/dev/null; do
    body=$(curl -fsS "http://127.0.0.1:$port/readyz" 2>/dev/null) && break
    body=""
    sleep 0.2
  done
  [ -n "$body" ] || { tail -n 30 "$check/portal.log" >&2; die "the image's rekey serve did not answer /readyz (exited, or not within 60 s)"; }
  echo "image: /readyz answered 200 in $mode as $user: $body"
  [ -e "$data/rekey.db" ] || die "no database in /data"
}

case "${1:-}" in
  build) shift; build "$@" ;;
  test) shift; test_image "$@" ;;
  *) die "usage: $0 build BINARY OUT | test OUT SLAPD_DIR LDAP_PORT" ;;
esac
