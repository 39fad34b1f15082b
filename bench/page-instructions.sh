#!/usr/bin/env bash
# Instructions per page view of a `rekey` binary, counted by callgrind: deterministic enough
# (within about 0.5 %) to compare two builds on a busy machine, where CPU time is not.
#
#   bench/page-instructions.sh <rekey binary> <config.toml> [path]
#
# Starts `<binary> serve --config <config.toml>` under valgrind, sends 50 requests to warm it
# up, then counts user-space instructions while wrk (1 thread, 8 connections, 10 s) asks for
# `path` (default /reset) as first visits, and prints the instructions per request. The config
# may be one the bench wrote (target/bench/*.toml after `./scripts/bench --quick`); its
# directory need not be up for a page view. Needs valgrind and wrk (Debian's packages).
set -euo pipefail
binary=$1
config=$2
path=${3:-/reset}
listen=$(sed -n 's/^listen = "\(.*\)"/\1/p' "$config" | head -1)
out=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$out"' EXIT
valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out/cg.%p" \
  "$binary" serve --config "$config" >"$out/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "http://$listen$path" && break
  sleep 0.5
done
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://$listen$path"; done
callgrind_control -i on "$pid" >/dev/null 2>&1
callgrind_control -z "$pid" >/dev/null 2>&1
wrk -t1 -c8 -d10s "http://$listen$path" >"$out/wrk.txt"
callgrind_control -i off "$pid" >/dev/null 2>&1
callgrind_control -d "$pid" >/dev/null 2>&1
sleep 1
requests=$(awk '/requests in/ {print $1}' "$out/wrk.txt")
dump=$(ls -S "$out"/cg.* | head -1)
# The per-function counts, summed (callgrind's own total is not reliable after a reset).
total=$(callgrind_annotate --threshold=100 "$dump" 2>/dev/null |
  awk '/file:function/ {on = 1; next} on && /^ *[0-9,]+ / {gsub(",", "", $1); s += $1} END {print s}')
echo "$binary: $requests requests, $((total / requests)) instructions per request"
