#!/usr/bin/env bash
# Tests of ./guestbench: usage errors, JDK discovery, the build step, argument passing and the
# demo's process handling. They run a copy of the launcher (with the real deploy/ files) beside a
# fake ./mvnw, fake jars and fake JDKs (tests/launcher/fakes), plus the machine's real JDKs for
# discovery. Needs python3 for the fake collector. Last line: "N passed, N failed".
# Run: bash tests/launcher/test_launcher.sh
set -uo pipefail # no -e: a failing check is counted, not fatal

REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
FAKES=$REPO/tests/launcher/fakes
WORK=$(mktemp -d "${TMPDIR:-/tmp}/guestbench-launcher-test.XXXXXX")
cleanup() { # a leftover is already a failed check; end it by pid
  local pid
  for pid in $(leftovers); do kill -TERM "$pid" 2>/dev/null; done
  rm -rf "$WORK"
}
trap cleanup EXIT
TREE=$WORK/tree GB=$WORK/tree/guestbench
export FAKE_LOG=$WORK/calls.log FAKE_MARK=$WORK/mark TMPDIR=$WORK/tmp
FAKE_PYTHON=$(python3 -c 'import sys; print(sys.executable)') || exit 1
export FAKE_PYTHON
unset JAVA_HOME GUESTBENCH_JVM_DIRS FAKE_AGENT FAKE_COLLECTOR FAKE_MVNW_FAIL
passed=0 failed=0 OUT="" ERR="" RC=0

# --- harness -------------------------------------------------------------------------------------

run() { # command... → OUT, ERR, RC; clears the call log first
  : >"$FAKE_LOG"
  "$@" >"$WORK/out" 2>"$WORK/err"
  RC=$?
  OUT=$(<"$WORK/out") ERR=$(<"$WORK/err")
}

expect() { # name; passes if the command just before it succeeded: `[[ ... ]]; expect NAME`
  local status=$? line
  if ((status == 0)); then
    passed=$((passed + 1))
    echo "ok   $1"
  else
    failed=$((failed + 1))
    echo "FAIL $1 (rc=$RC)"
    while IFS= read -r line; do echo "     out| $line"; done <<<"$OUT"
    while IFS= read -r line; do echo "     err| $line"; done <<<"$ERR"
  fi
}

lines() { if [[ -z $1 ]]; then echo 0; else wc -l <<<"$1"; fi; }
leftovers() { pgrep -f "$WORK" | grep -vx "$$" || true; }
calls() { cat "$FAKE_LOG"; }

fake_jdk() { # dir, then FAKE_SPEC=N or FAKE_VERSION_ONLY=V
  mkdir -p "$1/bin"
  # shellcheck disable=SC2016 # $0 and $@ belong to the wrapper being written
  printf '#!/usr/bin/env bash\nexport %s FAKE_JAVA="$0"\nexec "%s/java" "$@"\n' "$2" "$FAKES" >"$1/bin/java"
  chmod +x "$1/bin/java"
}

# --- fixtures ------------------------------------------------------------------------------------

mkdir -p "$TREE"/{agent,collector}/{target,src} "$TMPDIR" "$WORK/cwd"
cp "$REPO/guestbench" "$TREE/"
cp -r "$REPO/deploy" "$TREE/"
cp "$FAKES/mvnw" "$TREE/mvnw"
touch "$TREE/pom.xml" "$TREE/agent/src/Main.java"
touch -d '2020-01-01' "$TREE/pom.xml" "$TREE/agent/src/Main.java"
touch "$TREE/agent/target/guestbench-agent.jar" "$TREE/collector/target/guestbench-collector.jar"

