#!/usr/bin/env bash
# Builds a small local base image for the collector, without a Docker engine or a registry: Debian's
# glibc (libc6, libgcc-s1, fetched with apt-get download) plus a jlink'ed Java runtime from the JDK
# at $JAVA_HOME, laid out like eclipse-temurin's JRE images (/opt/java/openjdk), written as a
# `docker save` tarball that Jib reads with `tar://`. For builds that cannot pull
# eclipse-temurin:25-jre (CI here); users build on that image (image/pom.xml, profile image).
#   deploy/container/build-base-image.sh OUT.tar
set -euo pipefail
out=$(readlink -f "${1:?usage: build-base-image.sh OUT.tar}")
java_home=${JAVA_HOME:?JAVA_HOME must point at a JDK 25}
# What the collector's jar needs (jdeps --print-module-deps) and jcmd for thread dumps.
modules=java.base,java.desktop,java.naming,java.net.http,java.sql,jdk.httpserver,jdk.jfr,jdk.management,jdk.unsupported,jdk.jcmd

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
mkdir -p "$root" "$work/debs"
# apt-get download runs as its sandbox user _apt, who must be able to write here.
chmod 755 "$work" && chmod 777 "$work/debs"

# glibc, and libgcc_s that glibc loads for thread cancellation. Only these: the runtime bundles zlib
# and needs nothing else (ldd of its libraries, X11 ones aside, which a headless server never loads).
(cd "$work/debs" && apt-get download -q libc6 libgcc-s1 >/dev/null)
for deb in "$work"/debs/*.deb; do
  dpkg-deb -x "$deb" "$root"
done
rm -rf "$root/usr/share/doc" "$root/usr/share/lintian" "$root/usr/share/locale" "$root/usr/share/man"

"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output "$root/opt/java/openjdk"

mkdir -p "$root/etc" "$root/tmp" "$root/app"
chmod 1777 "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nguestbench:x:10001:10001:guestbench:/tmp:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nguestbench:x:10001:\nnogroup:x:65534:\n' >"$root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"

# One layer, reproducible: sorted names, numeric root ownership, fixed times.
tar --sort=name --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$root" -cf "$work/layer.tar" .
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)
java_version=$("$root/opt/java/openjdk/bin/java" -version 2>&1 | head -n 1 | tr -d '"\\')
cat >"$work/config.json" <<JSON
{"architecture":"amd64","os":"linux",
 "config":{"Env":["PATH=/opt/java/openjdk/bin:/usr/bin:/bin","JAVA_HOME=/opt/java/openjdk","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/container/build-base-image.sh: libc6 libgcc-s1 + jlink ($java_version)"}]}
JSON
printf '[{"Config":"config.json","RepoTags":["guestbench-base:local"],"Layers":["layer.tar"]}]\n' >"$work/manifest.json"
tar --numeric-owner --owner=0 --group=0 --mtime=@0 -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1), $java_version)"
