# Load generation and measurement: wrk runs, CPU and RSS from /proc, time to first byte, and the
# gateway's accounting check. Sourced by run.sh; results go to $RAW as JSON lines.

CLK_TCK=$(getconf CLK_TCK)
# Gateway totals, kept in a file as wrk_run runs in a subshell: responses wrk and curl received
# (warm-up included), and the upper bound of requests cut off when a wrk run stopped (its connections).
gateway_count() {
  local file=$WORK/gateway-counts sent=0 cut=0
  [[ -f $file ]] && read -r sent cut < "$file"
  echo "$((sent + $1)) $((cut + $2))" > "$file"
}

nginx_pids() {
  echo "$1 $(pgrep -P "$1" | tr '\n' ' ')"
}

# cpu_ticks PIDS...: user + system time of the processes (all their threads), in clock ticks.
cpu_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

# sys_ticks PIDS...: the system (kernel) part of cpu_ticks.
sys_ticks() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '{ sub(/^.*\) /, ""); print $13 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

rss_kib() {
  local total=0 pid
  for pid in "$@"; do
    total=$((total + $(awk '/^VmRSS/ { print $2 }' "/proc/$pid/status")))
  done
  echo "$total"
}

path_of() {
  local target=$1 kind=$2
  if [[ $target != gateway && $kind == sse ]]; then
    echo /sse/v1/chat/completions
  else
    echo /v1/chat/completions
  fi
}

# wrk_run TARGET PORT KIND CONNS SECONDS: runs wrk on the load CPU; echoes its BENCH_RESULT fields.
wrk_run() {
  local target=$1 port=$2 kind=$3 conns=$4 seconds=$5 out
  out=$(BENCH_BODY_FILE="$BENCH_DIR/conf/request-$kind.json" taskset -c "$LOAD_CPU" \
    wrk -t2 -c"$conns" -d"${seconds}s" -s "$BENCH_DIR/conf/chat.lua" "http://127.0.0.1:$port$(path_of "$target" "$kind")")
  echo "$out" >> "$RAW/wrk-$target.txt"
  local line
  line=$(grep '^BENCH_RESULT' <<< "$out" | sed 's/^BENCH_RESULT //')
  if [[ $target == gateway ]]; then
    gateway_count "$(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$line")" "$conns"
  fi
  echo "$line"
}

# run_target NAME PORT "PIDS" WARMUP_SECONDS: warm-up, then every kind x connections.
run_target() {
  local target=$1 port=$2 pids=$3 warmup=$4 kind conns
  warm_up "$target" "$port" "$pids" "$warmup"
  [[ $target == gateway && ${PROFILE:-0} == 1 ]] && jfr_start
  for kind in json sse; do
    for conns in $CONNECTIONS; do
      measure "$target" "$port" "$kind" "$conns" "$pids"
    done
  done
  [[ $target == gateway && ${PROFILE:-0} == 1 ]] && jfr_stop
  return 0
}

