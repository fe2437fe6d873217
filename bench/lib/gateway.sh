# The gateway under test: a fresh database, the all-in-one launcher pinned to one CPU, and its
# configuration (model configs, two channels on the mock, a group and a token) made through the
# admin API. Sourced by run.sh.

ADMIN_KEY=bench-admin-key

recreate_database() {
  psql -q -h "$PG_HOST" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB" >/dev/null
}

build_gateway_if_missing() {
  if [[ ! -f $GATEWAY_JAR ]]; then
    echo "building the launcher jar (mvn -B -q install -DskipTests)"
    (cd "$ROOT" && mvn -B -q install -DskipTests)
  fi
}

# start_gateway CPU: echoes the JVM's pid once /healthz answers.
start_gateway() {
  local cpu=$1
  rm -rf "$WORK/gateway-data"
  mkdir -p "$WORK/gateway-data"
  (
    export SQL_DSN="postgres://postgres@$PG_HOST:5432/$BENCH_DB"
    export REDIS_CONN_STRING="redis://$REDIS_HOST:6379"
    export ADMIN_KEY LISTEN="127.0.0.1:$GATEWAY_PORT" DATA_DIR="$WORK/gateway-data"
    export OUTBOX_JOURNAL_DIR="$WORK/gateway-data/outbox" LOG_LEVEL="${GATEWAY_LOG_LEVEL:-INFO}"
    export GATEWAY_JAR JAVA_OPTS_EXTRA="${GATEWAY_JAVA_OPTS_EXTRA:-}"
    if [[ ${PROFILE:-0} == 1 ]]; then
      # JFR from the start, so that starting the measured recording later costs the JVM nothing
      JAVA_OPTS_EXTRA+=" -XX:StartFlightRecording=settings=$BENCH_DIR/conf/profile.jfc,filename=$RAW/gateway-all.jfr"
    fi
    exec taskset -c "$cpu" "$ROOT/launcher/gateway.sh"
  ) > "$WORK/gateway.log" 2>&1 &
  local pid=$!
  for _ in $(seq 120); do
    if curl -fsS "http://127.0.0.1:$GATEWAY_PORT/healthz" >/dev/null 2>&1; then
      # the launcher script execs java, so the subshell's pid is the JVM's
      echo "$pid"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "the gateway did not start; see $WORK/gateway.log" >&2
  tail -30 "$WORK/gateway.log" >&2
  return 1
}

admin() {
  local method=$1 path=$2 body=${3:-}
  curl -fsS -X "$method" -H "Authorization: Bearer $ADMIN_KEY" -H 'Content-Type: application/json' \
    ${body:+-d "$body"} "http://127.0.0.1:$GATEWAY_PORT$path"
}

# provision_gateway: echoes the token key.
provision_gateway() {
  local price='{"input_price":0.00015,"output_price":0.0006}'
  admin POST /api/model_config/gpt-bench "{\"owner\":\"openai\",\"type\":1,\"price\":$price}" >/dev/null
  admin POST /api/model_config/gpt-bench-stream "{\"owner\":\"openai\",\"type\":1,\"price\":$price}" >/dev/null
  admin POST /api/channel/ "{\"type\":8,\"name\":\"mock-json\",\"key\":\"sk-mock\",\"base_url\":\"http://127.0.0.1:$MOCK_PORT/v1\",\"models\":[\"gpt-bench\"]}" >/dev/null
  admin POST /api/channel/ "{\"type\":8,\"name\":\"mock-sse\",\"key\":\"sk-mock\",\"base_url\":\"http://127.0.0.1:$MOCK_PORT/sse/v1\",\"models\":[\"gpt-bench-stream\"]}" >/dev/null
  admin POST /api/group/bench '{}' >/dev/null
  admin POST /api/token/bench '{"name":"wrk"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["key"])'
}

# metric NAME_REGEX: the sum of the gateway's Prometheus samples whose name and labels match.
metric() {
  curl -fsS "http://127.0.0.1:$GATEWAY_PORT/metrics" \
    | awk -v re="$1" '$0 !~ /^#/ && $1 ~ re { s += $2 } END { printf "%.0f\n", s }'
}

wait_outbox_drained() {
  for _ in $(seq 120); do
    [[ $(metric '^outbox_pending') == 0 ]] && return 0
    sleep 0.5
  done
  echo "the outbox did not drain within 60 s" >&2
  return 1
}

db() {
  psql -h "$PG_HOST" -U postgres -d "$BENCH_DB" -At -v ON_ERROR_STOP=1 -c "$1"
}