JVMS=$WORK/jvm OLD_JVMS=$WORK/old-jvm
fake_jdk "$JVMS/a-jdk8" FAKE_SPEC=1.8
fake_jdk "$JVMS/b-jdk21" FAKE_SPEC=21
fake_jdk "$JVMS/c-jdk26" FAKE_VERSION_ONLY=26-ea
fake_jdk "$JVMS/d-jdk25" FAKE_SPEC=25
ln -s d-jdk25 "$JVMS/e-jdk25-link"
fake_jdk "$OLD_JVMS/jdk21" FAKE_SPEC=21
OLD_JDK=/usr/lib/jvm/java-17-openjdk-amd64
[[ -x $OLD_JDK/bin/java ]] || OLD_JDK=$OLD_JVMS/jdk21

# --- usage ---------------------------------------------------------------------------------------

for arg in help -h --help; do
  run "$GB" "$arg"
  ((RC == 0)) && [[ $OUT == usage:* && -z $ERR ]]
  expect "$arg: exit 0, usage on stdout"
done

run "$GB" frobnicate
((RC == 2)) && [[ -z $OUT && $(lines "$ERR") == 1 && $ERR == *"unknown command 'frobnicate'"* ]]
expect "unknown command: exit 2, one line on stderr"

run "$GB"
((RC == 2)) && [[ $(lines "$ERR") == 1 ]]
expect "no command: exit 2, one line"

for args in "--duration" "--duration 0" "--duration soon" "--duration=-1" "--verbose"; do
  # shellcheck disable=SC2086 # split on purpose
  run "$GB" demo $args
  ((RC == 2)) && [[ $(lines "$ERR") == 1 && ! -s $FAKE_LOG ]]
  expect "demo $args: exit 2, one line, nothing started"
done

# --- JDK discovery -------------------------------------------------------------------------------

run env JAVA_HOME="$OLD_JDK" GUESTBENCH_JVM_DIRS=/nonexistent "$GB" agent facts
((RC == 1)) && [[ $(lines "$ERR") == 1 && $ERR == *"needs a JDK 25 or newer"*"/nonexistent"*JAVA_HOME* ]]
expect "no JDK 25+: exit 1, one line naming the fix"

run env JAVA_HOME="$OLD_JDK" GUESTBENCH_JVM_DIRS="$OLD_JVMS:/nonexistent" "$GB" collector serve
((RC == 1)) && [[ $ERR == *"$OLD_JVMS, /nonexistent"* && ! -s $FAKE_LOG ]]
expect "only old JDKs in the scan: exit 1, dirs listed"

run env JAVA_HOME="$OLD_JDK" "$GB" test -v
real_home=$(sed -n 's/^mvnw JAVA_HOME=\([^ ]*\) .*/\1/p' "$FAKE_LOG")
real_spec=$("$real_home/bin/java" -XshowSettings:properties -version 2>&1 |
  sed -n 's/.*java\.specification\.version = \([0-9]*\).*/\1/p')
