#!/usr/bin/env bash
# One command for the proxy-hop benchmark; see bench/README.md. Settings (environment):
#   WARMUP_S (20: least warm-up of the gateway)  WARMUP_MAX_S (120)  WARMUP_SLICE_S (10)  DURATION_S (15)
#   CONNECTIONS ("32 256")  TTFB_N (51)  SERVER_CPU (1)  LOAD_CPU (0)
#   PROFILE=1      record a JFR profile of the gateway during its measured runs (slightly slower)
#   GATEWAY_JAVA_OPTS_EXTRA   extra JVM flags for the gateway (JAVA_OPTS replaces launcher/gateway.sh's defaults)
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WARMUP_S=${WARMUP_S:-20}
DURATION_S=${DURATION_S:-15}
CONNECTIONS=${CONNECTIONS:-"32 256"}
TTFB_N=${TTFB_N:-51}
SERVER_CPU=${SERVER_CPU:-1}
LOAD_CPU=${LOAD_CPU:-0}
MOCK_PORT=18081
HOP_PORT=18082
GATEWAY_PORT=18083
BENCH_DB=bench_gateway  # not gw_*: the test suites drop leftover gw_* databases
PG_HOST=127.0.0.1
REDIS_HOST=127.0.0.1
GATEWAY_JAR=${GATEWAY_JAR:-$ROOT/launcher/target/launcher-0.1.0-SNAPSHOT-all.jar}
STAMP=$(date -u +%Y-%m-%d-%H%M)
RAW=$BENCH_DIR/results/raw/$STAMP
WORK=$BENCH_DIR/work
export WORK BENCH_DIR

source "$BENCH_DIR/lib/nginx.sh"
source "$BENCH_DIR/lib/gateway.sh"
source "$BENCH_DIR/lib/load.sh"

install_tools() {
  local missing=()
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v wrk >/dev/null || missing+=(wrk)
  command -v psql >/dev/null || missing+=(postgresql-client)
  if ((${#missing[@]})); then
    echo "installing ${missing[*]} with apt"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

GATEWAY_PID=
cleanup() {
  stop_nginx hop
  stop_nginx mock
  if [[ -n $GATEWAY_PID ]] && kill -0 "$GATEWAY_PID" 2>/dev/null; then
    kill "$GATEWAY_PID"
    # not this shell's child (started in a command substitution): poll until it has stopped
    for _ in $(seq 150); do
      kill -0 "$GATEWAY_PID" 2>/dev/null || break
      sleep 0.2
    done
  fi
  # the whole-run recording only keeps JFR warm for the measured one (gateway.jfr)
  rm -f "$RAW/gateway-all.jfr"
}

machine_info() {
  {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "kernel: $(uname -srmo)"
    echo "jdk: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
    echo "nginx: $(nginx -v 2>&1)"
    echo "wrk: $(wrk -v 2>&1 | head -1)"
    echo "postgres: $(psql -h "$PG_HOST" -U postgres -At -c 'show server_version')"
    echo "gateway commit: $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)$(git -C "$ROOT" diff --quiet 2>/dev/null || echo ' + uncommitted changes')"
    echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "gateway JVM flags: $(tr '\0' ' ' < "/proc/$GATEWAY_PID/cmdline")"
    echo
    lscpu
  } > "$RAW/machine.txt"
}

main() {
  install_tools
  build_gateway_if_missing
  mkdir -p "$RAW" "$WORK/tmp"
  rm -f "$WORK/gateway-counts"
  trap cleanup EXIT
  cleanup
  write_mock_conf "$WORK/mock.conf" "$MOCK_PORT"
  write_hop_conf "$WORK/hop.conf" "$HOP_PORT" "$MOCK_PORT"
  MOCK_PID=$(start_nginx mock "$WORK/mock.conf" "$SERVER_CPU")
  HOP_PID=$(start_nginx hop "$WORK/hop.conf" "$SERVER_CPU")
  recreate_database
  GATEWAY_PID=$(start_gateway "$SERVER_CPU")
  BENCH_KEY=$(provision_gateway)
  export BENCH_KEY
  POSTS_BEFORE=$(metric '^vertx_http_server_requests_total[{].*method="POST"')
  machine_info
  echo "cores: wrk and curl on CPU $LOAD_CPU; mock nginx (pid $MOCK_PID), hop nginx (pid $HOP_PID) and gateway JVM (pid $GATEWAY_PID) on CPU $SERVER_CPU"
  WARMUP_MAX_S=10 WARMUP_SLICE_S=5 run_target direct "$MOCK_PORT" "$(nginx_pids "$MOCK_PID")" 10
  WARMUP_MAX_S=10 WARMUP_SLICE_S=5 run_target hop "$HOP_PORT" "$(nginx_pids "$HOP_PID")" 10
  run_target gateway "$GATEWAY_PORT" "$GATEWAY_PID" "$WARMUP_S"
  for target in direct hop gateway; do
    measure_ttfb "$target"
  done
  check_gateway_accounting
  python3 "$BENCH_DIR/lib/report.py" "$RAW" "$BENCH_DIR/results/$STAMP.md"
}

main "$@"
