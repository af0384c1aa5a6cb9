#!/usr/bin/env bash
# The local store's write path before and after issue #17, in one run on one machine: the same workloads
# (StoreWrites.java) against the store as it was — mongo-java-server's H2 backend, which answered a write
# before it was on disk — and the store ./duban runs now (local-infra.jar mongo: every write committed and
# synced to its file before it is answered, writes arriving together sharing one sync). Both on a fresh file
# under WORK, with the JVM options ./duban gives the store. The difference is the price of durability.
#
#   bench/store-writes/run.sh            # N=2000 writes per workload
#   N=5000 WORK=/mnt/disk/bench bench/store-writes/run.sh   # another disk
#
# Settings: N (2000), PORT (27900: uses PORT and PORT+1), WORK (target/bench-store-writes). Needs a JDK; builds
# deploy/local first, so that the store measured is this checkout's. Everything it starts it stops on exit.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh" # bench_duban_default
HERE=$ROOT/bench/store-writes
N=${N:-2000} PORT=${PORT:-27900}
WORK=${WORK:-$ROOT/target/bench-store-writes}
INFRA_JAR=$ROOT/deploy/local/target/local-infra-0.1.0-SNAPSHOT.jar
echo "Building local-infra (the store measured is this checkout's)…"
(cd "$ROOT" && ./mvnw -o -q -pl deploy/local -am package -Dmaven.test.skip=true >/dev/null)
rm -rf "$WORK" && mkdir -p "$WORK"
(cd "$ROOT" && ./mvnw -o -q -pl deploy/local dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null)
CLASSPATH=$(<"$WORK/classpath.txt")
read -r -a JAVA_OPTS <<<"$(bench_duban_default DEFAULT_JAVA_OPTS)"
# the store as ./duban runs it: its own defaults after the common options
read -r -a STORE_DEFAULTS <<<"$(bench_duban_default DEFAULT_MONGO_JAVA_OPTS)"

PID=
stop() { [[ -z $PID ]] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }; }
trap stop EXIT
await_port() {
  for _ in $(seq 240); do (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.25; done
  echo "bench: the store on port $1 did not start" >&2; exit 1
}
cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$PID/stat"; }
measure() { # port → RESULT lines; STORE_CPU: the store process's CPU (user + system) in ms during the workloads
  local before=$(cpu_ms)
  java -cp "$CLASSPATH" "$HERE/StoreWrites.java" measure "$1" "$N" 2>/dev/null | sed -n 's/^RESULT //p'
  echo "CPU|$(( $(cpu_ms) - before ))"
}

echo "Before: mongo-java-server's H2 backend (answers before the write is on disk)…"
java "${JAVA_OPTS[@]}" "${STORE_DEFAULTS[@]}" -cp "$CLASSPATH" "$HERE/StoreWrites.java" serve "$WORK/before/duban.mv" "$PORT" \
  >"$WORK/before.log" 2>&1 &
PID=$!
await_port "$PORT"
BEFORE=$(measure "$PORT")
stop

echo "After: local-infra.jar mongo, as ./duban runs it (every write committed and synced first)…"
env DUBAN_DATA_DIR="$WORK/after" DUBAN_MONGO_PORT=$((PORT + 1)) java "${JAVA_OPTS[@]}" "${STORE_DEFAULTS[@]}" -jar "$INFRA_JAR" mongo \
  >"$WORK/after.log" 2>&1 &
PID=$!
await_port $((PORT + 1))
AFTER=$(measure $((PORT + 1)))
stop

echo
echo "$N writes per workload, documents of about 1 KB, $(nproc) cores, file system of $WORK: $(df -T "$WORK" | awk 'NR==2 {print $2}')"
printf '%-26s | %10s %8s %8s | %10s %8s %8s | %8s\n' workload "before/s" "p50 ms" "p99 ms" "after/s" "p50 ms" "p99 ms" "after÷before"
paste -d'|' <(echo "$BEFORE" | grep -v '^CPU') <(echo "$AFTER" | grep -v '^CPU') | awk -F'|' '{
  printf "%-26s | %10s %8s %8s | %10s %8s %8s | %8.2f\n", $1, $2, $3, $4, $6, $7, $8, $6 / $2 }'
# the store's CPU (user + system) over all the workloads — the warm-up's 300 inserts and the 3 × N writes — per write
awk -v b="${BEFORE##*CPU|}" -v a="${AFTER##*CPU|}" -v w=$((300 + 3 * N - N % 8)) \
  'BEGIN { printf "%-26s | %10.3f %17s | %10.3f %17s | %8.2f\n", "store CPU ms per write", b / w, "", a / w, "", a / b }'
