#!/usr/bin/env bash
# The agent's OS and memory probes beside the same operations as plain C loops (bench/c/os_ref.c),
# in alternating rounds, with the agent/C ratio of the medians. DESIGN.md's target: syscall and
# clock-read cost within 20% of C. sysbench cpu and memory run afterwards as context if installed.
# Usage: bench/os-vs-c.sh [ROUNDS]   (needs: gcc, jq, a JDK 25 the launcher can find; sysbench
# optional). Installs nothing: it says what is missing and how to get it.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
rounds=${1:-3}

missing=()
command -v gcc >/dev/null || missing+=("gcc (Debian/Ubuntu: apt-get install gcc)")
command -v jq >/dev/null || missing+=("jq (Debian/Ubuntu: apt-get install jq)")
if ((${#missing[@]})); then
  printf 'os-vs-c: missing %s\n' "${missing[@]}" >&2
  exit 1
fi
./guestbench agent --version >/dev/null # finds the JDK and builds the jars if needed
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gcc -O2 -Wall -pthread -o "$tmp/os_ref" bench/c/os_ref.c

# The same working sets on both sides, sized as the agent sizes them: 4x the last-level cache.
llc=0
for d in /sys/devices/system/cpu/cpu0/cache/index*; do
  case "$(cat "$d/type")" in Data | Unified) ;; *) continue ;; esac
  size=$(<"$d/size")
  case $size in
    *K) size=$((${size%K} << 10)) ;;
    *M) size=$((${size%M} << 20)) ;;
  esac
  ((size > llc)) && llc=$size
done
((llc > 0)) || llc=$((32 << 20))
clamp() { local v=$1; ((v < $2)) && v=$2; ((v > $3)) && v=$3; echo $((v / 64 * 64)); }
mem=$(($(awk '/^MemTotal/ {print $2}' /proc/meminfo) * 1024))
arrays=$(clamp $((4 * llc)) $((32 << 20)) $((mem / 12 < 1 << 30 ? mem / 12 : 1 << 30)))
buffer=$(clamp $((4 * llc)) $((64 << 20)) $((mem / 4 < 1 << 30 ? mem / 4 : 1 << 30)))

echo "# os-vs-c: $(date -u +%FT%TZ), $rounds alternating rounds"
echo "machine: $(nproc) CPU $(lscpu | sed -n 's/^Model name: *//p'), $((mem >> 30)) GiB," \
  "kernel $(uname -r), clocksource $(cat /sys/devices/system/clocksource/clocksource0/current_clocksource)," \
  "THP $(sed 's/.*\[\(.*\)\].*/\1/' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo n/a)"
echo "java: $(./guestbench agent --version), gcc $(gcc -dumpfullversion)"
echo "working sets: LLC $((llc >> 20)) MiB, arrays $((arrays >> 20)) MiB each, chase $((buffer >> 20)) MiB"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

agent() {
  ./guestbench agent os --json >"$tmp/os-$1.json"
  ./guestbench agent cpu mem_bandwidth mem_latency --json \
    -p "mem_bandwidth.array_bytes=$arrays" -p "mem_latency.buffer_bytes=$buffer" >"$tmp/cpu-$1.json"
}
for r in $(seq "$rounds"); do
  if ((r % 2)); then agent "$r"; "$tmp/os_ref" "$arrays" "$buffer" >"$tmp/c-$r.txt"; else
    "$tmp/os_ref" "$arrays" "$buffer" >"$tmp/c-$r.txt"; agent "$r"; fi
  echo "round $r done, load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# One agent figure of one round (a jq filter over the os or cpu JSON); one C figure of one round.
