#!/usr/bin/env bash
# Measures the agent's footprint against DESIGN.md's targets: time from process start to the
# first result stored by the collector, then RSS and CPU while idle between plan rounds.
# Usage: bench/agent-footprint.sh [IDLE_SECONDS]   (needs: a JDK 25 the launcher can find, curl)
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
idle=${1:-20}
command -v curl >/dev/null || { echo "agent-footprint: needs curl (apt-get install curl)" >&2; exit 1; }
./guestbench agent --version >/dev/null # finds the JDK and builds the jars if needed
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT

./guestbench collector serve --plaintext --bind 127.0.0.1 --grpc-port 0 --http-port 0 \
  --ports-file "$tmp/ports" >"$tmp/collector.log" 2>&1 &
for _ in $(seq 300); do [[ -s $tmp/ports ]] && break; sleep 0.1; done
grpc=$(sed -n 's/^grpc=//p' "$tmp/ports"); http=$(sed -n 's/^http=//p' "$tmp/ports")
cat >"$tmp/agent.yaml" <<YAML
collector: {address: "127.0.0.1:$grpc", plaintext: true}
imds: {enabled: false}
plan: {rounds: 0, interval: 1h, probes: [{probe: cpu.compute, warmup: 0s, iterations: 3}]}
YAML

start=$(date +%s%N)
./guestbench agent run --config "$tmp/agent.yaml" >"$tmp/agent.out" 2>"$tmp/agent.err" &
stored() { curl -s "http://127.0.0.1:$http/metrics" | awk '/^guestbench_collector_results_stored_total/ {print $2}'; }
until [[ "$(stored)" == 1* ]]; do sleep 0.02; done
first_ms=$((($(date +%s%N) - start) / 1000000))
pid=$(pgrep -f "guestbench-agent.jar run --config $tmp/agent.yaml")

sleep 2 # let start-up work settle before the idle window
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks); sleep "$idle"; t1=$(ticks)
hz=$(getconf CLK_TCK)
rss_kib=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
anon_kib=$(awk '/^RssAnon/ {print $2}' "/proc/$pid/status")
file_kib=$(awk '/^RssFile/ {print $2}' "/proc/$pid/status")
cpu_pct=$(awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$idle" 'BEGIN {printf "%.2f", 100 * d / hz / s}')

printf 'first result stored after %d ms (target < 3000)\n' "$first_ms"
printf 'idle RSS %d MiB (target <= 96): anonymous %d MiB, file-backed %d MiB (JDK libraries, jar)\n' \
  $((rss_kib / 1024)) $((anon_kib / 1024)) $((file_kib / 1024))
printf 'idle CPU %s%% of a core over %ss (target < 1)\n' "$cpu_pct" "$idle"
