#!/usr/bin/env bash
# CI: builds the collector image without a Docker engine or a registry and runs it.
#   1. a local base image (build-base-image.sh: Debian's glibc + a jlink'ed JDK 25 runtime),
#   2. the image with Jib on that base (./mvnw -Pimage -pl image -am package),
#   3. test-image.sh: the image's entrypoint as a pod would run it, with a real agent (built here
#      too) streaming results to it over mutual TLS.
# Users build on eclipse-temurin:25-jre instead (the default of image/pom.xml).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

jdk25() { # JAVA_HOME if it is a JDK 25+, else the first such JDK under /usr/lib/jvm
  local home major
  for home in ${JAVA_HOME:-} /usr/lib/jvm/*; do
    [[ -x $home/bin/jlink ]] || continue
    major=$("$home/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
    if ((${major:-0} >= 25)); then echo "$home"; return; fi
  done
  echo "build-and-test: needs a JDK 25+ (JAVA_HOME or /usr/lib/jvm)" >&2
  return 1
}
JAVA_HOME=$(jdk25)
export JAVA_HOME
mkdir -p image/target
start=$(date +%s)
deploy/container/build-base-image.sh image/target/base-image.tar
./mvnw -B -q -Pimage -pl image,agent -am package -Dmaven.test.skip=true \
  -Dimage.base="tar://$PWD/image/target/base-image.tar"
echo "build-and-test: image built in $(($(date +%s) - start)) s: image/target/guestbench-collector-image.tar"
deploy/container/test-image.sh image/target/guestbench-collector-image.tar agent/target/guestbench-agent.jar
echo "build-and-test: done in $(($(date +%s) - start)) s"
