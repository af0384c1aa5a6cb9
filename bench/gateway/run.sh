#!/usr/bin/env bash
# The gateway's own cost: the same static backend (nginx serving a small JSON document) called directly,
# through nginx as a reverse proxy (keep-alive upstream, as one would run it in production) and through the
# gateway jar, on its public path and on an authenticated one (a unit's RS256 token signed by the gateway's
# dev-token endpoint), measured with wrk in one run on one machine. Then a long run at high concurrency
# that counts every answer that is not 2xx and every 503: a healthy backend must never see any.
# Targets (issue #14): gateway ≥ 0.5× nginx's req/s; ≤ 2 ms added at p50 over the direct call; zero non-2xx
# answers at 64 connections for 60 s.
#
#   bench/gateway/run.sh                          # asks Maven for the gateway jar if it is missing
#   GATEWAY_JAR=/tmp/old/gateway.jar bench/gateway/run.sh     # measures another build (e.g. main's)
#   JFR=target/bench-gateway/gateway.jfr bench/gateway/run.sh # records the gateway with JFR (profile)
#   FLOOR=1 bench/gateway/run.sh   # + bench/gateway-floor's bare Reactor Netty forwarders (bench/gateway-floor/run.sh)
#
# Every target is warmed up (WARMUP each) before any is measured; then two measurements per target: the
# latency one caller sees (LATENCY_CONNECTIONS, 1) — "added" is its p50 over the direct call's — and the
# throughput (CONNECTIONS, 32): req/s, the ratio to nginx, and "CPU µs", the CPU time the target's own
# processes used per answer (the gateway JVM; nginx's workers; for "direct", the backend). (Once a target is
# saturated a closed-loop client's p50 is only connections ÷ req/s, so latency is read at one connection.)
# On a machine others share, req/s and latencies move with their load; CPU per answer moves much less.
# "non-2xx" counts wrk's errors.status (answers with a status of 400 or more); the soak looks at every status.
# Settings: CONNECTIONS (32), LATENCY_CONNECTIONS (1), DURATION (20s), LATENCY_DURATION (10s),
# WARMUP (30s: after 20 s the gateway's token path was still being compiled once, 2026-12-06),
# SOAK_CONNECTIONS (64), SOAK_DURATION (60s), GATEWAY_JAVA_OPTS (default: ./duban's DEFAULT_JAVA_OPTS and
# DEFAULT_GATEWAY_JAVA_OPTS, read from the script; any other variable the gateway reads, e.g. DUBAN_TRACING_SAMPLING, is passed on),
# PORT_BASE (21100: uses PORT_BASE … PORT_BASE+3; with FLOOR … PORT_BASE+12), WORK (target/bench-gateway: configuration,
# keys, logs), SOAK_DURATION=0 to leave the soak out.
# Needs wrk and nginx (apt install wrk nginx), openssl, curl and a JDK. Everything it starts it stops on exit.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh" # bench_duban_default
HERE=$ROOT/bench/gateway
CONNECTIONS=${CONNECTIONS:-32} LATENCY_CONNECTIONS=${LATENCY_CONNECTIONS:-1}
DURATION=${DURATION:-20s} LATENCY_DURATION=${LATENCY_DURATION:-10s} WARMUP=${WARMUP:-30s}
SOAK_CONNECTIONS=${SOAK_CONNECTIONS:-64} SOAK_DURATION=${SOAK_DURATION:-60s}
PORT_BASE=${PORT_BASE:-21100}
WORK=${WORK:-$ROOT/target/bench-gateway}
for tool in wrk nginx openssl curl java; do
  command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt install wrk nginx)" >&2; exit 1; }
done
NGINX=$(command -v nginx)
BACKEND_PORT=$PORT_BASE PROXY_PORT=$((PORT_BASE + 1)) GATEWAY_PORT=$((PORT_BASE + 2))
GATEWAY_MANAGEMENT_PORT=$((PORT_BASE + 3))

