#!/usr/bin/env bash
# Issue #18's burst: CLIENTS callers (8) each register a matter and issue its assignment through the gateway,
# one pair after another, for DURATION seconds (60), with the dev tokens of the README's walk-through; then
# how long after the last answered call (a) the supervision board, (b) the unit's inbox and (c) reporting's
# statistics count every assignment issued (each polled through the gateway every POLL_MS, goal ≤ 10 s); and
# the events per second intake's outbox relay published and each consumer's listeners handled, from their
# /actuator/prometheus (duban_outbox_published_total, spring_kafka_listener_seconds_count; reporting, whose
# listener takes a poll at a time: duban_projection_events_total).
# Baseline, same run, same broker: raw Kafka with the platform's pattern and nothing else — records of a real
# AssignmentIssued record's size and headers produced one at a time, each waiting for its acknowledgement (as
# the relay publishes), consumed by one consumer committing each record (as the services' listeners, ack-mode
# record): the events per second the broker itself allows on that path, the ceiling of the relay and of a
# consumer if they did no work of their own.
#
#   bench/capacity/run.sh                 # its own platform in target/bench-capacity, ports 34080…
#   DURATION=20 bench/capacity/run.sh     # a quick run
#
# What it does (Capacity.java, run with `java` and the kafka-clients jars of deploy/local/target/lib): builds
# the jars (BUILD=0: use those built), starts `./duban start --detach` with its own ports and data directory,
# a warm-up unit gets WARMUP pairs (waited for until every view counts them), then a new unit gets the burst.
# The data directory is kept between runs (the stores grow with every run, as on a real office's machine);
# DUBAN_DATA_DIR=… another. Stops the platform at the end (and on any failure).
#
# Settings: DURATION (60), CLIENTS (8), POLL_MS (100), GOAL (10), CATCH_UP_LIMIT (900 s), WARMUP (16), BUILD (1),
# PORT_BASE (34080: gateway 34080 … reporting 34084, console 34085, management ports PORT_BASE+100…, Kafka
# PORT_BASE+12 and +13, the store PORT_BASE-63), DUBAN_APPS (every application but the console, which takes no
# part), DUBAN_DATA_DIR (target/bench-capacity). Needs curl and a JDK. On a shared machine run it through
# /work/bin/bench-lock (one benchmark at a time) and compare with the baseline, not with other days.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
HERE=$ROOT/bench/capacity
DURATION=${DURATION:-60} CLIENTS=${CLIENTS:-8} POLL_MS=${POLL_MS:-100} GOAL=${GOAL:-10}
CATCH_UP_LIMIT=${CATCH_UP_LIMIT:-900} WARMUP=${WARMUP:-16} BUILD=${BUILD:-1} PORT_BASE=${PORT_BASE:-34080}
for setting in DURATION CLIENTS POLL_MS GOAL CATCH_UP_LIMIT WARMUP PORT_BASE; do
  [[ ${!setting} =~ ^[0-9]+$ ]] || { echo "bench: $setting must be a whole number, not '${!setting}'" >&2; exit 1; }
done

export DUBAN_DATA_DIR=${DUBAN_DATA_DIR:-$ROOT/target/bench-capacity} DUBAN_START_TIMEOUT=${DUBAN_START_TIMEOUT:-600}
export DUBAN_APPS=${DUBAN_APPS:-gateway intake-service supervision-service notification-service reporting-service}
export DUBAN_GATEWAY_PORT=$PORT_BASE DUBAN_INTAKE_PORT=$((PORT_BASE + 1)) DUBAN_SUPERVISION_PORT=$((PORT_BASE + 2))
export DUBAN_NOTIFICATION_PORT=$((PORT_BASE + 3)) DUBAN_REPORTING_PORT=$((PORT_BASE + 4)) DUBAN_CONSOLE_PORT=$((PORT_BASE + 5))
export DUBAN_GATEWAY_MANAGEMENT_PORT=$((PORT_BASE + 100)) DUBAN_INTAKE_MANAGEMENT_PORT=$((PORT_BASE + 101))
export DUBAN_SUPERVISION_MANAGEMENT_PORT=$((PORT_BASE + 102)) DUBAN_NOTIFICATION_MANAGEMENT_PORT=$((PORT_BASE + 103))
export DUBAN_REPORTING_MANAGEMENT_PORT=$((PORT_BASE + 104)) DUBAN_CONSOLE_MANAGEMENT_PORT=$((PORT_BASE + 105))
export DUBAN_KAFKA_PORT=$((PORT_BASE + 12)) DUBAN_KAFKA_CONTROLLER_PORT=$((PORT_BASE + 13)) DUBAN_MONGO_PORT=$((PORT_BASE - 63))
unset KAFKA_BOOTSTRAP_SERVERS MONGODB_URI

