#!/usr/bin/env bash
# Runs the all-in-one gateway with the recommended JVM settings (see README, "JVM settings").
# JAVA_OPTS replaces the defaults below; JAVA_OPTS_EXTRA is added after them; GATEWAY_JAR points at
# another jar. Every gateway setting is an environment variable, passed through unchanged.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=${GATEWAY_JAR:-$here/target/launcher-0.1.0-SNAPSHOT-all.jar}
# A fixed, small heap keeps the resident size predictable (the gateway keeps little per request);
# direct memory holds Netty's socket buffers; ParallelGC (Serial on one CPU) beats G1 on
# throughput and tail latency for this allocation pattern.
defaults=(-Xms256m -Xmx256m -XX:MaxDirectMemorySize=128m -XX:+UseParallelGC
  -XX:+ExitOnOutOfMemoryError)
if [[ -n ${JAVA_OPTS:-} ]]; then
  read -r -a defaults <<< "$JAVA_OPTS"
fi
extra=()
if [[ -n ${JAVA_OPTS_EXTRA:-} ]]; then
  read -r -a extra <<< "$JAVA_OPTS_EXTRA"
fi
exec java "${defaults[@]}" "${extra[@]}" -jar "$jar" "$@"
