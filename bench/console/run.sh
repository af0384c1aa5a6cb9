#!/usr/bin/env bash
# The console's cost over the API it calls: the board (督办看板) and the matter list (信访事项) rendered
# through the gateway with 10,000 matters and 2,000 open assignments on the board, beside the bare API
# call each page makes, measured with wrk in the same run. Target: a page adds at most 50 ms at p95.
#
#   bench/console/run.sh                 # starts its own platform in target/bench-console (ports 18080…);
#                                        # seeds it once (about 15 min on 2 cores), later runs reuse the data
#   GATEWAY=http://localhost:8080 bench/console/run.sh   # against a platform already running (and seeded)
#
# Settings: MATTERS (10000), ASSIGNMENTS (2000), UNITS (40), CLIENTS (8, while seeding), CONNECTIONS (1: the
# latency one person sees, each page against its call; more measure the two cores' capacity instead),
# DURATION (90s: the local store's list call varies a lot), WARMUP (10s). Needs wrk (apt install wrk), curl and a JDK.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
HERE=$ROOT/bench/console
MATTERS=${MATTERS:-10000} ASSIGNMENTS=${ASSIGNMENTS:-2000} UNITS=${UNITS:-40} CLIENTS=${CLIENTS:-8}
CONNECTIONS=${CONNECTIONS:-1} DURATION=${DURATION:-90s} WARMUP=${WARMUP:-10s}
command -v wrk >/dev/null || { echo "bench: needs wrk (apt install wrk)" >&2; exit 1; }

if [[ -z ${GATEWAY:-} ]]; then
  export DUBAN_DATA_DIR=$ROOT/target/bench-console DUBAN_START_TIMEOUT=600
  export DUBAN_GATEWAY_PORT=18080 DUBAN_INTAKE_PORT=18081 DUBAN_SUPERVISION_PORT=18082 DUBAN_NOTIFICATION_PORT=18083
  export DUBAN_REPORTING_PORT=18084 DUBAN_CONSOLE_PORT=18085 DUBAN_KAFKA_PORT=19092 DUBAN_KAFKA_CONTROLLER_PORT=19093
  export DUBAN_MONGO_PORT=27118
  trap '"$ROOT/duban" stop >/dev/null' EXIT
  "$ROOT/duban" start --detach >/dev/null
  GATEWAY=http://localhost:$DUBAN_GATEWAY_PORT
  [[ -f $DUBAN_DATA_DIR/bench-seeded ]] || SEED=true
fi

token() {
  curl -fsS -X POST "$GATEWAY/api/v1/dev/tokens" -H 'Content-Type: application/json' -d "$1" \
    | sed -E 's/.*"token":"([^"]+)".*/\1/'
}
TOKEN=$(token '{"subject":"bench","roles":["SUPERVISOR"]}')

if [[ ${SEED:-false} == true ]]; then
  echo "Seeding $MATTERS matters and $ASSIGNMENTS assignments over $UNITS units…"
  java "$HERE/Seed.java" "$GATEWAY" "$TOKEN" "$MATTERS" "$ASSIGNMENTS" "$UNITS" "$CLIENTS"
  echo "Waiting until the board holds every open assignment…"
  on_board() { # 0 while supervision is too busy to answer within the gateway's timeout
    curl -fsS --max-time 30 "$GATEWAY/api/v1/alerts?size=1" -H "Authorization: Bearer $TOKEN" 2>/dev/null \
      | sed -nE 's/.*"totalElements":([0-9]+).*/\1/p' | grep . || echo 0
  }
  until (($(on_board) >= ASSIGNMENTS)); do sleep 5; done
  touch "$DUBAN_DATA_DIR/bench-seeded"
fi

# A supervisor's console session, signed in as a person would (the sign-in form with its CSRF token).
JAR=$(mktemp)
CSRF=$(curl -fsS -c "$JAR" "$GATEWAY/signin" | sed -nE 's/.*name="_csrf" value="([^"]+)".*/\1/p' | head -1)
curl -fsS -b "$JAR" -c "$JAR" -o /dev/null -X POST "$GATEWAY/signin" \
  --data-urlencode "_csrf=$CSRF" --data-urlencode "subject=bench" --data-urlencode "role=SUPERVISOR"
SESSION=$(awk '$6 == "DUBAN_CONSOLE" {print $7}' "$JAR")
[[ -n $SESSION ]] || { echo "bench: could not sign in to the console" >&2; exit 1; }
curl -fsS -o /dev/null -b "DUBAN_CONSOLE=$SESSION" "$GATEWAY/board" || { echo "bench: the board does not answer" >&2; exit 1; }

THREADS=$((CONNECTIONS < 2 ? 1 : 2))
measure() { # url, header
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s -H "$2" "$1" >/dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s -H "$2" -s "$HERE/percentiles.lua" "$1" | sed -n 's/^RESULT //p'
}
field() { sed -E "s/.*$1=([0-9.]+).*/\\1/" <<<"$2"; }

ALERTS=$(curl -fsS "$GATEWAY/api/v1/alerts?kind=ASSIGNMENT&page=0&size=20" -H "Authorization: Bearer $TOKEN" \
  | sed -E 's/.*"totalElements":([0-9]+).*/\1/')
CASES=$(curl -fsS "$GATEWAY/api/v1/cases?page=0&size=1" -H "Authorization: Bearer $TOKEN" \
  | sed -E 's/.*"totalElements":([0-9]+).*/\1/')
echo "Data: $CASES matters, $ALERTS open assignments on the board; wrk $CONNECTIONS connections, $DURATION after $WARMUP warm-up"

declare -A PAGE=([board]="/board" [matters]="/matters")
declare -A API=([board]="/api/v1/alerts?kind=ASSIGNMENT&page=0&size=20" [matters]="/api/v1/cases?page=0&size=20")
printf '%-10s %-40s %9s %9s %9s\n' page "measured" "p50 ms" "p95 ms" "req/s"
for page in board matters; do
  api=$(measure "$GATEWAY${API[$page]}" "Authorization: Bearer $TOKEN")
  html=$(measure "$GATEWAY${PAGE[$page]}" "Cookie: DUBAN_CONSOLE=$SESSION")
  printf '%-10s %-40s %9s %9s %9s\n' "$page" "API ${API[$page]%%\?*}" "$(field p50 "$api")" "$(field p95 "$api")" "$(field rps "$api")"
  printf '%-10s %-40s %9s %9s %9s\n' "" "page ${PAGE[$page]}" "$(field p50 "$html")" "$(field p95 "$html")" "$(field rps "$html")"
  added=$(awk -v a="$(field p95 "$api")" -v b="$(field p95 "$html")" 'BEGIN {printf "%.1f", b - a}')
  printf '%-10s %-40s %9s %9s\n' "" "added by the page (target ≤ 50 ms)" "" "$added"
  [[ $(field non2xx "$html") == 0 && $(field errors "$html") == 0 ]] || echo "  (the page answered errors: $html)"
done
rm -f "$JAR"
