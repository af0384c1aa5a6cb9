#!/usr/bin/env bash
# The outbox relay's rate with 1,000 and with 100,000 documents already stored, in one run on one machine
# (issue #18: the cost of an event must not grow with the data). The store and the broker are this checkout's
# local-infra.jar, as ./duban runs them (every write synced; the broker fsyncs before it acknowledges); the relay,
# the writer and the publisher are the platform's own classes (RelayScaling.java), with the services' settings.
# Two rates per size: while 8 callers write (the relay keeps up or falls behind), and a backlog stored while no
# relay ran, published by a relay starting (the relay's own rate, whatever the writers' pace).
#
#   bench/relay-scaling/run.sh                    # STORED="1000 100000", EVENTS=2000, WRITERS=8
#   STORED="1000 10000 100000" bench/relay-scaling/run.sh
#
# Settings: STORED, EVENTS, WRITERS, PORT (27950: the store on PORT, the broker on PORT+1 and PORT+2), WORK
# (target/bench-relay-scaling). Needs a JDK; builds platform and deploy/local first. Stops what it starts.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh" # bench_duban_default
HERE=$ROOT/bench/relay-scaling
STORED=${STORED:-1000 100000} EVENTS=${EVENTS:-2000} WRITERS=${WRITERS:-8} PORT=${PORT:-27950}
WORK=${WORK:-$ROOT/target/bench-relay-scaling}
INFRA_JAR=$ROOT/deploy/local/target/local-infra-0.1.0-SNAPSHOT.jar
echo "Building platform and local-infra (what is measured is this checkout's)…"
(cd "$ROOT" && ./mvnw -o -q -pl platform,deploy/local -am package -Dmaven.test.skip=true >/dev/null)
rm -rf "$WORK" && mkdir -p "$WORK"
(cd "$ROOT" && ./mvnw -o -q -pl platform -am package dependency:build-classpath -Dmaven.test.skip=true \
  -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null)
CLASSPATH="$ROOT/platform/target/classes:$(<"$WORK/classpath.txt")"
read -r -a JAVA_OPTS <<<"$(bench_duban_default DEFAULT_JAVA_OPTS)"
# the store as ./duban runs it: its own defaults after the common options
read -r -a STORE_DEFAULTS <<<"$(bench_duban_default DEFAULT_MONGO_JAVA_OPTS)"

PIDS=()
stop() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; PIDS=(); }
trap stop EXIT
await_port() {
  for _ in $(seq 480); do (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.25; done
  echo "bench: nothing answers on port $1" >&2; exit 1
}
export DUBAN_DATA_DIR=$WORK/data DUBAN_MONGO_PORT=$PORT DUBAN_KAFKA_PORT=$((PORT + 1)) \
  DUBAN_KAFKA_CONTROLLER_PORT=$((PORT + 2))
java "${JAVA_OPTS[@]}" "${STORE_DEFAULTS[@]}" -jar "$INFRA_JAR" mongo >"$WORK/mongo.log" 2>&1 &
PIDS+=($!)
java "${JAVA_OPTS[@]}" -jar "$INFRA_JAR" kafka >"$WORK/kafka.log" 2>&1 &
PIDS+=($!)
await_port "$PORT"
await_port $((PORT + 1))

RESULTS=()
for stored in $STORED; do
  echo "$stored documents stored, then $EVENTS events written by $WRITERS callers…"
  RESULTS+=("$(java -cp "$CLASSPATH" "$HERE/RelayScaling.java" "$PORT" $((PORT + 1)) "$stored" "$EVENTS" "$WRITERS" \
    2>"$WORK/run-$stored.log" | sed -n 's/^RESULT //p')")
done

echo
echo "$EVENTS events, one per new document, $WRITERS writers, $(nproc) cores; the relay as the services run it"
echo "(while writing: the relay keeps pace with the writers or not; backlog: $EVENTS events stored while no relay ran, then"
echo " published by a relay starting — the relay's own rate)"
printf '%12s | %10s | %14s | %18s | %8s | %17s | %8s\n' stored "writes/s" "relay events/s" "relay after last s" "÷ first" \
  "backlog events/s" "÷ first"
FIRST= FIRST_DRAIN=
for line in "${RESULTS[@]}"; do
  IFS='|' read -r stored writes relay after drain <<<"$line"
  FIRST=${FIRST:-$relay} FIRST_DRAIN=${FIRST_DRAIN:-$drain}
  printf '%12s | %10s | %14s | %18s | %8.2f | %17s | %8.2f\n' "$stored" "$writes" "$relay" "$after" \
    "$(echo "$relay / $FIRST" | bc -l)" "$drain" "$(echo "$drain / $FIRST_DRAIN" | bc -l)"
done
