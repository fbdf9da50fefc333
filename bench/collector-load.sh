#!/usr/bin/env bash
# Collector ingest load (DESIGN.md: >= 500k samples/s from 1,000 agent streams on 2 cores, p99 ack
# < 100 ms, heap bounded). Starts the real collector (launcher, production JVM flags from
# deploy/jvm/collector.options) with a config that raises the per-stream rate limit, then runs the
# load generator (e2e/src/test/java/io/guestbench/e2e/load, compiled here with javac against the
# agent jar, which carries gRPC, Netty, protobuf and HdrHistogram) on the same machine.
# Usage: bench/collector-load.sh [--agents 1000] [--seconds 60] [--warmup 15] [--batch 50]
#          [--window 4] [--rate RESULTS_PER_S] [--event-loops 2] [--jfr FILE.jfr]
#          [--journal-pending-bytes SIZE] [--histogram-digits 3] [--timeline FILE] [--ramp S]
#          [--fixed-heap SIZE]
#   --rate 0 (default): closed loop, each stream keeps --window batches in flight.
#   --rate N: open loop, N results/s offered in total, latency from each batch's intended time.
#     The cold start (both JVMs compiling) leaves batches behind their intended times; give the
#     open loop --warmup 30 to 60 to measure the steady state rather than that backlog draining.
#   --ramp S (open loop only, at most --warmup): the offered rate rises linearly from zero over the
#     warm-up's first S seconds. A cold collector compiles for about 20 s and, offered the full rate
#     at once, builds a backlog that can take minutes to work off; the ramp measures the steady
#     state, a --timeline without it shows the cold start.
#   --fixed-heap SIZE (for example 3g): start the collector with a heap of SIZE, all of it touched
#     at start (-XX:+AlwaysPreTouch), through JAVA_TOOL_OPTIONS, as the README's dedicated-host
#     setting does. Where a first touch of memory is slow, the default heap's growth under load
#     stalls the collector; this moves that cost to the start.
#   --jfr FILE: record the collector with JDK Flight Recorder (profile=default) into FILE.
#   --journal-pending-bytes SIZE: the collector's journal.max_pending_bytes (for example 8MiB; the
#     collector's default, 64MiB, when not given). Small enough, the journal refuses batches with
#     retryable journal_busy Nacks; the generator's agents then reconnect and resend, as agents do.
#   --timeline FILE: one line per second into FILE from the start of the warm-up (UTC time, acked
#     results, batches sent, ack p50/p99/max, collector CPU, its kernel part, its minor page faults,
#     the journal's group commits, ms in write + fsync and MiB pending, the MiB of direct memory
#     the gRPC server's buffer pool holds, and the ms their filtered scrape took), to see when a
#     tail happens and whether first touches of memory, growing buffers or a slow disk came with it.
#   --histogram-digits N: re-record the generator's histograms at N (1-3) significant digits; a
#     what-if, since the agent sends 3 (the default).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
args=() jfr="" pending="" heap=""
while (($#)); do
  case $1 in
    --jfr) jfr=$(readlink -f "$2"); shift 2 ;;
    --fixed-heap)
      [[ $# -ge 2 && $2 =~ ^[1-9][0-9]*[mMgG]$ ]] ||
        { echo "collector-load: $1 needs a size such as 3g or 2048m" >&2; exit 2; }
      heap=$2; shift 2 ;;
    --timeline)
      [[ $# -ge 2 ]] || { echo "collector-load: $1 needs a value" >&2; exit 2; }
      args+=("$1" "$(readlink -f "$2")"); shift 2 ;;
    --journal-pending-bytes)
      [[ $# -ge 2 ]] || { echo "collector-load: $1 needs a value" >&2; exit 2; }
      pending=$2; shift 2 ;;
    --agents | --seconds | --warmup | --ramp | --batch | --window | --rate | --event-loops | --histogram-digits)
      [[ $# -ge 2 ]] || { echo "collector-load: $1 needs a value" >&2; exit 2; }
      args+=("$1" "$2"); shift 2 ;;
    *) echo "collector-load: unknown argument $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
./guestbench agent --version >/dev/null # finds the JDK and builds the jars if needed
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"' EXIT

# The limits this run uses, stated in full. The per-stream token bucket is raised from its
# defaults (2000/s, burst 10000) so that it does not cap a closed-loop stream; the series budgets
# are the defaults (the generator's label values are bounded: about 40 series per agent).
cat >"$tmp/collector.yaml" <<YAML
server: {bind: 127.0.0.1, plaintext: true}
limits:
  max_message_bytes: 4MiB
  max_results_per_batch: 1000
  agent_results_per_second: 1000000
  agent_results_burst: 1000000
  agent_series: 5000
  series: 200000
YAML
if [[ -n $pending ]]; then
  printf 'journal:\n  max_pending_bytes: %s\n' "$pending" >>"$tmp/collector.yaml"
fi
echo "collector config ($tmp/collector.yaml):"; sed 's/^/  /' "$tmp/collector.yaml"

tool_options=()
[[ -z $heap ]] || tool_options+=("-Xms$heap" "-Xmx$heap" -XX:+AlwaysPreTouch)
[[ -z $jfr ]] || tool_options+=("-XX:StartFlightRecording=filename=$jfr,settings=profile")
JAVA_TOOL_OPTIONS=${tool_options[*]} \
  ./guestbench collector serve --config "$tmp/collector.yaml" --grpc-port 0 --http-port 0 \
  --ports-file "$tmp/ports" --journal-dir "$tmp/journal" >"$tmp/collector.log" 2>&1 &
collector=$!
for _ in $(seq 300); do [[ -s $tmp/ports ]] && break; sleep 0.1; done
[[ -s $tmp/ports ]] || { echo "collector-load: the collector did not start:" >&2; cat "$tmp/collector.log" >&2; exit 1; }
grpc=$(sed -n 's/^grpc=//p' "$tmp/ports"); http=$(sed -n 's/^http=//p' "$tmp/ports")
# The JDK the launcher chose for the collector compiles and runs the generator too.
java_home=$(dirname "$(dirname "$(readlink -f "/proc/$collector/exe")")")
"$java_home/bin/javac" -nowarn -d "$tmp/classes" -cp agent/target/guestbench-agent.jar \
  $(find e2e/src/test/java/io/guestbench/e2e/load -name '*.java' ! -name '*Test.java')
printf 'machine: %s vCPU %s, %s GiB, kernel %s, %s; load average before: %s\n' "$(nproc)" \
  "$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)" \
  "$(awk '/MemTotal/ {printf "%d", $2 / 1048576}' /proc/meminfo)" "$(uname -r)" \
  "$("$java_home/bin/java" -version 2>&1 | head -1)" "$(cut -d' ' -f1-3 /proc/loadavg)"
echo "collector JVM flags: deploy/jvm/collector.options${tool_options[*]:+, plus ${tool_options[*]}}"

"$java_home/bin/java" --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow \
  -XX:+UseCompactObjectHeaders -cp "$tmp/classes:agent/target/guestbench-agent.jar" \
  io.guestbench.e2e.load.LoadMain --grpc-port "$grpc" --http-port "$http" --pid "$collector" \
  --clock-ticks "$(getconf CLK_TCK)" "${args[@]}"
printf 'load average after: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"

# /metrics once the load has stopped (every agent's series still exposed): each format Prometheus
# can negotiate, plain and gzip (Prometheus always asks for gzip), the best of three scrapes.
text='text/plain;version=0.0.4'
openmetrics='application/openmetrics-text;version=1.0.0'
proto='application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited'
lines=$(curl -s -H "Accept: $text" "http://127.0.0.1:$http/metrics" | grep -vc '^#')
echo "/metrics after the load: $lines samples (lines) in the text format; best of 3 scrapes each:"
for format in text openmetrics proto; do
  for encoding in identity gzip; do
    best=$(for _ in 1 2 3; do
      curl -s -o /dev/null -H "Accept: ${!format}" -H "Accept-Encoding: $encoding" \
        -w '%{time_total} %{size_download}\n' "http://127.0.0.1:$http/metrics"
    done | sort -n | head -1)
    printf '  %-11s %-8s %6.0f ms %8.2f MiB\n' "$format" "$encoding" \
      "$(echo "${best% *} * 1000" | bc -l)" "$(echo "${best#* } / 1048576" | bc -l)"
  done
done
kill "$collector"; wait "$collector" || true
if grep -qE 'ERROR|Exception' "$tmp/collector.log"; then
  echo "collector log had errors (first 30 lines of them):"
  grep -E -A6 'ERROR|Exception' "$tmp/collector.log" | head -30
fi
