#!/usr/bin/env bash
# Runs the collector image the way a Kubernetes pod of deploy/kubernetes would, without a container
# engine: unpacks the Jib tarball's layers into a root filesystem, then starts the image's own
# entrypoint and command (read from its config) under chroot in new mount and PID namespaces, with
# the root filesystem read-only, /tmp a tmpfs, uid/gid 10001, deploy/kubernetes/collector/collector.yaml at
# /etc/guestbench/collector.yaml and TLS files with the Secret's mode (0440, group 10001).
# Checks `collector validate`, then `serve`: /healthz, /readyz and /metrics answer on loopback,
# the JVM flags are deploy/jvm/collector.options', with an agent jar a real agent (mutual TLS,
# a client certificate from the same CA) gets its results acknowledged and they show in /metrics,
# and SIGTERM makes it unready within 1 s and ends it with exit 0.
#   deploy/container/test-image.sh image/target/guestbench-collector-image.tar [agent/target/guestbench-agent.jar]
# Needs root (namespaces, chroot, mounts), jq, curl and openssl; the agent runs on the host's
# $JAVA_HOME (25+).
set -euo pipefail
image=$(readlink -f "${1:?usage: test-image.sh IMAGE.tar [AGENT.jar]}")
agent_jar=${2:+$(readlink -f "$2")}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
fail() { echo "test-image: FAIL: $*" >&2; exit 1; }

work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/image" "$work/root"
tar -xf "$image" -C "$work/image"
config=$work/image/$(jq -r '.[0].Config' "$work/image/manifest.json")
for layer in $(jq -r '.[0].Layers[]' "$work/image/manifest.json"); do
  tar --warning=no-unknown-keyword -xf "$work/image/$layer" -C "$work/root"
done

