#!/usr/bin/env bash
# Network probe vs iperf3 (TCP throughput) and sockperf (ping-pong latency): the same test, the
# agent and the reference tool alternately, several rounds, on loopback and on a veth link between
# two network namespaces shaped with tbf. Prints each pair's medians and the agent/reference ratios
# (median over rounds) against DESIGN.md's targets: TCP throughput >= 0.9x iperf3 on loopback and
# within 5% of what the shaped link carries; request/response p50 within 15% of sockperf.
#
# usage: bench/net-vs-iperf3.sh [--rounds N] [--seconds S] [--warmup S] [--rate RATE] [--links L]
#   --rounds   pairs per case (default 3)
#   --seconds  measured seconds per run (default 8); --warmup unmeasured seconds first (default 2)
#   --rate     the veth link's tbf rate (default 100mbit)
#   --links    lo, veth or lo,veth (default): which links to measure
#
# Installs nothing: it checks for iperf3, sockperf, jq, ip, tc, taskset and a built agent, and says
# how to get what is missing. Needs root (namespaces, tc). Every server runs inside network
# namespaces made here (loopback too, so no port can collide with anything else on the machine);
# they are removed on exit. Latency clients are pinned to CPU 0 and their servers to CPU 0 ("same
# CPU") or CPU 1 ("across CPUs"), identically for both tools; throughput runs are not pinned.
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
readonly ROOT
ROUNDS=3 SECS=8 WARM=2 RATE=100mbit LINKS=lo,veth
# 64 bytes on the wire for both tools: sockperf's message is all of it; ours is an 8-byte frame
# header and 56 bytes (for UDP the 56 include the test id and sequence number).
readonly MESSAGE=64 PAYLOAD=56

die() { echo "net-vs-iperf3: $1" >&2; exit 1; }

parse_args() {
  while (($#)); do
    case $1 in
      --rounds) ROUNDS=${2:?--rounds needs N}; shift 2 ;;
      --seconds) SECS=${2:?--seconds needs seconds}; shift 2 ;;
      --warmup) WARM=${2:?--warmup needs seconds}; shift 2 ;;
      --rate) RATE=${2:?--rate needs a rate such as 100mbit}; shift 2 ;;
      --links) LINKS=${2:?--links needs lo, veth or lo,veth}; shift 2 ;;
      -h | --help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown argument '$1' (see --help)" ;;
    esac
  done
  [[ $ROUNDS =~ ^[1-9][0-9]?$ ]] || die "--rounds: '$ROUNDS' (expected 1..99)"
  [[ $SECS =~ ^[1-9][0-9]{0,2}$ ]] || die "--seconds: '$SECS' (expected whole seconds)"
  [[ $WARM =~ ^[1-9][0-9]?$ ]] || die "--warmup: '$WARM' (expected 1..99 seconds)"
  [[ $RATE =~ ^[1-9][0-9]*[kmg]bit$ ]] || die "--rate: '$RATE' (expected e.g. 100mbit or 1gbit)"
  [[ $LINKS =~ ^(lo|veth|lo,veth|veth,lo)$ ]] || die "--links: '$LINKS' (expected lo, veth or lo,veth)"
}