GATEWAY_JAR=${GATEWAY_JAR:-$ROOT/gateway/target/gateway-0.1.0-SNAPSHOT.jar}
if [[ ! -f $GATEWAY_JAR ]]; then
  echo "Building the gateway jar…"
  (cd "$ROOT" && ./mvnw -o -q -pl gateway -am package -DskipTests)
fi
# the JVM options ./duban starts the gateway with (every application's, then the gateway's own: C2), so that the
# figures are the platform's
DUBAN_JAVA_OPTS=$(bench_duban_default DEFAULT_JAVA_OPTS)
[[ -n $DUBAN_JAVA_OPTS ]] || { echo "bench: cannot read DEFAULT_JAVA_OPTS from ./duban" >&2; exit 1; }
DUBAN_GATEWAY_DEFAULTS=$(bench_duban_default DEFAULT_GATEWAY_JAVA_OPTS)
read -r -a JAVA_OPTS <<<"${GATEWAY_JAVA_OPTS-$DUBAN_JAVA_OPTS${DUBAN_GATEWAY_DEFAULTS:+ $DUBAN_GATEWAY_DEFAULTS}}"
[[ -z ${JFR:-} ]] || JAVA_OPTS+=("-XX:StartFlightRecording=filename=$JFR,settings=profile")

rm -rf "$WORK" && mkdir -p "$WORK/www/api/v1/units" "$WORK/www/api/v1/public" "$WORK/keys" "$WORK/nginx"
PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all EXIT

# The backend: one nginx worker answering every path with the same small JSON document (a page of units).
BODY='{"content":[{"id":"unit-42","name":"市信访局","contact":"clerk-7"}],"page":0,"size":20,"totalElements":1}'
printf '%s' "$BODY" >"$WORK/www/units.json"
nginx_conf() { # name, workers, server block
  cat >"$WORK/nginx/$1.conf" <<CONF
worker_processes $2;
pid $WORK/nginx/$1.pid;
error_log $WORK/nginx/$1-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/$1-body;
  proxy_temp_path $WORK/nginx/$1-proxy;
  fastcgi_temp_path $WORK/nginx/$1-fastcgi;
  uwsgi_temp_path $WORK/nginx/$1-uwsgi;
  scgi_temp_path $WORK/nginx/$1-scgi;
  keepalive_requests 100000;
  $3
}
CONF
  "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/$1.conf" -g 'daemon off; user root;' &
  PIDS+=($!)
  NGINX_PID=$!
}
nginx_conf backend 1 "server {
    listen 127.0.0.1:$BACKEND_PORT;
    default_type application/json;
    location / { root $WORK/www; try_files /units.json =404; }
  }"
BACKEND_PID=$NGINX_PID
# The reverse proxy a production deployment would put there: HTTP/1.1 keep-alive to the upstream.
nginx_conf proxy auto "upstream backend { server 127.0.0.1:$BACKEND_PORT; keepalive 64; }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection \"\";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }"
PROXY_PID=$NGINX_PID

# The gateway, alone: the local profile (dev tokens) with a key pair of its own, every service at the backend.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/keys/jwt-private.pem" 2>/dev/null
openssl pkey -in "$WORK/keys/jwt-private.pem" -pubout -out "$WORK/keys/jwt-public.pem"
BACKEND=http://127.0.0.1:$BACKEND_PORT
env SERVER_PORT=$GATEWAY_PORT SERVER_ADDRESS=127.0.0.1 \
  MANAGEMENT_SERVER_PORT=$GATEWAY_MANAGEMENT_PORT MANAGEMENT_SERVER_ADDRESS=127.0.0.1 \
  SPRING_PROFILES_ACTIVE=local DUBAN_JWT_ISSUER=duban-local \
  DUBAN_JWT_PUBLIC_KEY_LOCATION="file:$WORK/keys/jwt-public.pem" \
  DUBAN_JWT_PRIVATE_KEY_LOCATION="file:$WORK/keys/jwt-private.pem" \
  INTAKE_URL=$BACKEND SUPERVISION_URL=$BACKEND NOTIFICATION_URL=$BACKEND REPORTING_URL=$BACKEND CONSOLE_URL=$BACKEND \
  java "${JAVA_OPTS[@]}" -jar "$GATEWAY_JAR" >"$WORK/gateway.log" 2>&1 &