# What the image says about itself.
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t cmd < <(jq -r '.config.Cmd[]' "$config")
user=$(jq -r '.config.User' "$config")
[[ $user == 10001:10001 ]] || fail "image user is '$user', expected 10001:10001 (statefulset.yaml runAsUser)"
[[ ${entrypoint[1]} == @* ]] || fail "entrypoint ${entrypoint[*]} does not read an options file"
options=${entrypoint[1]#@}
cmp -s "$work/root$options" "$repo/deploy/jvm/collector.options" ||
  fail "$options in the image differs from deploy/jvm/collector.options"
[[ -x $work/root${entrypoint[0]} ]] || fail "no executable ${entrypoint[0]} in the image"

# The pod's mounts: config (ConfigMap), TLS (Secret, 0440 group 10001), state (claim), /tmp, /proc.
mkdir -p "$work/etc/tls" "$work/state" "$work/root/etc/guestbench" "$work/root/var/lib/guestbench" "$work/root/proc"
cp "$repo/deploy/kubernetes/collector/collector.yaml" "$work/etc/collector.yaml"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=test-ca \
  -keyout "$work/ca.key" -out "$work/etc/tls/ca.crt" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=guestbench-collector \
  -addext subjectAltName=DNS:localhost,IP:127.0.0.1 -keyout "$work/server.key" -out "$work/server.csr" 2>/dev/null
openssl x509 -req -in "$work/server.csr" -CA "$work/etc/tls/ca.crt" -CAkey "$work/ca.key" -days 2 \
  -copy_extensions copy -out "$work/etc/tls/tls.crt" 2>/dev/null
openssl pkcs8 -topk8 -nocrypt -in "$work/server.key" -out "$work/etc/tls/tls.key"
chown -R 0:10001 "$work/etc" && chmod 0440 "$work/etc/tls/"* && chmod 0750 "$work/etc/tls"
chmod 0444 "$work/etc/collector.yaml"
chown 10001:10001 "$work/state"

# run ARGS...: the image's entrypoint with ARGS as the pod runs it, as PID 1 of its own PID
# namespace, under the pod's host name (a StatefulSet pod's name: the collector's id).
run() {
  unshare --mount --pid --uts --fork --kill-child -- bash -euc '
    root=$1 etc=$2 state=$3; shift 3
    hostname guestbench-collector-0
    mount --make-rprivate /
    mount --bind "$root" "$root" && mount -o remount,bind,ro "$root"
    mount -t proc proc "$root/proc"
    mount -t tmpfs -o mode=1777,size=128m tmpfs "$root/tmp"
    mount --bind "$etc" "$root/etc/guestbench"
    mount --bind "$state" "$root/var/lib/guestbench"
    exec chroot --userspec=10001:10001 "$root" "$@"' \
    run "$work/root" "$work/etc" "$work/state" "${entrypoint[@]}" "$@"
}

run validate --config /etc/guestbench/collector.yaml >"$work/out" 2>&1 ||
  fail "collector validate in the image: $(cat "$work/out")"
echo "test-image: validate: $(head -n 1 "$work/out")"

run "${cmd[@]}" --bind 127.0.0.1 --grpc-port 0 --http-port 0 --ports-file /var/lib/guestbench/ports \
  >"$work/out" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  [[ -s $work/state/ports ]] && break
  kill -0 "$pid" 2>/dev/null || fail "serve exited: $(cat "$work/out")"
  sleep 0.1
done
[[ -s $work/state/ports ]] || fail "serve did not listen within 30 s: $(cat "$work/out")"
http=$(sed -n 's/^http=//p' "$work/state/ports")
base=http://127.0.0.1:$http
for path in /healthz /readyz; do
  curl -sf --max-time 5 "$base$path" >/dev/null || fail "$path did not answer 200"
done
metrics=$(curl -sf --max-time 10 "$base/metrics") || fail "/metrics did not answer 200"
grep -q '^guestbench_collector_' <<<"$metrics" || fail "/metrics has no guestbench_collector_ series"
grep -q '^jvm_' <<<"$metrics" || fail "/metrics has no JVM series"
# The JVM runs with the flags of deploy/jvm/collector.options (a sample of them).
jvm_pid=$(pgrep -P "$(pgrep -P "$pid" | head -n 1)" | head -n 1 || true)
[[ -n $jvm_pid ]] || jvm_pid=$(pgrep -P "$pid" | head -n 1)
cmdline=$(tr '\0' ' ' <"/proc/$jvm_pid/cmdline")
[[ $cmdline == *"@/app/resources/collector.options"* ]] || fail "JVM command line: $cmdline"
if [[ -n $agent_jar ]]; then
  # An agent with a client certificate (its agent_id as CN and DNS name, as the collector binds
  # them), one round of a short CPU plan; `run` with a finite plan exits 0 once all is acknowledged.
  grpc=$(sed -n 's/^grpc=//p' "$work/state/ports")
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=image-test-agent \
    -addext subjectAltName=DNS:image-test-agent -keyout "$work/agent.key0" -out "$work/agent.csr" 2>/dev/null
  openssl x509 -req -in "$work/agent.csr" -CA "$work/etc/tls/ca.crt" -CAkey "$work/ca.key" -days 2 \
    -copy_extensions copy -out "$work/agent.crt" 2>/dev/null
  openssl pkcs8 -topk8 -nocrypt -in "$work/agent.key0" -out "$work/agent.key" && chmod 600 "$work/agent.key"
  cat >"$work/agent.yaml" <<YAML
agent:
  labels: {experiment: image-test}
collector:
  address: localhost:$grpc
  tls: {ca_file: $work/etc/tls/ca.crt, cert_file: $work/agent.crt, key_file: $work/agent.key}
imds: {enabled: false}
plan:
  rounds: 1
  interval: 0s
  probes:
    - {probe: cpu.compute, kernel: int, warmup: 200ms, iterations: 3}
YAML
  timeout 120 "$JAVA_HOME/bin/java" "@$repo/deploy/jvm/agent.options" -jar "$agent_jar" run \
    --config "$work/agent.yaml" --agent-id image-test-agent --spool-dir "$work/spool" \
    >"$work/agent.out" 2>&1 || fail "agent run against the image: $(tail -n 20 "$work/agent.out")"
  # Read whole, then searched: `curl | grep -q` under pipefail fails when grep stops reading early.
  metrics=$(curl -sf --max-time 10 "$base/metrics") || fail "/metrics did not answer 200 after the agent"
  grep -q '^guestbench_cpu_compute.*agent_id="image-test-agent"' <<<"$metrics" ||
    fail "the agent's results are not in /metrics"
  echo "test-image: agent image-test-agent (mutual TLS): results acknowledged and in /metrics"
fi
[[ -d $work/state/journal ]] || fail "no journal in the state volume"
[[ $(stat -c %u "$work/state/journal") == 10001 ]] || fail "journal not owned by uid 10001"

grep -q 'collector guestbench-collector-0 listening' "$work/out" || fail "collector id is not the pod name: $(cat "$work/out")"
kill -TERM "$jvm_pid"
term_at=$(date +%s%N)
# Not ready within 1 s of SIGTERM (503, or no longer listening), as the Service needs.
unready=
for _ in $(seq 1 10); do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$base/readyz" || true)
  if [[ $code != 200 ]]; then unready=$code; break; fi
  sleep 0.1
done
[[ -n $unready ]] || fail "/readyz still 200 one second after SIGTERM"
for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "serve still running 30 s after SIGTERM"
wait "$pid" && status=0 || status=$?
pid=
stop_ms=$((($(date +%s%N) - term_at) / 1000000))
[[ $status == 0 ]] || fail "serve exited $status after SIGTERM: $(cat "$work/out")"
grep -q 'shutting down' "$work/out" || fail "no orderly shutdown: $(cat "$work/out")"
echo "test-image: serve: $(grep -m1 listening "$work/out")"
echo "test-image: /healthz /readyz /metrics answered as uid 10001 on a read-only root; SIGTERM -> /readyz $unready, exit 0 in ${stop_ms} ms"
echo "test-image: OK ($(du -h "$image" | cut -f1) image, $(du -sh "$work/root" | cut -f1) unpacked)"
