#!/usr/bin/env bash
# Disk probe vs fio: the same job on the same file, fio and the agent alternately, several rounds.
# Prints each pair's IOPS and p50/p99 completion latency and the agent/fio ratios (median over
# rounds), against the targets in DESIGN.md: IOPS >= 0.95x fio, p50 and p99 within 10%.
#
# usage: bench/disk-vs-fio.sh [DIR] [--rounds N] [--runtime S] [--ramp S] [--size SIZE] [--keep]
#   DIR        where the benchmark file goes (default /var/tmp/guestbench-bench); a disk, not tmpfs
#   --rounds   fio/agent pairs per case (default 3)
#   --runtime  measured seconds per run (default 10); --ramp unmeasured seconds first (default 2)
#   --size     the file (default 1G); --keep leaves it in place afterwards
#
# Installs nothing: it checks for fio, python3 (to read the JSON) and a built agent, and says how
# to get what is missing. The agent runs through ./guestbench (JDK discovery, deploy/jvm flags).
# As root with tracefs at /sys/kernel/tracing, the 1M case also prints, per run, the requests the
# device really had in flight and the dispatches retried because the driver's queue was full
# (mount -t tracefs nodev /sys/kernel/tracing if it is missing; without it those figures are left out).
set -euo pipefail

ROOT=$(cd -- "$(dirname -- "$(readlink -f -- "${BASH_SOURCE[0]}")")/.." && pwd)
readonly ROOT
DIR=/var/tmp/guestbench-bench ROUNDS=3 RUNTIME=10 RAMP=2 SIZE=1G KEEP=0

die() { echo "disk-vs-fio: $1" >&2; exit 1; }

parse_args() {
  while (($#)); do
    case $1 in
      --rounds) ROUNDS=${2:?--rounds needs N}; shift 2 ;;
      --runtime) RUNTIME=${2:?--runtime needs seconds}; shift 2 ;;
      --ramp) RAMP=${2:?--ramp needs seconds}; shift 2 ;;
      --size) SIZE=${2:?--size needs a size such as 1G}; shift 2 ;;
      --keep) KEEP=1; shift ;;
      -h | --help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
      -*) die "unknown option '$1' (see --help)" ;;
      *) DIR=$1; shift ;;
    esac
  done
  [[ $ROUNDS =~ ^[1-9][0-9]?$ ]] || die "--rounds: '$ROUNDS' (expected 1..99)"
  [[ $RUNTIME =~ ^[1-9][0-9]{0,3}$ ]] || die "--runtime: '$RUNTIME' (expected whole seconds)"
  [[ $RAMP =~ ^[0-9]{1,3}$ ]] || die "--ramp: '$RAMP' (expected whole seconds)"
  [[ $SIZE =~ ^[1-9][0-9]*[kKmMgG]$ ]] || die "--size: '$SIZE' (expected e.g. 512M or 1G)"
}

check_tools() {
  command -v fio >/dev/null || die "fio is missing: install it (Debian/Ubuntu: apt-get install fio)"
  command -v python3 >/dev/null || die "python3 is missing (it reads the JSON): apt-get install python3"
  local jar=$ROOT/agent/target/guestbench-agent.jar collector=$ROOT/collector/target/guestbench-collector.jar
  local build="run './guestbench agent --version' once, or ./mvnw -q -B -DskipTests package -pl agent,collector -am"
  [[ -f $jar && -f $collector ]] || die "no built agent ($jar); to build it, $build"
  # ./guestbench rebuilds a stale jar on the spot; a build must not run between measurements.
  if [[ -n $(find "$ROOT"/pom.xml "$ROOT"/{proto,common,agent,collector}/{pom.xml,src} -type f \
      -newer "$jar" -print -quit 2>/dev/null) ]]; then
    die "the agent jar is older than its sources; to rebuild it, $build"
  fi
}

prepare_file() {
  mkdir -p -- "$DIR"
  local fstype
  fstype=$(fs_type "$DIR")
  [[ $fstype != tmpfs && $fstype != ramfs ]] || die "$DIR is on $fstype; give a directory on a disk"
  FILE=$DIR/disk-vs-fio.dat
  local dev sys
  dev=$(basename -- "$(df --output=source -- "$DIR" | tail -n 1)")
  sys=$(readlink -f "/sys/class/block/$dev" 2>/dev/null || true)
  [[ -e $sys/partition ]] && sys=$(dirname -- "$sys") # requests are traced on the whole disk
  DISKNUM=$(tr : , <"$sys/dev" 2>/dev/null || echo none)
  if [[ ! -f $FILE ]]; then
    echo "laying out $FILE ($SIZE) with fio, once..." >&2
    fio --name=layout --filename="$FILE" --size="$SIZE" --rw=write --bs=1m --direct=1 \
      --ioengine=libaio --iodepth=4 --output=/dev/null || die "could not lay out $FILE"
  fi
}