# warm_up TARGET PORT "PIDS" MIN_SECONDS: alternates JSON and SSE slices of WARMUP_SLICE_S at 32
# connections for at least MIN_SECONDS, then until the CPU time per request of each kind changed by
# less than 10 % from its previous slice (the JIT has settled), WARMUP_MAX_S at most.
warm_up() {
  local target=$1 port=$2 pids=$3 min=$4 slice=${WARMUP_SLICE_S:-10} elapsed=0 kind line before
  local -A last=() settled=()
  echo "== $target: warm-up (at least ${min} s, slices of ${slice} s)"
  while ((elapsed < ${WARMUP_MAX_S:-120})); do
    for kind in json sse; do
      # shellcheck disable=SC2086
      before=$(cpu_ticks $pids)
      line=$(wrk_run "$target" "$port" "$kind" 32 "$slice")
      # shellcheck disable=SC2086
      local per=$(( ($(cpu_ticks $pids) - before) * 1000000 / CLK_TCK / ($(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$line") + 1) ))
      echo "   warm-up $kind: $(sed 's/.*requests=\([0-9]*\).*/\1/' <<< "$line") requests, ${per} µs CPU/request"
      settled[$kind]=0
      if [[ -n ${last[$kind]:-} ]] && (( per * 10 >= last[$kind] * 9 && per * 10 <= last[$kind] * 11 )); then
        settled[$kind]=1
      fi
      last[$kind]=$per
      elapsed=$((elapsed + slice))
    done
    (( elapsed >= min && settled[json] == 1 && settled[sse] == 1 )) && break
  done
  echo "warm-up of $target: ${elapsed} s" >> "$RAW/warmup.txt"
}

# core_ticks CPU: "busy total" clock ticks of one CPU since boot (/proc/stat), to see how much of the
# server CPU everything (the target, the mock, PostgreSQL, other jobs) used during a run.
core_ticks() {
  awk -v cpu="cpu$1" '$1 == cpu { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

measure() {
  local target=$1 port=$2 kind=$3 conns=$4 pids=$5 before after fields core0 core1 sys0
  # shellcheck disable=SC2086
  before=$(cpu_ticks $pids)
  # shellcheck disable=SC2086
  sys0=$(sys_ticks $pids)
  core0=$(core_ticks "$SERVER_CPU")
  fields=$(wrk_run "$target" "$port" "$kind" "$conns" "$DURATION_S")
  # shellcheck disable=SC2086
  after=$(cpu_ticks $pids)
  core1=$(core_ticks "$SERVER_CPU")
  local busy=$(( ($(cut -d' ' -f1 <<< "$core1") - $(cut -d' ' -f1 <<< "$core0")) * 100
    / ($(cut -d' ' -f2 <<< "$core1") - $(cut -d' ' -f2 <<< "$core0") + 1) ))
  # shellcheck disable=SC2086
  echo "target=$target kind=$kind conns=$conns $fields cpu_ticks=$((after - before)) clk_tck=$CLK_TCK sys_ticks=$(( $(sys_ticks $pids) - sys0 )) rss_kib=$(rss_kib $pids) core_busy_pct=$busy" \
    | tee -a "$RAW/runs.txt"
}

# measure_ttfb TARGET: N streamed requests one after another on one kept-alive connection.
measure_ttfb() {
  local target=$1 port url args=() i
  case $target in
    direct) port=$MOCK_PORT ;;
    hop) port=$HOP_PORT ;;
    gateway) port=$GATEWAY_PORT ;;
  esac
  url="http://127.0.0.1:$port$(path_of "$target" sse)"
  for ((i = 0; i < TTFB_N; i++)); do
    args+=(-o /dev/null "$url")
  done
  taskset -c "$LOAD_CPU" curl -s -H "Authorization: Bearer $BENCH_KEY" -H 'Content-Type: application/json' \
    --data-binary "@$BENCH_DIR/conf/request-sse.json" -w "ttfb target=$target code=%{http_code} s=%{time_starttransfer}\n" \
    "${args[@]}" | tee -a "$RAW/ttfb.txt" | awk '$3 != "code=200" { bad++ } END { if (bad) exit 1 }'
  [[ $target == gateway ]] && gateway_count "$TTFB_N" 0
  return 0
}

jfr_start() {
  taskset -c "$LOAD_CPU" jcmd "$GATEWAY_PID" JFR.start name=bench settings="$BENCH_DIR/conf/profile.jfc" \
    filename="$RAW/gateway.jfr" >/dev/null
}

jfr_stop() {
  taskset -c "$LOAD_CPU" jcmd "$GATEWAY_PID" JFR.stop name=bench >/dev/null
  python3 "$BENCH_DIR/lib/jfr_top.py" "$RAW/gateway.jfr" > "$RAW/profile.txt" || true
}

# The gateway's own count of chat requests it handled, against the stored logs and the bill.
check_gateway_accounting() {
  wait_outbox_drained
  local answered resets sent cut
  read -r sent cut < "$WORK/gateway-counts"
  answered=$(metric '^vertx_http_server_requests_total[{].*method="POST"')
  resets=$(metric '^vertx_http_server_request_resets_total')
  answered=$((answered - POSTS_BEFORE))
  db "select 'logs=' || count(*) || ' distinct_ids=' || count(distinct request_id)
        || ' logs_amount=' || coalesce(sum(used_amount), 0) || ' ok_rows=' || count(*) filter (where code = 200)
        from logs" > "$RAW/accounting.txt"
  db "select 'ledger=' || count(*) || ' ledger_amount=' || coalesce(sum(amount), 0) from billing_ledger" >> "$RAW/accounting.txt"
  db "select 'token_spend=' || coalesce(sum(used_amount), 0) || ' token_requests=' || coalesce(sum(request_count), 0)
        from token_spend" >> "$RAW/accounting.txt"
  db "select 'group_spend=' || coalesce(sum(used_amount), 0) || ' group_requests=' || coalesce(sum(request_count), 0)
        from group_spend" >> "$RAW/accounting.txt"
  echo "gateway_answered=$answered gateway_resets=$resets client_received=$sent client_cut_off_max=$cut" \
    >> "$RAW/accounting.txt"
}
