#!/bin/sh
# The provisioning step of guestbench-agent.pkr.hcl, run as root on both builder instances (PV and
# HVM): installs the JDK and the guestbench release the file provisioners uploaded, checks the
# guest type the agent detects, and leaves the image for cloud-init to configure on first boot.
# Environment: GUESTBENCH_VERSION (the release's version), EXPECTED_VIRT_TYPE (xen-pv or xen-hvm).
set -eu

jdk=/tmp/guestbench-jdk.tar.gz
release=/tmp/guestbench-release.tar.gz
agent=/opt/guestbench/current/bin/guestbench-agent

say() { echo "bake-agent: $*"; }
fail() {
  echo "bake-agent: $*" >&2
  exit 1
}

: "${GUESTBENCH_VERSION:?GUESTBENCH_VERSION is not set}"
: "${EXPECTED_VIRT_TYPE:?EXPECTED_VIRT_TYPE is not set}"
command -v systemctl >/dev/null 2>&1 || fail "the base image has no systemd; the agent runs as a systemd unit"
command -v cloud-init >/dev/null 2>&1 || fail "the base image has no cloud-init; the AMIs read their settings from user-data"
command -v runuser >/dev/null 2>&1 || fail "the base image has no runuser (util-linux); user-data validates the config as the agent's user"
# Let the builder's own first boot finish before its cloud-init state is cleaned below.
cloud-init status --wait >/dev/null 2>&1 || true

# The JDK, where the launchers look for one (/usr/lib/jvm/*).
jdk_dir=$(tar -tzf "$jdk" | head -n 1 | cut -d / -f 1)
[ -n "$jdk_dir" ] || fail "$jdk: an empty archive"
mkdir -p /usr/lib/jvm
tar -xzf "$jdk" -C /usr/lib/jvm --no-same-owner
java=/usr/lib/jvm/$jdk_dir/bin/java
[ -x "$java" ] || fail "$jdk: no bin/java under its top directory $jdk_dir"
spec=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
[ "${spec%%.*}" -ge 25 ] 2>/dev/null || fail "$jdk: Java ${spec:-?}, the agent needs 25 or newer"
say "JDK $spec in /usr/lib/jvm/$jdk_dir"

# The release, installed by its own install.sh: unit installed, not enabled.
work=$(mktemp -d)
tar -xzf "$release" -C "$work" --no-same-owner
home=$work/guestbench-$GUESTBENCH_VERSION
[ -f "$home/install.sh" ] || fail "$release: no guestbench-$GUESTBENCH_VERSION/install.sh inside (is it the $GUESTBENCH_VERSION release tarball?)"
bash "$home/install.sh"
[ -x "$agent" ] || fail "install.sh left no $agent"
if systemctl is-enabled --quiet guestbench-agent.service; then
  fail "guestbench-agent.service is enabled; the image must leave that to user-data"
fi
say "installed $(cat "$home/VERSION" 2>/dev/null || echo "$GUESTBENCH_VERSION"), guestbench-agent.service installed and not enabled"

# The builder instance runs the base image: the agent must see the type this AMI is meant to be.
"$agent" facts --no-imds
detected=$("$agent" facts --no-imds | awk '$1 == "virt_type" { print $2 }')
case "$EXPECTED_VIRT_TYPE:$detected" in
  xen-pv:xen-pv | xen-hvm:xen-hvm) say "guest type $detected" ;;
  xen-pv:* | xen-hvm:xen-pv)
    fail "the agent detects ${detected:-nothing} on this builder instance, expected $EXPECTED_VIRT_TYPE: check the base image's virtualization type" ;;
  *) # Older families may run on Xen-on-Nitro hardware; the agent reports what it sees, with evidence.
    say "warning: the agent detects $detected, not $EXPECTED_VIRT_TYPE; its facts above say why" ;;
esac

rm -rf "$work" "$jdk" "$release"
# The next boot, from the new AMI, is a first boot again: it runs the user-data.
cloud-init clean --logs
say "done"