fs_type() { # dir → its file system type, e.g. ext4 (stat -f says ext2/ext3 for ext4)
  findmnt -n -o FSTYPE -T "$1" 2>/dev/null || stat -f -c %T -- "$1"
}

cleanup() {
  if [[ -n ${TRACE_KB:-} ]]; then trace_set 0; fi
  if ((!KEEP)) && [[ -n ${FILE:-} ]]; then rm -f -- "$FILE"; fi
  rm -rf -- "${OUT:-/nonexistent}"
}

# case name | direction | fio options | agent options | trace (1: record device concurrency)
CASES=(
  "randread 4k qd1 sync|read|--rw=randread --bs=4k --ioengine=psync --iodepth=1|--rw randread --bs 4k --engine sync --iodepth 1|0"
  "randread 4k qd32 aio|read|--rw=randread --bs=4k --ioengine=libaio --iodepth=32|--rw randread --bs 4k --engine aio --iodepth 32|0"
  "randwrite 4k qd1 fdatasync=1|write|--rw=randwrite --bs=4k --ioengine=psync --iodepth=1 --fdatasync=1|--rw randwrite --bs 4k --engine sync --iodepth 1 --fdatasync 1|0"
  "read 1M qd4 aio|read|--rw=read --bs=1m --ioengine=libaio --iodepth=4|--rw read --bs 1m --engine aio --iodepth 4|1"
)

# Block-layer tracing (tracefs) for the large-request cases: how many requests the device really
# had in flight, and how often a dispatch found the driver's queue full and had to be retried. On a
# virtio-blk disk without indirect descriptors a request takes one ring slot per physical segment
# of its buffer, so the buffer's physical layout, which neither tool chooses, can cap the depth.
# The 4k cases are not traced: at 85k IOPS the events would cost more than they tell.
TRACEFS=/sys/kernel/tracing
EVENTS=(block_rq_issue block_rq_complete)

trace_ready() { [[ -w $TRACEFS/tracing_on && -d $TRACEFS/events/block/block_rq_issue ]]; }

trace_set() { # 0|1: stop or start recording the block events (a run's worth: 16 MiB a CPU)
  local e
  echo 0 >"$TRACEFS/tracing_on"
  for e in "${EVENTS[@]}"; do echo "$1" >"$TRACEFS/events/block/$e/enable"; done
  if (($1)); then
    TRACE_KB=${TRACE_KB:-$(<"$TRACEFS/buffer_size_kb")}
    echo 16384 >"$TRACEFS/buffer_size_kb"
    echo >"$TRACEFS/trace"
    echo 1 >"$TRACEFS/tracing_on"
  elif [[ -n ${TRACE_KB:-} ]]; then
    echo "$TRACE_KB" >"$TRACEFS/buffer_size_kb" # also frees what the run recorded
  fi
}

# trace → "dev-inflight=N dev-time=N us retries/req=N" of the data requests (128k and up): the mean
# requests at the device, each one's mean time there (last dispatch to completion), and dispatches
# per request that were turned back because the driver's queue was full.
device_figures() {
  python3 - "$1" "$DISKNUM" <<'PY'
import re, sys
pat = re.compile(r"\s(\d+\.\d+): (block_rq_issue|block_rq_complete): (\d+,\d+) \S+ .*?\) (\d+) \+ (\d+)")
issued, busy, done, attempts, first, last = {}, 0.0, 0, 0, None, None
for line in open(sys.argv[1]):
    m = pat.search(line)
    if not m or m.group(3) != sys.argv[2] or int(m.group(5)) < 256:
        continue
    t, key = float(m.group(1)), m.group(4)
    first, last = first if first is not None else t, t
    if m.group(2) == "block_rq_issue":
        attempts += 1
        issued[key] = t  # the last dispatch attempt is the one the device took
    elif key in issued:
        busy += t - issued.pop(key)
        done += 1
span = (last - first) if done else 0
print(f"dev-inflight={busy / span:.2f} dev-time={busy / done * 1e6:.0f}us"
      f" retries/req={(attempts - done) / done:.2f}" if span else "dev-inflight=n/a")
PY
}

run_fio() { # options out
  # shellcheck disable=SC2086 # the options are a word list on purpose
  fio --name=bench --filename="$FILE" --size="$SIZE" --direct=1 --time_based \
    --runtime="$RUNTIME" --ramp_time="$RAMP" $1 --output-format=json --output="$2" >/dev/null
}