check_tools() { # every problem at once, each with how to fix it
  local problems=() jar=$ROOT/agent/target/guestbench-agent.jar
  local collector=$ROOT/collector/target/guestbench-collector.jar
  local build="run './guestbench agent --version' once, or ./mvnw -q -B -DskipTests package -pl agent,collector -am"
  command -v iperf3 >/dev/null || problems+=("iperf3 is missing (Debian/Ubuntu: apt-get install iperf3)")
  command -v sockperf >/dev/null || problems+=("sockperf is missing (Debian/Ubuntu: apt-get install sockperf)")
  command -v jq >/dev/null || problems+=("jq is missing; it reads the JSON (apt-get install jq)")
  command -v ip >/dev/null && command -v tc >/dev/null ||
    problems+=("ip or tc is missing (apt-get install iproute2)")
  command -v taskset >/dev/null || problems+=("taskset is missing (apt-get install util-linux)")
  ((EUID == 0)) || problems+=("needs root, for network namespaces and tc")
  (($(nproc) >= 2)) || problems+=("needs 2 CPUs or more, for the same-CPU and across-CPU placements")
  if [[ ! -f $jar || ! -f $collector ]]; then
    problems+=("no built agent ($jar); to build it, $build")
  else
    [[ $collector -ot $jar ]] && jar=$collector # the older of the two, as the launcher compares
    # ./guestbench rebuilds a stale jar on the spot; a build must not run between measurements.
    [[ -z $(find "$ROOT"/pom.xml "$ROOT"/{proto,common,agent,collector}/{pom.xml,src} -type f \
      -newer "$jar" -print -quit 2>/dev/null) ]] ||
      problems+=("the agent jar is older than its sources; to rebuild it, $build")
  fi
  ((${#problems[@]} == 0)) || die "$(printf '%s; ' "${problems[@]}" | sed 's/; $//')"
}

# --- namespaces and servers ----------------------------------------------------------------------

NS_LO=gbnet$$l NS_A=gbnet$$a NS_B=gbnet$$b
readonly ADDR_A=10.254.0.1 ADDR_B=10.254.0.2
PIDS=()

make_namespaces() {
  ip netns add "$NS_LO" && ip -n "$NS_LO" link set lo up
  ip netns add "$NS_A" && ip netns add "$NS_B"
  ip link add gbva netns "$NS_A" type veth peer name gbvb netns "$NS_B"
  ip -n "$NS_A" addr add "$ADDR_A/30" dev gbva && ip -n "$NS_B" addr add "$ADDR_B/30" dev gbvb
  local ns dev
  for ns in "$NS_A" "$NS_B"; do ip -n "$ns" link set lo up; done
  ip -n "$NS_A" link set gbva up && ip -n "$NS_B" link set gbvb up
  # Both directions shaped; tbf splits GSO packets larger than its burst into segments.
  for dev in "$NS_A gbva" "$NS_B gbvb"; do
    read -r ns dev <<<"$dev"
    ip netns exec "$ns" tc qdisc add dev "$dev" root tbf rate "$RATE" burst 32kbit latency 50ms
  done
}

stop_servers() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

cleanup() {
  stop_servers
  local ns
  for ns in "$NS_LO" "$NS_A" "$NS_B"; do ip netns del "$ns" 2>/dev/null || true; done
  rm -rf -- "${OUT:-/nonexistent}"
}

# spawn NS CMD...: CMD in the background inside NS; ip netns exec, taskset and the launcher all
# exec, so $! is the server's own pid, which stop_servers ends.
spawn() { ip netns exec "$1" "${@:2}" & PIDS+=($!); }

serve() { # NS ADDR: an unpinned agent peer and iperf3; per CPU a pinned agent peer and sockperf
  local ns=$1 addr=$2 cpu log
  spawn "$ns" "$ROOT/guestbench" agent net serve --bind "$addr" --port 7071 2>"$OUT/peer.err"
  spawn "$ns" iperf3 -s -B "$addr" -p 5201 >/dev/null 2>&1
  for cpu in 0 1; do
    spawn "$ns" taskset -c "$cpu" "$ROOT/guestbench" agent net serve --bind "$addr" \
      --port $((7080 + cpu)) 2>"$OUT/peer-$cpu.err"
    spawn "$ns" taskset -c "$cpu" sockperf server --tcp -i "$addr" -p $((11110 + cpu)) >/dev/null 2>&1
    spawn "$ns" taskset -c "$cpu" sockperf server -i "$addr" -p $((11120 + cpu)) >/dev/null 2>&1
  done
  for log in "$OUT/peer.err" "$OUT/peer-0.err" "$OUT/peer-1.err"; do
    for _ in $(seq 300); do grep -q listening "$log" 2>/dev/null && break; sleep 0.1; done
    grep -q listening "$log" || die "the agent peer did not start: $(cat "$log")"
  done
  sleep 1 # iperf3 and sockperf say nothing when they are ready
}

# --- one run each: raw output to a file, one number (bits/s, or RTT p50 in ns) on stdout ---------

LIMIT=0 # set in main: every client run is bounded

ours_stream() { # NS ADDR STREAMS FILE
  ip netns exec "$1" timeout "$LIMIT" "$ROOT/guestbench" agent net stream --peer "$2:7071" \
    --streams "$3" --duration "${SECS}s" --warmup "${WARM}s" --json >"$4" 2>"$4.err"
  jq '.scalars.bytes_sent_per_second * 8' "$4"
}

iperf3_stream() { # NS ADDR STREAMS FILE: received at the server, the first WARM seconds omitted
  ip netns exec "$1" timeout "$LIMIT" iperf3 -c "$2" -p 5201 -P "$3" -t "$SECS" -O "$WARM" -J >"$4"
  jq '.end.sum_received.bits_per_second' "$4"
}

ours_rr() { # NS ADDR tcp|udp SERVER-CPU FILE
  ip netns exec "$1" taskset -c 0 timeout "$LIMIT" "$ROOT/guestbench" agent net rr \
    --mode "$3_rr" --peer "$2:$((7080 + $4))" --request-bytes $PAYLOAD --response-bytes $PAYLOAD \
    --duration "${SECS}s" --warmup "${WARM}s" --json >"$5" 2>"$5.err"
  jq '.distributions.rtt_nanos.p50' "$5"
}

sockperf_rr() { # NS ADDR tcp|udp SERVER-CPU FILE: sockperf leaves out its own first and last moments
  local port=$((11120 + $4)) tcp=()
  [[ $3 == tcp ]] && port=$((11110 + $4)) tcp=(--tcp)
  ip netns exec "$1" taskset -c 0 timeout "$LIMIT" sockperf ping-pong "${tcp[@]}" -i "$2" \
    -p "$port" -m $MESSAGE -t $((SECS + WARM)) --full-rtt >"$5" 2>&1
  awk '/percentile 50.000 =/ {printf "%.0f\n", $NF * 1000}' "$5"
}

# --- rounds --------------------------------------------------------------------------------------

# Every case: key|link|what|reference tool|unit|low|high|agent command|reference command. The
# commands get NS and ADDR in front and the output file behind.
cases_for() { # LINK
  local l=$1
  echo "$l-tcp1|$l|TCP stream, 1 connection|iperf3|bits|0.9|inf|ours_stream 1|iperf3_stream 1"
  echo "$l-tcp4|$l|TCP stream, 4 connections|iperf3|bits|0.9|inf|ours_stream 4|iperf3_stream 4"
  local proto cpu where=("same CPU" "across CPUs")
  for proto in tcp udp; do
    for cpu in 0 1; do
      echo "$l-${proto}rr$cpu|$l|${proto^^} RR p50, $MESSAGE B, ${where[cpu]}|sockperf|ns|0.85|1.15|ours_rr $proto $cpu|sockperf_rr $proto $cpu"
    done
  done
}

valid_number() { [[ $1 =~ ^[0-9]+(\.[0-9]+)?(e\+?[0-9]+)?$ ]]; }

run_link() { # LINK: every case of the link, ROUNDS times, the tools alternating who goes first
  local link=$1 ns addr client
  if [[ $link == lo ]]; then ns=$NS_LO addr=127.0.0.1 client=$NS_LO; else
    ns=$NS_B addr=$ADDR_B client=$NS_A; fi
  serve "$ns" "$addr"
  local round c key what ref ours theirs first a b line
  for ((round = 1; round <= ROUNDS; round++)); do
    c=0
    while IFS='|' read -r key _ what ref _ _ _ ours theirs; do
      c=$((c + 1))
      for first in $(((round + c) % 2)) $(((round + c + 1) % 2)); do
        # shellcheck disable=SC2086 # the commands are word lists on purpose
        if ((first == 0)); then
          a=$(${ours%% *} "$client" "$addr" ${ours#* } "$OUT/$key.$round.ours" </dev/null) || a=failed
        else
          b=$(${theirs%% *} "$client" "$addr" ${theirs#* } "$OUT/$key.$round.ref" </dev/null) || b=failed
        fi
      done
      valid_number "$a" || die "$key round $round: the agent gave '$a' ($(tail -c 300 "$OUT/$key.$round.ours.err"))"
      valid_number "$b" || die "$key round $round: $ref gave '$b' (output: $(tail -c 300 "$OUT/$key.$round.ref"))"
      echo "$a" >"$OUT/$key.$round.ours.value" && echo "$b" >"$OUT/$key.$round.ref.value"
      line="round $round $link $what: agent $(human "$a" "$key") $ref $(human "$b" "$key")"
      echo "$line ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.3f", a / b}')" \
        "load $(cut -d' ' -f1 /proc/loadavg) agent's steal $(jq -r 'if .steal_ratio == null then "n/a" else "\(.steal_ratio * 10000 | round / 100)%" end' "$OUT/$key.$round.ours")"
    done < <(cases_for "$link")
  done
  stop_servers
}

human() { # VALUE KEY: bits/s as Mbit/s or Gbit/s, nanoseconds as microseconds
  case $2 in
    *-tcp[14]) awk -v v="$1" 'BEGIN {printf (v >= 1e9) ? "%.2f Gbit/s" : "%.1f Mbit/s", (v >= 1e9) ? v / 1e9 : v / 1e6}' ;;
    *) awk -v v="$1" 'BEGIN {printf "%.1f us", v / 1e3}' ;;
  esac
}

# --- summary -------------------------------------------------------------------------------------

median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
values() { local r; for ((r = 1; r <= ROUNDS; r++)); do cat "$OUT/$1.$r.$2.value"; done; }
# Each round runs a pair back to back, so its ratio compares like with like even when the
# machine's latency shifts between rounds; the table gives the median of the rounds' ratios.
ratios() { paste <(values "$1" ours) <(values "$1" ref) | awk '{printf "%.3f\n", $1 / $2}'; }
verdict() { awk -v r="$1" -v lo="$2" -v hi="$3" 'BEGIN {print (r >= lo && (hi == "inf" || r <= hi)) ? "met" : "missed"}'; }

summary() {
  local link key what ref lo hi r target name
  echo "| link | case | agent | reference | ratio (median) | ratio each round | target | |"
  echo "|---|---|---:|---:|---:|---|---|---|"
  for link in lo veth; do
    [[ ,$LINKS, == *,$link,* ]] || continue
    name=loopback
    [[ $link == veth ]] && name="veth, tbf $RATE"
    while IFS='|' read -r key _ what ref _ lo hi _; do
      r=$(ratios "$key" | median | awk '{printf "%.3f", $1}')
      target="≥ $lo× $ref" && [[ $hi != inf ]] && target="$lo–$hi× $ref"
      echo "| $name | $what | $(human "$(values "$key" ours | median)" "$key") |" \
        "$ref $(human "$(values "$key" ref | median)" "$key") | $r | $(ratios "$key" | tr '\n' ' ')|" \
        "$target | $(verdict "$r" "$lo" "$hi") |"
    done < <(cases_for "$link")
    [[ $link == veth ]] && capacity_rows
  done
}

capacity_rows() { # the veth streams against the TCP payload the shaped link can carry
  # At MTU 1500 with TCP timestamps, tbf counts 1514 bytes per frame of which 1448 are payload.
  local payload key what ours ref
  payload=$(awk -v r="$RATE" 'BEGIN {n = r + 0; u = substr(r, length(n "") + 1, 1);
    f = (u == "g") ? 1e9 : (u == "m") ? 1e6 : 1e3; print n * f * 1448 / 1514}')
  while IFS='|' read -r key _ what _; do
    [[ $key == veth-tcp[14] ]] || continue
    ours=$(values "$key" ours | median | awk -v p="$payload" '{printf "%.3f", $1 / p}')
    ref=$(values "$key" ref | median | awk -v p="$payload" '{printf "%.3f", $1 / p}')
    echo "| veth, tbf $RATE | $what, vs the link | $(human "$(values "$key" ours | median)" "$key") |" \
      "link: $(human "$payload" "$key") of TCP payload | $ours | (iperf3: $ref) | 0.95–1.05× link |" \
      "$(verdict "$ours" 0.95 1.05) |"
  done < <(cases_for veth)
}

main() {
  parse_args "$@"
  check_tools
  OUT=$(mktemp -d "${TMPDIR:-/tmp}/net-vs-iperf3.XXXXXX")
  trap cleanup EXIT
  trap 'exit 130' INT TERM
  LIMIT=$((SECS + WARM + 30))
  make_namespaces
  echo "# Network probe vs iperf3 / sockperf, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) CPUs, kernel $(uname -r), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "tools: $(iperf3 --version | head -n 1); sockperf $(sockperf --version 2>&1 | grep -o 'version [^ ]*' | head -n 1); agent $("$ROOT/guestbench" agent --version 2>/dev/null | head -n 1)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command: bench/net-vs-iperf3.sh --rounds $ROUNDS --seconds $SECS --warmup $WARM --rate $RATE --links $LINKS"
  echo
  local link
  for link in lo veth; do
    [[ ,$LINKS, == *,$link,* ]] && run_link "$link"
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  summary
}

main "$@"
