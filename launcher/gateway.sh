#!/usr/bin/env bash
# Runs the all-in-one gateway with the recommended JVM settings (see README, "JVM settings").
# JAVA_OPTS replaces the defaults below; JAVA_OPTS_EXTRA is added after them; GATEWAY_JAR points at
# another jar. Every gateway setting is an environment variable, passed through unchanged.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${GATEWAY_JAR:-$here/target/launcher-0.1.0-SNAPSHOT-all.jar}
# Memory is set deliberately (see README, "JVM settings"): a fixed 160 MiB heap holds the live set
# (~55 MiB, most of it the token vocabularies) plus a full in-memory outbox (OUTBOX_MAX_IN_MEMORY,
# 10,000 events of ~1 KiB by default); a 48 MiB young generation with large survivor spaces keeps
# in-flight requests from being promoted; direct memory holds Netty's socket buffers. SerialGC: on
# one or two CPUs it matches ParallelGC's throughput with less memory, and G1 is slower here.
# Resident size stays under 300 MiB at 256 connections.
defaults=(-Xms160m -Xmx160m -Xmn48m -XX:SurvivorRatio=4 -XX:MaxDirectMemorySize=64m -XX:+UseSerialGC
  -XX:+ExitOnOutOfMemoryError)
# glibc's per-thread malloc arenas only add resident memory for a JVM.
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
if [[ -n ${JAVA_OPTS:-} ]]; then
  read -r -a defaults <<< "$JAVA_OPTS"
fi
extra=()
if [[ -n ${JAVA_OPTS_EXTRA:-} ]]; then
  read -r -a extra <<< "$JAVA_OPTS_EXTRA"
fi
exec java "${defaults[@]}" "${extra[@]}" -jar "$jar" "$@"