run_agent() { # options out
  # shellcheck disable=SC2086
  "$ROOT/guestbench" agent disk --filename "$FILE" --allow-existing --size "$SIZE" \
    --runtime "${RUNTIME}s" --ramp "${RAMP}s" $1 --json >"$2"
}

figures() { # json direction → "iops=N p50=N us p99=N us"
  python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["jobs"][0][sys.argv[2]]
p = d["clat_ns"]["percentile"]
print(f"iops={d['iops']:.0f} p50={p['50.000000'] / 1000:.1f}us p99={p['99.000000'] / 1000:.1f}us")
PY
}

describe_machine() {
  local dev
  dev=$(df --output=source -- "$DIR" | tail -n 1)
  echo "machine: $(nproc) CPUs, kernel $(uname -r), $(fs_type "$DIR") on $dev," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "fio: $(fio --version); agent: $("$ROOT/guestbench" agent --version 2>/dev/null | head -n 1)"
}

main() {
  parse_args "$@"
  check_tools
  prepare_file
  OUT=$(mktemp -d "${TMPDIR:-/tmp}/disk-vs-fio.XXXXXX")
  trap cleanup EXIT
  echo "# Disk probe vs fio, $(date -u +%Y-%m-%dT%H:%MZ)"
  describe_machine
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "command: bench/disk-vs-fio.sh $DIR --rounds $ROUNDS --runtime $RUNTIME --ramp $RAMP --size $SIZE"
  echo
  local c round name dir fopts aopts traced first tool out
  for ((round = 1; round <= ROUNDS; round++)); do
    for c in "${!CASES[@]}"; do
      IFS='|' read -r name dir fopts aopts traced <<<"${CASES[$c]}"
      ((traced)) && trace_ready || traced=0
      local line="round $round $name:"
      # Alternate who goes first, so a drift in the machine does not favour one side.
      for first in $(((round + c) % 2)) $(((round + c + 1) % 2)); do
        ((traced)) && trace_set 1
        if ((first == 0)); then tool=fio; else tool=agent; fi
        out=$OUT/$c.$round.$tool.json
        if ((first == 0)); then run_fio "$fopts" "$out"; else run_agent "$aopts" "$out"; fi
        if ((traced)); then trace_set 0; cat "$TRACEFS/trace" >"$OUT/trace"; fi
        line+=" $tool $(figures "$out" "$dir")"
        ((traced)) && line+=" $(device_figures "$OUT/trace")"
      done
      echo "$line  load $(cut -d' ' -f1 /proc/loadavg)"
    done
  done
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  summary
}

summary() { # the Markdown table: medians over rounds of each figure and of each ratio
  local c name dir rest args=()
  for c in "${!CASES[@]}"; do
    IFS='|' read -r name dir rest <<<"${CASES[$c]}"
    args+=("$name" "$dir")
  done
  python3 - "$OUT" "$ROUNDS" "${args[@]}" <<'PY'
import json, statistics, sys
out, rounds, rest = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
def fig(path, d):
    j = json.load(open(path))["jobs"][0][d]
    p = j["clat_ns"]["percentile"]
    return j["iops"], p["50.000000"], p["99.000000"]
med = statistics.median
print("| case | fio IOPS | agent IOPS | IOPS ratio | fio p50 | agent p50 | p50 ratio | fio p99 | agent p99 | p99 ratio | targets |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for c in range(len(rest) // 2):
    name, d = rest[2 * c], rest[2 * c + 1]
    f = [fig(f"{out}/{c}.{r}.fio.json", d) for r in range(1, rounds + 1)]
    a = [fig(f"{out}/{c}.{r}.agent.json", d) for r in range(1, rounds + 1)]
    ratios = [med([a[r][i] / f[r][i] for r in range(rounds)]) for i in range(3)]
    misses = []
    if ratios[0] < 0.95: misses.append("IOPS")
    if abs(ratios[1] - 1) > 0.10: misses.append("p50")
    if abs(ratios[2] - 1) > 0.10: misses.append("p99")
    us = lambda ns: f"{ns / 1000:.1f} us"
    cells = [name,
             f"{med(x[0] for x in f):,.0f}", f"{med(x[0] for x in a):,.0f}", f"{ratios[0]:.3f}",
             us(med(x[1] for x in f)), us(med(x[1] for x in a)), f"{ratios[1]:.3f}",
             us(med(x[2] for x in f)), us(med(x[2] for x in a)), f"{ratios[2]:.3f}",
             "met" if not misses else "missed: " + ", ".join(misses)]
    print("| " + " | ".join(cells) + " |")
PY
}

main "$@"