# the launcher refuses a busy port itself; say which one before building anything
for port in $PORT_BASE $((PORT_BASE + 1)) $((PORT_BASE + 2)) $((PORT_BASE + 3)) $((PORT_BASE + 4)) $((PORT_BASE + 12)) \
  $((PORT_BASE + 13)) $((PORT_BASE - 63)) $((PORT_BASE + 100)) $((PORT_BASE + 101)) $((PORT_BASE + 102)) \
  $((PORT_BASE + 103)) $((PORT_BASE + 104)); do
  if (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "bench: port $port is in use by another process (a platform of an earlier run? \`DUBAN_DATA_DIR=$DUBAN_DATA_DIR ./duban stop\`); free it or set PORT_BASE" >&2
    exit 1
  fi
done

if [[ $BUILD == 1 ]]; then
  echo "Building the jars (what is measured is this checkout's code)…"
  # -DskipTests rather than the launcher's -Dmaven.test.skip: the services depend on platform's test jar
  (cd "$ROOT" && ./mvnw -o -q -DskipTests -T 1C package \
    -pl deploy/local,"$(tr ' ' , <<<"$DUBAN_APPS")" -am >/dev/null)
fi

LIB=$ROOT/deploy/local/target/lib
CLASSPATH=$(ls "$LIB"/kafka-clients-*.jar "$LIB"/slf4j-api-*.jar "$LIB"/lz4-java-*.jar "$LIB"/snappy-java-*.jar \
  "$LIB"/zstd-jni-*.jar | paste -sd:)
# compiled before anything starts, so that a mistake in it costs no platform start
CLASSES=$ROOT/target/bench-capacity-classes
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$CLASSPATH" "$HERE/Capacity.java"

trap '"$ROOT/duban" stop >/dev/null 2>&1 || true' EXIT
echo "Starting the platform in $DUBAN_DATA_DIR (gateway :$DUBAN_GATEWAY_PORT, Kafka :$DUBAN_KAFKA_PORT, store :$DUBAN_MONGO_PORT)…"
mkdir -p "$DUBAN_DATA_DIR"
"$ROOT/duban" start --detach >"$DUBAN_DATA_DIR/bench-start.log" 2>&1 || { cat "$DUBAN_DATA_DIR/bench-start.log" >&2; exit 1; }
sleep 5 # the applications' first rounds (topics, indexes, consumer groups joining) settle
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); code: $(git -C "$ROOT" log -1 --format='%h %cs' 2>/dev/null || echo '?')"

management() { echo "http://127.0.0.1:$1"; }
java -cp "$CLASSES:$CLASSPATH" Capacity \
  gateway="http://localhost:$DUBAN_GATEWAY_PORT" kafka="localhost:$DUBAN_KAFKA_PORT" \
  metrics="intake-service=$(management $DUBAN_INTAKE_MANAGEMENT_PORT),supervision-service=$(management $DUBAN_SUPERVISION_MANAGEMENT_PORT),notification-service=$(management $DUBAN_NOTIFICATION_MANAGEMENT_PORT),reporting-service=$(management $DUBAN_REPORTING_MANAGEMENT_PORT)" \
  clients="$CLIENTS" duration="$DURATION" pollMillis="$POLL_MS" goal="$GOAL" catchUpLimit="$CATCH_UP_LIMIT" \
  warmup="$WARMUP" 2> >(grep -v '^SLF4J' >&2)