# Each row shows the medians over the rounds, their ratio, and the range of the rounds' ratios.
a() { jq -r "$2" "$tmp/$1-$3.json"; }
c() { awk -v k="$1" '$1 == k {print $2}' "$tmp/c-$2.txt"; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
clock() { echo ".results[] | select(.probe == \"os.clock_read\" and .params.clock == \"$1\") | .scalars.read_seconds * 1e9"; }
probe() { echo ".results[] | select(.probe == \"$1\") | .scalars.$2 * $3"; }
kernel() { echo ".results[] | select(.params.kernel == \"$1\") | .scalars.bytes_per_second / 1e9"; }

printf '\n| operation | agent | C | agent/C | rounds | target |\n|---|---:|---:|---:|---|---|\n'
row() { # label, json (os|cpu), jq filter, C key, C scale, unit, target (1 = within 20%)
  local ag cc ratio verdict spread
  for r in $(seq "$rounds"); do
    echo "$(a "$2" "$3" "$r") $(c "$4" "$r") $5" | awk '{print $1, $2 * $3}'
  done >"$tmp/pairs"
  ag=$(cut -d' ' -f1 "$tmp/pairs" | median)
  cc=$(cut -d' ' -f2 "$tmp/pairs" | median)
  ratio=$(awk -v x="$ag" -v y="$cc" 'BEGIN {printf "%.2f", x / y}')
  spread=$(awk '{q = $1 / $2} NR == 1 || q < lo {lo = q} NR == 1 || q > hi {hi = q} END {printf "%.2f–%.2f", lo, hi}' "$tmp/pairs")
  verdict="context"
  if [[ $7 == 1 ]]; then
    verdict=$(awk -v q="$ratio" 'BEGIN {print (q >= 0.8 && q <= 1.2) ? "within 20% ✓" : "MISS ✗"}')
  fi
  printf '| %s | %.1f %s | %.1f %s | %s | %s | %s |\n' "$1" "$ag" "$6" "$cc" "$6" "$ratio" "$spread" "$verdict"
}
row "null syscall: getppid, net of the baseline call" os "$(probe os.syscall syscall_seconds 1e9)" syscall_net 1 ns 1
row "System.nanoTime() vs clock_gettime(MONOTONIC)" os "$(clock nanotime)" clock_monotonic_call 1 ns 1
row "currentTimeMillis() vs clock_gettime(REALTIME)" os "$(clock currenttimemillis)" clock_realtime_call 1 ns 1
for id in monotonic realtime monotonic_raw monotonic_coarse; do
  row "clock_gettime ${id^^}, net of the baseline call" os "$(clock $id)" "clock_${id}_net" 1 ns 1
done
row "FFM baseline call, getpagesize()" os "$(probe os.syscall ffm_call_seconds 1e9)" getpagesize_call 1 ns 0
row "FFM baseline call, sigismember(set, sig)" os ".results[] | select(.probe == \"os.clock_read\" and .params.clock == \"monotonic\") | .scalars.ffm_call_seconds * 1e9" sigismember_call 1 ns 0
row "page fault, per 4 KiB page" os "$(probe os.page_fault fault_seconds 1e9)" page_fault 1 ns 0
row "spawn /bin/true vs posix_spawn" os "$(probe os.spawn spawn_seconds 1e6)" spawn_posix 1e-3 us 0
row "spawn /bin/true vs fork+exec" os "$(probe os.spawn spawn_seconds 1e6)" spawn_fork 1e-3 us 0
row "context switch, one CPU (park/unpark vs futex)" os "$(probe os.context_switch switch_seconds 1e9)" context_switch 1 ns 0
row "STREAM copy bandwidth" cpu "$(kernel copy)" copy_bytes_per_second 1e-9 GB/s 0
row "STREAM triad bandwidth" cpu "$(kernel triad)" triad_bytes_per_second 1e-9 GB/s 0
row "pointer-chase load" cpu "$(probe cpu.mem_latency load_seconds 1e9)" load 1 ns 0

echo
if command -v sysbench >/dev/null; then
  echo "sysbench (context, 1 thread, 5 s each):"
  sysbench cpu --threads=1 --time=5 run | sed -n 's/^ *events per second: */  cpu: events per second /p'
  sysbench memory --threads=1 --time=5 --memory-block-size=1M --memory-total-size=100G run |
    sed -n 's/^.*transferred (\(.*\))$/  memory (1 MiB blocks, write): \1/p'
else
  echo "sysbench not installed, skipped (Debian/Ubuntu: apt-get install sysbench)"
fi