((RC == 0)) && [[ $real_home == /* && $real_home != "$OLD_JDK" ]] && ((real_spec >= 25))
expect "JAVA_HOME=old JDK: the real scan finds a 25+ ($real_home)"

run env -u JAVA_HOME GUESTBENCH_JVM_DIRS="$JVMS" "$GB" agent facts
((RC == 0)) && [[ $OUT == *"java=$JVMS/c-jdk26/bin/java"* ]]
expect "scan picks the highest major (26-ea from 'java -version' only)"

run env JAVA_HOME="$JVMS/d-jdk25" GUESTBENCH_JVM_DIRS="$JVMS" "$GB" agent facts
((RC == 0)) && [[ $OUT == *"java=$JVMS/d-jdk25/bin/java"* ]]
expect "JAVA_HOME with 25 wins over a newer JDK in the scan"

run env JAVA_HOME="$JVMS/a-jdk8" GUESTBENCH_JVM_DIRS="$JVMS/none:$JVMS" "$GB" agent facts
((RC == 0)) && [[ $OUT == *c-jdk26* ]]
expect "JAVA_HOME=1.8 is skipped for the scan"

export GUESTBENCH_JVM_DIRS=$JVMS JAVA_HOME=$JVMS/d-jdk25 # fake JDK 25 from here on

# --- the two programs ----------------------------------------------------------------------------

run bash -c 'cd "$1" && shift && exec "$@"' _ "$WORK/cwd" "$GB" agent facts --label "a b" ''
((RC == 0)) && [[ -z $ERR && $(calls) != *mvnw* ]] &&
  [[ $(calls) == *"cwd=$WORK/cwd args=@$TREE/deploy/jvm/agent.options -jar $TREE/agent/target/guestbench-agent.jar facts --label a b "* ]] &&
  [[ $OUT == *$'arg: a b\narg: '* ]]
expect "agent: fresh jars, no build; flags file, jar, args verbatim, caller's cwd"

ln -s "$GB" "$WORK/gb-link"
run "$WORK/gb-link" collector --help
[[ $(calls) == *"args=@$TREE/deploy/jvm/collector.options -jar $TREE/collector/target/guestbench-collector.jar --help"* ]]
expect "collector through a symlink: collector flags file and jar"

run bash -c 'cd / && exec "$@"' _ "$GB" test -Dit.skip -q
((RC == 0)) && [[ $(calls) == "mvnw JAVA_HOME=$JVMS/d-jdk25 cwd=$TREE args=-B verify -Dit.skip -q" ]]
expect "test: ./mvnw -B verify ARGS in the repo, with JAVA_HOME"

# --- the build step ------------------------------------------------------------------------------

touch -d '2020-01-02' "$TREE/agent/target/guestbench-agent.jar"
touch "$TREE/agent/src/Main.java"
run "$GB" agent facts
((RC == 0)) && [[ $ERR == "guestbench: building (first run takes a few minutes)..."*"fake maven noise"* ]] &&
  [[ $(calls) == "mvnw JAVA_HOME=$JVMS/d-jdk25 cwd=$TREE args=-q -B -DskipTests package -pl agent,collector -am"$'\n'java=* ]] &&
  [[ $OUT == "fake agent table"* ]]
expect "a source newer than a jar: one build line, the build, then the agent"

run "$GB" agent facts
((RC == 0)) && [[ $(calls) != *mvnw* ]]
expect "after the build the jars are fresh: no second build"

rm "$TREE/collector/target/guestbench-collector.jar"
run env FAKE_MVNW_FAIL=1 "$GB" agent facts
((RC == 1)) && [[ $(calls) == mvnw* && $(calls) != *java=* && $ERR == *"guestbench: build failed"* && -z $OUT ]]
expect "a missing jar builds; a failed build exits 1, program not run"

touch -d '2020-01-01' "$TREE/pom.xml" "$TREE/agent/src/Main.java"
touch "$TREE/collector/target/guestbench-collector.jar"

# --- the real flags files ------------------------------------------------------------------------

for f in "$TREE"/deploy/jvm/*.options; do
  "$real_home/bin/java" "@$f" -version >/dev/null 2>"$WORK/err"
  RC=$? OUT="" ERR=$(<"$WORK/err")
  ((RC == 0))
  expect "$(basename "$f") is a valid argument file for the real JDK"
done

# --- demo ----------------------------------------------------------------------------------------

CPUS=$(nproc) LOADS=$(($(nproc) * 2)) # the busy loops of the demo's second run: 2 per CPU
demo_plan=$TREE/deploy/demo/agent.yaml
rounds=$(sed -n 's/^  rounds: *\([0-9]*\)$/\1/p' "$demo_plan")
((rounds >= 5)) && grep -qx '  interval: 0s' "$demo_plan" && grep -qx '    experiment: demo' "$demo_plan"
expect "deploy/demo/agent.yaml: $rounds rounds back to back (the report needs 5+ runs per group)"

run "$GB" demo --duration 20
collector_call=$(grep -- '-jar .*collector.jar serve' "$FAKE_LOG")
report_call=$(grep -- '-jar .*collector.jar report' "$FAKE_LOG")
mapfile -t agent_calls < <(grep -- '-jar .*agent.jar' "$FAKE_LOG")
demo_dir=$(sed -n 's|.* --journal-dir \([^ ]*\)/journal$|\1|p' <<<"$collector_call")
grpc=$(sed -n 's|.*gRPC *127.0.0.1:\([0-9]*\)$|\1|p' <<<"$OUT")
((RC == 0)) && [[ $OUT == "fake agent table"* ]] &&
  [[ $OUT == *$'\n'"  guestbench_cpu_compute_ops_per_second{agent_id=\"demo-busy\",experiment=\"demo-busy\",kernel=\"fp\"} 3.9E8"* ]] &&
  [[ $OUT == *"guestbench_ series exposed: 5"* && $OUT == *"/healthz"* && $OUT == *"/readyz"* && -n $grpc ]]
expect "demo: exit 0, agent tables, ops lines of both runs, series count, URLs"
intro="Compared: the same CPU probes on a quiet machine (demo-quiet) and beside $LOADS busy loops, 2 per CPU (demo-busy); collector report --by experiment --reference demo-quiet:"
[[ $OUT == *$'\nLook at:\n'*$'\n\n'"$intro"$'\n\n# guestbench: experiment side by side\n'*'| demo-busy 46% slower (fake) | |' ]]
expect "demo: ends with one line saying what was compared, then the report's Markdown"
[[ $collector_call =~ args=@$TREE/deploy/jvm/collector.options\ -jar\ $TREE/collector/target/guestbench-collector.jar\ serve\ --plaintext\ --grpc-port\ 0\ --http-port\ 0\ --bind\ 127.0.0.1\ --ports-file\ $TMPDIR/guestbench-demo\.[^/]*/ports\ --journal-dir\ $TMPDIR/guestbench-demo\.[^/]*/journal$ ]]
expect "demo: the collector command line"
agent_args() { # id → the agent's expected command line
  echo "cwd=$demo_dir args=@$TREE/deploy/jvm/agent.options -jar $TREE/agent/target/guestbench-agent.jar run --config $demo_dir/$1.yaml --collector 127.0.0.1:$grpc --agent-id $1 --spool-dir $demo_dir/spool"
}
((${#agent_calls[@]} == 2)) && [[ -n $demo_dir && ${agent_calls[0]} == *" $(agent_args demo-quiet)" && ${agent_calls[1]} == *" $(agent_args demo-busy)" ]]
expect "demo: two agent runs, demo-quiet then demo-busy, each with its own config"
[[ $report_call == *" cwd=$demo_dir args=@$TREE/deploy/jvm/collector.options -jar $TREE/collector/target/guestbench-collector.jar report --journal-dir $demo_dir/journal --by experiment --reference demo-quiet --format md" ]]
expect "demo: the report command line"
[[ $(grep -E '^(agent|report) ' "$FAKE_LOG") == "agent demo-quiet: experiment=demo-quiet load=0"$'\n'"agent demo-busy: experiment=demo-busy load=$LOADS"$'\n'"report load=0" ]]
expect "demo: $LOADS busy loops run during demo-busy only, stopped before the report"
for id in demo-quiet demo-busy; do
  [[ -z $(diff <(grep -v 'experiment:' "$demo_plan") <(grep -v 'experiment:' "$FAKE_MARK-$id.yaml")) ]] &&
    [[ $(grep -c "^    experiment: $id\$" "$FAKE_MARK-$id.yaml") == 1 && $(grep -c 'experiment:' "$FAKE_MARK-$id.yaml") == 1 ]]
  expect "demo: $id.yaml is deploy/demo/agent.yaml with experiment: $id"
done
[[ -z $(leftovers) && -z $(ls -A "$TMPDIR") ]]
expect "demo: no processes left, temp dir removed"

nocurl=$WORK/nocurl
mkdir -p "$nocurl"
for c in bash env dirname readlink mktemp find touch sleep grep sed tail rm timeout cat nproc; do
  ln -s "$(command -v "$c")" "$nocurl/$c"
done
run env PATH="$nocurl" "$GB" demo --duration 20
((RC == 0)) && [[ $OUT == *"guestbench_ series exposed: 5"* && $OUT == *"46% slower (fake)"* && -z $(leftovers) ]]
expect "demo without curl reads /metrics through /dev/tcp"

run env FAKE_COLLECTOR=die "$GB" demo
((RC == 1)) && [[ $ERR == *"guestbench: the collector exited (status 4) before it was listening"*"| fake collector: boom"* ]] &&
  [[ -z $(leftovers) && -z $(ls -A "$TMPDIR") ]]
expect "demo: collector dies before listening → exit 1, error line and its log"

run env FAKE_AGENT=fail "$GB" demo
((RC == 1)) && [[ $ERR == *"no route to collector"*"guestbench: the agent demo-quiet failed (status 3)"* && -z $(leftovers) ]] &&
  [[ $(grep -c '^agent ' "$FAKE_LOG") == 1 && $ERR != *"run 2 of 2"* ]]
expect "demo: the quiet agent fails → exit 1, no second run, collector stopped"

run env FAKE_AGENT=busy-fail "$GB" demo
((RC == 1)) && [[ $ERR == *"no route to collector"*"guestbench: the agent demo-busy failed (status 3)"* ]] &&
  grep -qx "agent demo-busy: experiment=demo-busy load=$LOADS" "$FAKE_LOG" && [[ -z $(leftovers) && -z $(ls -A "$TMPDIR") ]]
expect "demo: the busy agent fails → exit 1, busy loops and collector stopped"

SECONDS=0
run env FAKE_AGENT=hang "$GB" demo --duration 3
took=$SECONDS
((RC == 1 && took <= 8)) && [[ $ERR == *"did not finish within --duration 3s (was waiting for the agent demo-quiet)"* ]] &&
  [[ -z $(leftovers) && -z $(ls -A "$TMPDIR") ]]
expect "demo: --duration 3 with a hanging agent → exit 1 in time (${took}s), all stopped"

SECONDS=0
run env FAKE_AGENT=busy-hang "$GB" demo --duration 3
took=$SECONDS
((RC == 1 && took <= 8)) && [[ $ERR == *"did not finish within --duration 3s (was waiting for the agent demo-busy)"* ]] &&
  grep -qx "agent demo-busy: experiment=demo-busy load=$LOADS" "$FAKE_LOG" && [[ -z $(leftovers) && -z $(ls -A "$TMPDIR") ]]
expect "demo: --duration 3 with the busy agent hanging → exit 1 in time (${took}s), busy loops stopped"

run env FAKE_COLLECTOR=silent "$GB" demo --duration 2
((RC == 1)) && [[ $ERR == *"--duration 2s (was waiting for the collector to listen)"*"| fake collector: args"* ]] &&
  [[ -z $(leftovers) ]]
expect "demo: collector never listening → exit 1 at the deadline, log shown"

run env FAKE_COLLECTOR=nometrics "$GB" demo --duration 3
((RC == 1)) && [[ $ERR == *"waiting for guestbench_cpu_compute_ops_per_second of demo-quiet on /metrics"* && -z $(leftovers) ]]
expect "demo: no ops series on /metrics → exit 1 naming the series"

run env FAKE_COLLECTOR=nobusy "$GB" demo --duration 3
((RC == 1)) && [[ $ERR == *"waiting for guestbench_cpu_compute_ops_per_second of demo-busy on /metrics"* && -z $(leftovers) ]]
expect "demo: only the quiet run's series on /metrics → exit 1 naming the busy one"

run env FAKE_COLLECTOR=badreport "$GB" demo
((RC == 1)) && [[ $ERR == *"fake journal trouble"*"guestbench: collector report failed (status 1)"* && $OUT != *"Compared: "* ]] &&
  [[ -z $(leftovers) && -z $(ls -A "$TMPDIR") ]]
expect "demo: the report fails → exit 1 with its error, no answer printed, all stopped"

run env FAKE_COLLECTOR=badstop "$GB" demo
((RC == 1)) && [[ $ERR == *"did not stop cleanly on SIGTERM (status 5)"*"| fake collector: stopped"* && -z $(leftovers) ]]
expect "demo: collector exits non-zero on SIGTERM → exit 1, its log shown"

: >"$FAKE_LOG"
env FAKE_AGENT=busy-hang "$GB" demo --duration 20 >"$WORK/out" 2>"$WORK/err" &
demo_pid=$!
for _ in $(seq 100); do grep -q '^agent demo-busy' "$FAKE_LOG" && break; sleep 0.1; done
loads_before=$(pgrep -fc "^guestbench-demo-load .*$WORK")
kill -KILL "$demo_pid"
wait "$demo_pid" 2>/dev/null # "Killed"
for _ in $(seq 30); do pgrep -f "^guestbench-demo-load .*$WORK" >/dev/null || break; sleep 0.1; done
loads_after=$(pgrep -fc "^guestbench-demo-load .*$WORK")
for pid in $(leftovers); do kill -TERM "$pid"; done # the collector and the agent: only a trap stops them
for _ in $(seq 30); do [[ -z $(leftovers) ]] && break; sleep 0.1; done
((loads_before == LOADS && loads_after == 0))
expect "demo killed with SIGKILL: its $loads_before busy loops end by themselves (left: $loads_after)"
rm -rf "${TMPDIR:?}"/*

: >"$FAKE_LOG"
"$GB" demo --keep --duration 20 >"$WORK/out" 2>"$WORK/err" &
demo_pid=$!
for _ in $(seq 100); do grep -q '^Look at:' "$WORK/out" && break; sleep 0.1; done
sleep 0.5
alive=$(pgrep -f "$WORK.*/ports --journal-dir" | wc -l)
kill -TERM "$demo_pid"
wait "$demo_pid"
RC=$? OUT=$(<"$WORK/out") ERR=$(<"$WORK/err")
((alive == 1 && RC == 0)) && [[ $ERR == *"keeps running"*"collector stopped"* && -z $(leftovers) ]]
expect "demo --keep: collector stays up until SIGTERM, then a clean stop, exit 0"

ctrl_c() { # text, command...: Ctrl-C on the command once text shows → OUT, ERR, RC
  : >"$FAKE_LOG"
  "$FAKE_PYTHON" "$FAKES/ctrl_c.py" "$1" "$WORK/out" "$WORK/err" "${@:2}"
  RC=$?
  OUT=$(<"$WORK/out") ERR=$(<"$WORK/err")
}

ctrl_c "keeps running" "$GB" demo --keep
((RC == 0)) && [[ $ERR == *"keeps running"*"collector stopped"* && -z $(leftovers) ]]
expect "demo --keep: Ctrl-C stops the collector cleanly, exit 0"

ctrl_c "fake agent hanging: demo-quiet" env FAKE_AGENT=hang "$GB" demo
((RC == 130)) && [[ $ERR == *"guestbench: interrupted; stopping the demo" && -z $(leftovers) ]] &&
  [[ -z $(ls -A "$TMPDIR") ]]
expect "demo: Ctrl-C while the quiet agent runs stops both, exit 130"

# Once the busy agent runs, not once the launcher says it starts it: on a loaded machine the
# agent may not have started (nor logged its busy loops) 0.3 s after that line.
ctrl_c "fake agent hanging: demo-busy" env FAKE_AGENT=busy-hang "$GB" demo
((RC == 130)) && [[ $ERR == *"guestbench: interrupted; stopping the demo" && -z $(leftovers) ]] &&
  grep -qx "agent demo-busy: experiment=demo-busy load=$LOADS" "$FAKE_LOG" && [[ -z $(ls -A "$TMPDIR") ]]
expect "demo: Ctrl-C while the busy agent runs stops it, the busy loops and the collector, exit 130"

echo "$passed passed, $failed failed"
((failed == 0))
