#!/usr/bin/env bash
# Tests of the release launchers deploy/bin/guestbench-{agent,collector} (what the systemd units
# start): which Java they pick, the exact command they exec, and their one-line errors. They run
# the real scripts in a fake release tree with fake JDKs (a java that prints how it was called).
# Run: bash tests/release/test_release_launcher.sh; last line "N passed, N failed".
set -uo pipefail # no -e: a failing check is counted, not fatal

REPO=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/guestbench-release-launcher.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
passed=0 failed=0 OUT="" ERR="" RC=0

# The tools the launcher uses, and no java on PATH (the machine's own must not be picked).
mkdir -p "$WORK/tools"
for tool in readlink dirname sed; do ln -s "$(command -v "$tool")" "$WORK/tools/$tool"; done

run() { # command... → OUT, ERR, RC, with a service's bare environment plus what is given
  env -i PATH="$WORK/tools" "$@" >"$WORK/out" 2>"$WORK/err"
  RC=$?
  OUT=$(<"$WORK/out") ERR=$(<"$WORK/err")
}

expect() { # name; passes if the command just before it succeeded
  local status=$?
  if ((status == 0)); then
    passed=$((passed + 1))
    echo "ok   $1"
  else
    failed=$((failed + 1))
    echo "FAIL $1 (rc=$RC)"
    echo "     out| $OUT"
    echo "     err| $ERR"
  fi
}

fake_jdk() { # dir major [no-release]: a JDK whose java prints its path and arguments
  mkdir -p "$1/bin"
  cat >"$1/bin/java" <<JAVA
#!/bin/sh
if [ "\$1" = -XshowSettings:properties ]; then
  echo "    java.specification.version = $2" >&2
  exit 0
fi
printf 'java=%s\n' "\$0"
for a in "\$@"; do printf 'arg=%s\n' "\$a"; done
JAVA
  chmod +x "$1/bin/java"
  [[ ${3:-} == no-release ]] || echo "JAVA_VERSION=\"$2.0.1\"" >"$1/release"
}

REL=$WORK/guestbench-9.9.9
mkdir -p "$REL"/{bin,lib,jvm}
cp "$REPO"/deploy/bin/guestbench-{agent,collector} "$REL/bin/"
touch "$REL"/lib/guestbench-{agent,collector}.jar "$REL"/jvm/{agent,collector}.options
fake_jdk "$WORK/jvm/jdk-17" 17
fake_jdk "$WORK/jvm/jdk-25" 25
fake_jdk "$WORK/jvm/jdk-21" 21
fake_jdk "$WORK/home-25" 25
fake_jdk "$WORK/home-11" 11
fake_jdk "$WORK/norelease/jdk" 26 no-release
fake_jdk "$WORK/old/jdk-17" 17

run GUESTBENCH_JVM_DIRS="$WORK/jvm" "$REL/bin/guestbench-agent" run --config "a b.yaml"
[[ $RC == 0 && $OUT == "java=$WORK/jvm/jdk-25/bin/java
arg=@$REL/jvm/agent.options
arg=-jar
arg=$REL/lib/guestbench-agent.jar
arg=run
arg=--config
arg=a b.yaml" ]]
expect "the newest Java 25+ of the JVM dirs runs the agent jar with its options file and the arguments as given"

run GUESTBENCH_JVM_DIRS="$WORK/jvm" JAVA_HOME="$WORK/home-25" "$REL/bin/guestbench-collector" serve
[[ $RC == 0 && $OUT == "java=$WORK/home-25/bin/java"*"arg=$REL/lib/guestbench-collector.jar"* ]]
expect "JAVA_HOME with Java 25 comes first; the collector's name picks the collector jar"

run GUESTBENCH_JVM_DIRS="$WORK/jvm" JAVA_HOME="$WORK/home-11" "$REL/bin/guestbench-agent"
[[ $RC == 0 && $OUT == "java=$WORK/jvm/jdk-25/bin/java"* ]]
expect "an older JAVA_HOME is passed over for the JVM dirs"

run GUESTBENCH_JVM_DIRS="$WORK/old:$WORK/norelease" "$REL/bin/guestbench-agent"
[[ $RC == 0 && $OUT == "java=$WORK/norelease/jdk/bin/java"* ]]
expect "a JDK without a release file is asked its version; several JVM dirs"

run GUESTBENCH_JAVA="$WORK/home-11/bin/java" GUESTBENCH_JVM_DIRS="$WORK/jvm" "$REL/bin/guestbench-agent"
[[ $RC == 1 && -z $OUT && $ERR == "guestbench-agent: GUESTBENCH_JAVA=$WORK/home-11/bin/java is not a Java 25 or newer" ]]
expect "GUESTBENCH_JAVA that is too old is one line, exit 1"

run GUESTBENCH_JVM_DIRS="$WORK/old" "$REL/bin/guestbench-agent"
[[ $RC == 1 && -z $OUT && $(wc -l <<<"$ERR") == 1 && $ERR == "guestbench-agent: needs Java 25 or newer"* ]]
expect "no Java 25 anywhere is one line, exit 1"

mkdir -p "$WORK/usr-local-bin"
ln -s "$REL/bin/guestbench-collector" "$WORK/usr-local-bin/guestbench-collector"
run GUESTBENCH_JVM_DIRS="$WORK/jvm" "$WORK/usr-local-bin/guestbench-collector"
[[ $RC == 0 && $OUT == *"arg=@$REL/jvm/collector.options"* ]]
expect "called through a symlink, it finds its release"

cp "$REL/bin/guestbench-agent" "$REL/bin/guestbench"
run GUESTBENCH_JVM_DIRS="$WORK/jvm" "$REL/bin/guestbench"
[[ $RC == 1 && $ERR == "guestbench: launcher called as 'guestbench' (expected guestbench-agent or guestbench-collector)" ]]
expect "an unknown name is one line, exit 1"

rm "$REL/lib/guestbench-agent.jar"
run GUESTBENCH_JVM_DIRS="$WORK/jvm" "$REL/bin/guestbench-agent"
[[ $RC == 1 && $ERR == "guestbench-agent: missing $REL/lib/guestbench-agent.jar (a broken release; reinstall it)" ]]
expect "a missing jar is one line, exit 1"

cmp -s "$REPO/deploy/bin/guestbench-agent" "$REPO/deploy/bin/guestbench-collector"
expect "both launchers are the same script"

echo "$passed passed, $failed failed"
((failed == 0))
