#!/usr/bin/env bash
# Each consumer's rate with few and with many matters stored (issue #18: "each consumer's events per second with
# 100,000 stored matters are at least 0.8x their rate with 1,000"). Supervision's, notification's and reporting's
# listeners, as ./duban runs them, consume intake's events of synthetic matters: the records intake's relay
# published for one real matter and its assignment (CaseRegistered + AssignmentIssued, read back from
# duban.intake.events), each UUID but the unit's replaced, produced straight to Kafka. Rate of a consumer = a
# window of WINDOW matters (500: 1,000 events) produced at once onto an idle platform ÷ the time until its group has committed
# them all; first with the stores nearly empty, then after MATTERS (101,000) in all, the filler produced with a lead
# of at most LEAD matters over the slowest consumer. Baseline, same run, same broker, after each window: a consumer
# of our own reads the window's records again, committing each as the listeners do (the broker's share of the rate).
#
#   bench/consumer-scaling/run.sh                    # ~500 vs ~100,000 matters stored; a fresh target/bench-consumer-scaling
#   MATTERS=21000 bench/consumer-scaling/run.sh      # ~500 vs ~20,000
#   MAX_MINUTES=30 …                                 # the filler stops 30 min after the program began; the last window is then measured
#                                                    # with what is stored, and the time the rest would take is printed
#
# Settings: MATTERS (101000), WINDOW (500), LEAD (2000), MAX_MINUTES (60), BUILD (1: build the jars first; 0: use those
# built), FRESH (1: an empty data directory, so that "stored" is what this run made; 0: keep it), PORT_BASE (34280:
# gateway 34280 … reporting 34284, management ports PORT_BASE+100…, Kafka PORT_BASE+12 and +13, the store
# PORT_BASE-63), DUBAN_DATA_DIR (target/bench-consumer-scaling). Needs a JDK. On a shared machine run it through
# /work/bin/bench-lock and compare with the baseline. Stops the platform at the end (and on any failure).
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
HERE=$ROOT/bench/consumer-scaling
MATTERS=${MATTERS:-101000} WINDOW=${WINDOW:-500} LEAD=${LEAD:-2000} MAX_MINUTES=${MAX_MINUTES:-60}
BUILD=${BUILD:-1} FRESH=${FRESH:-1} PORT_BASE=${PORT_BASE:-34280}
for setting in MATTERS WINDOW LEAD MAX_MINUTES PORT_BASE; do
  [[ ${!setting} =~ ^[0-9]+$ ]] || { echo "bench: $setting must be a whole number, not '${!setting}'" >&2; exit 1; }
done
((MATTERS >= 2 * WINDOW)) || { echo "bench: MATTERS must be at least twice WINDOW" >&2; exit 1; }

export DUBAN_DATA_DIR=${DUBAN_DATA_DIR:-$ROOT/target/bench-consumer-scaling} DUBAN_START_TIMEOUT=${DUBAN_START_TIMEOUT:-600}
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
CLASSES=$ROOT/target/bench-consumer-scaling-classes
rm -rf "$CLASSES" && mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$CLASSPATH" "$HERE/ConsumerScaling.java"

trap '"$ROOT/duban" stop >/dev/null 2>&1 || true' EXIT
echo "Starting the platform in $DUBAN_DATA_DIR (gateway :$DUBAN_GATEWAY_PORT, Kafka :$DUBAN_KAFKA_PORT, store :$DUBAN_MONGO_PORT)…"
if [[ $FRESH == 1 ]]; then
  # only a data directory this bench owns is emptied
  [[ $DUBAN_DATA_DIR == "$ROOT/target/bench-consumer-scaling" ]] \
    || { echo "bench: FRESH=1 empties only target/bench-consumer-scaling; with DUBAN_DATA_DIR set, set FRESH=0" >&2; exit 1; }
  rm -rf "$DUBAN_DATA_DIR"
fi
mkdir -p "$DUBAN_DATA_DIR"
"$ROOT/duban" start --detach >"$DUBAN_DATA_DIR/bench-start.log" 2>&1 || { cat "$DUBAN_DATA_DIR/bench-start.log" >&2; exit 1; }
sleep 5 # the applications' first rounds (topics, indexes, consumer groups joining) settle
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); code: $(git -C "$ROOT" log -1 --format='%h %cs' 2>/dev/null || echo '?')"

java -cp "$CLASSES:$CLASSPATH" ConsumerScaling \
  gateway="http://localhost:$DUBAN_GATEWAY_PORT" kafka="localhost:$DUBAN_KAFKA_PORT" \
  matters="$MATTERS" window="$WINDOW" lead="$LEAD" maxMinutes="$MAX_MINUTES" 2> >(grep -v '^SLF4J' >&2)