PIDS+=($!)
GATEWAY_PID=$!
STARTED=$(date +%s%N)
for _ in $(seq 240); do
  curl -fsS -o /dev/null "http://127.0.0.1:$GATEWAY_MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null && break
  kill -0 "$GATEWAY_PID" 2>/dev/null || { echo "bench: the gateway did not start, see $WORK/gateway.log" >&2; exit 1; }
  sleep 0.5
done
READY_MS=$((($(date +%s%N) - STARTED) / 1000000))
TOKEN=$(curl -fsS -X POST "http://127.0.0.1:$GATEWAY_PORT/api/v1/dev/tokens" -H 'Content-Type: application/json' \
  -d '{"subject":"clerk-7","roles":["UNIT"],"unitId":"unit-42"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
[[ $TOKEN == ey* ]] || { echo "bench: no dev token from the gateway" >&2; exit 1; }

declare -A URL=(
  [direct]="http://127.0.0.1:$BACKEND_PORT/api/v1/units"
  [nginx]="http://127.0.0.1:$PROXY_PORT/api/v1/units"
  [gateway-public]="http://127.0.0.1:$GATEWAY_PORT/api/v1/public/units"
  [gateway-token]="http://127.0.0.1:$GATEWAY_PORT/api/v1/units")
# the same request everywhere (a unit's token in it) but on the gateway's public path, where callers have none
AUTH="Authorization: Bearer $TOKEN"
declare -A HEADER=([direct]=$AUTH [nginx]=$AUTH [gateway-public]="Accept: application/json" [gateway-token]=$AUTH)
# the process whose CPU and memory count for a target (with its children: nginx's workers)
declare -A SERVER=([direct]=$BACKEND_PID [nginx]=$PROXY_PID [gateway-public]=$GATEWAY_PID [gateway-token]=$GATEWAY_PID)
TARGETS=(direct nginx)
# FLOOR: eight more targets between nginx and the gateway (adds to TARGETS, URL, HEADER, SERVER)
[[ -z ${FLOOR:-} ]] || source "$ROOT/bench/gateway-floor/floor.sh"
TARGETS+=(gateway-public gateway-token)
for target in "${TARGETS[@]}"; do
  curl -fsS -o /dev/null -H "${HEADER[$target]}" "${URL[$target]}" \
    || { echo "bench: $target does not answer 200" >&2; exit 1; }
done

# CPU time (clock ticks) used so far by a process and its children (nginx's workers)
cpu_ticks() {
  local pid total=0
  for pid in "$1" $(pgrep -P "$1"); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
TICK=$(getconf CLK_TCK)
# resident memory of a process and its children, MB
rss_mb() {
  local pid total=0
  for pid in "$1" $(pgrep -P "$1"); do
    total=$((total + $(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}
run() { # target, connections, duration, [script]; adds cpu_us=<CPU µs of the target per request>
  local before result
  before=$(cpu_ticks "${SERVER[$1]}")
  result=$(wrk -t"$(($2 < 2 ? 1 : 2))" -c"$2" -d"$3" --timeout 10s -H "${HEADER[$1]}" -s "${4:-$HERE/summary.lua}" \
    "${URL[$1]}" | sed -n 's/^RESULT //p')
  awk -v r="$result" -v ticks=$(($(cpu_ticks "${SERVER[$1]}") - before)) -v hz="$TICK" 'BEGIN {
    match(r, /requests=[0-9]+/); n = substr(r, RSTART + 9, RLENGTH - 9)
    printf "%s cpu_us=%.0f\n", r, (n > 0 ? ticks * 1000000 / hz / n : 0) }'
}
field() { sed -E "s/.*$1=([0-9.]+).*/\\1/" <<<"$2"; }
declare -A LAT THR
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
# every target warmed up before any is measured: the gateway's JIT compiles both of its paths first
for target in "${TARGETS[@]}"; do
  run "$target" "$CONNECTIONS" "$WARMUP" >/dev/null
done
for target in "${TARGETS[@]}"; do
  LAT[$target]=$(run "$target" "$LATENCY_CONNECTIONS" "$LATENCY_DURATION")
  THR[$target]=$(run "$target" "$CONNECTIONS" "$DURATION")
done

echo "gateway: $(basename "$GATEWAY_JAR"), JVM options: ${JAVA_OPTS[*]}"
echo "wrk: latency at $LATENCY_CONNECTIONS connection(s) for $LATENCY_DURATION, throughput at $CONNECTIONS connections for $DURATION, each after $WARMUP of warm-up"
echo "load average before the warm-up: $LOAD_BEFORE; after the measurements: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-15s | %9s %9s %9s | %9s %9s %9s %8s %8s | %8s %10s %7s\n' target "p50 ms" "p99 ms" "added" \
  "req/s" "p50 ms" "p99 ms" "CPU µs" "non-2xx" "×nginx" "errors" "RSS MB"
direct_p50=$(field p50 "${LAT[direct]}")
nginx_rps=$(field rps "${THR[nginx]}")
for target in "${TARGETS[@]}"; do
  lat=${LAT[$target]} thr=${THR[$target]}
  printf '%-15s | %9s %9s %9s | %9s %9s %9s %8s %8s | %8s %10s %7s\n' "$target" "$(field p50 "$lat")" "$(field p99 "$lat")" \
    "$(awk -v a="$(field p50 "$lat")" -v d="$direct_p50" 'BEGIN {printf "%+.2f", a - d}')" \
    "$(field rps "$thr")" "$(field p50 "$thr")" "$(field p99 "$thr")" "$(field cpu_us "$thr")" \
    "$(($(field non2xx "$lat") + $(field non2xx "$thr")))" \
    "$(awk -v a="$(field rps "$thr")" -v n="$nginx_rps" 'BEGIN {printf "%.2f", a / n}')" \
    "$(($(field errors "$lat") + $(field errors "$thr")))" "$(rss_mb "${SERVER[$target]}")"
done

[[ -z ${FLOOR:-} ]] || floor_summary
if [[ ${SOAK_DURATION%s} != 0 ]]; then
  echo "Soak: $SOAK_CONNECTIONS connections for $SOAK_DURATION on the gateway's authenticated path…"
  soak=$(run gateway-token "$SOAK_CONNECTIONS" "$SOAK_DURATION" "$HERE/statuses.lua")
  printf 'soak: %s req/s, p50 %s ms, p99 %s ms, %s answers: %s non-2xx (%s × 503), %s socket errors\n' \
    "$(field rps "$soak")" "$(field p50 "$soak")" "$(field p99 "$soak")" "$(field requests "$soak")" \
    "$(field non2xx "$soak")" "$(field s503 "$soak")" "$(field errors "$soak")"
fi
echo "gateway: ready after $READY_MS ms, $(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' "/proc/$GATEWAY_PID/status") RSS after the runs" \
  "(peak $(awk '/VmHWM/ {printf "%d MB", $2 / 1024}' "/proc/$GATEWAY_PID/status"))"
echo "gateway log: $WORK/gateway.log ($(grep -c ' WARN ' "$WORK/gateway.log" || true) warnings," \
  "$(grep -c 'is unavailable' "$WORK/gateway.log" || true) 'is unavailable')"
