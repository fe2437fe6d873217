# nginx configurations of the mock upstream and of the proxy_pass hop; sourced by run.sh.

# write_mock_conf FILE PORT: the mock answers /v1/chat/completions with the canned JSON completion and
# /sse/v1/chat/completions with the canned SSE stream (nginx cannot route on the request body, so the
# stream variant has its own path; the gateway reaches it through a second channel).
write_mock_conf() {
  local file=$1 port=$2 name=mock
  cat > "$file" <<CONF
worker_processes 1;
error_log $WORK/$name-error.log warn;
pid $WORK/$name.pid;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 600s;
  client_body_buffer_size 64k;
  client_body_temp_path $WORK/tmp/$name-body;
  proxy_temp_path $WORK/tmp/$name-proxy;
  server {
    listen 127.0.0.1:$port backlog=4096;
    location = /v1/chat/completions {
      default_type application/json;
      return 200 '$(cat "$BENCH_DIR/conf/response.json")';
    }
    location = /sse/v1/chat/completions {
      default_type text/event-stream;
      return 200 '$(cat "$BENCH_DIR/conf/response.sse")';
    }
  }
}
CONF
}

# write_hop_conf FILE PORT UPSTREAM_PORT: a plain reverse proxy with pooled upstream connections; the
# stream path is proxied unbuffered, as SSE should be.
write_hop_conf() {
  local file=$1 port=$2 upstream=$3 name=hop
  cat > "$file" <<CONF
worker_processes 1;
error_log $WORK/$name-error.log warn;
pid $WORK/$name.pid;
events { worker_connections 8192; }
http {
  access_log off;
  keepalive_requests 100000000;
  keepalive_timeout 600s;
  client_body_buffer_size 64k;
  client_body_temp_path $WORK/tmp/$name-body;
  proxy_temp_path $WORK/tmp/$name-proxy;
  upstream mock {
    server 127.0.0.1:$upstream;
    keepalive 1024;
    keepalive_requests 100000000;
    keepalive_timeout 600s;
  }
  server {
    listen 127.0.0.1:$port backlog=4096;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    location / {
      proxy_pass http://mock;
    }
    location /sse/ {
      proxy_buffering off;
      proxy_pass http://mock;
    }
  }
}
CONF
}

# start_nginx NAME CONF CPU: starts a master and one worker pinned to CPU; echoes the master pid.
start_nginx() {
  local name=$1 conf=$2 cpu=$3
  nginx -t -q -c "$conf" -p "$WORK/" >/dev/null
  taskset -c "$cpu" nginx -c "$conf" -p "$WORK/"
  for _ in $(seq 50); do
    [[ -s $WORK/$name.pid ]] && break
    sleep 0.1
  done
  cat "$WORK/$name.pid"
}

stop_nginx() {
  local name=$1
  if [[ -s $WORK/$name.pid ]]; then
    kill "$(cat "$WORK/$name.pid")" 2>/dev/null || true
    rm -f "$WORK/$name.pid"
  fi
}
