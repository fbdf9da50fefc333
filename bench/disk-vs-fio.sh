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
      -h | --help) sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
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
  DEVICE=$(basename -- "$(df --output=source -- "$DIR" | tail -n 1)")
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
  if ((!KEEP)) && [[ -n ${FILE:-} ]]; then rm -f -- "$FILE"; fi
  rm -rf -- "${OUT:-/nonexistent}"
}

# case name | direction | fio options | agent options. The last is a control for the 1M case:
# 512k needs at most 128 pages, so no request is split whatever the buffers' physical layout.
CASES=(
  "randread 4k qd1 sync|read|--rw=randread --bs=4k --ioengine=psync --iodepth=1|--rw randread --bs 4k --engine sync --iodepth 1"
  "randread 4k qd32 aio|read|--rw=randread --bs=4k --ioengine=libaio --iodepth=32|--rw randread --bs 4k --engine aio --iodepth 32"
  "randwrite 4k qd1 fdatasync=1|write|--rw=randwrite --bs=4k --ioengine=psync --iodepth=1 --fdatasync=1|--rw randwrite --bs 4k --engine sync --iodepth 1 --fdatasync 1"
  "read 1M qd4 aio|read|--rw=read --bs=1m --ioengine=libaio --iodepth=4|--rw read --bs 1m --engine aio --iodepth 4"
  "read 512k qd4 aio (control)|read|--rw=read --bs=512k --ioengine=libaio --iodepth=4|--rw read --bs 512k --engine aio --iodepth 4"
)

device_ios() { # → reads+writes completed so far by the device holding $FILE (0 if unknown)
  awk -v d="$DEVICE" '$3 == d { print $4 + $8; found = 1 } END { if (!found) print 0 }' /proc/diskstats
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

figures() { # json direction device-file → "iops=N p50=N us p99=N us dev/io=N"
  python3 - "$1" "$2" "$3" $((RAMP + RUNTIME)) <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))["jobs"][0]
d = j[sys.argv[2]]
p = d["clat_ns"]["percentile"]
iops = j["read"]["iops"] + j["write"]["iops"]
dev_per_second = int(open(sys.argv[3]).read()) / int(sys.argv[4])  # the ramp does I/O too
# Device requests per job request: well above 1 means the block layer split the job's requests,
# so the two tools did not put the same requests on the device.
print(f"iops={d['iops']:.0f} p50={p['50.000000'] / 1000:.1f}us p99={p['99.000000'] / 1000:.1f}us"
      f" dev/io={dev_per_second / max(1, iops):.2f}")
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
  local c round name dir fopts aopts first
  for ((round = 1; round <= ROUNDS; round++)); do
    for c in "${!CASES[@]}"; do
      IFS='|' read -r name dir fopts aopts <<<"${CASES[$c]}"
      # Alternate who goes first, so a drift in the machine does not favour one side.
      for first in $(((round + c) % 2)) $(((round + c + 1) % 2)); do
        local before tool
        before=$(device_ios)
        if ((first == 0)); then tool=fio; run_fio "$fopts" "$OUT/$c.$round.fio.json"; else
          tool=agent; run_agent "$aopts" "$OUT/$c.$round.agent.json"; fi
        echo $(($(device_ios) - before)) >"$OUT/$c.$round.$tool.device"
      done
      echo "round $round $name: fio $(figures "$OUT/$c.$round.fio.json" "$dir" "$OUT/$c.$round.fio.device")" \
        " agent $(figures "$OUT/$c.$round.agent.json" "$dir" "$OUT/$c.$round.agent.device")" \
        " load $(cut -d' ' -f1 /proc/loadavg)"
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
