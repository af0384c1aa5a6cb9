#!/usr/bin/env bash
# The local Kafka broker with and without an fsync before each acknowledgement (issue #17), in one run on one
# machine: the same producer workloads (KafkaFlush.java: acks=all, idempotent, records of about 1 KB, one at a
# time as the outbox relay sends, then 8 in flight) against local-infra.jar kafka with Kafka's default flush
# policy (DUBAN_KAFKA_FLUSH_MESSAGES=os: the operating system writes when it likes) and as ./duban runs it now
# (log.flush.interval.messages=1). Each broker on a fresh directory under WORK, with ./duban's JVM options.
#
#   bench/kafka-flush/run.sh             # N=2000 records per workload
#   N=5000 WORK=/mnt/disk/bench bench/kafka-flush/run.sh
#
# Settings: N (2000), PORT (19500: uses PORT and PORT+1), WORK (target/bench-kafka-flush). Needs a JDK; builds
# deploy/local first. Everything it starts it stops on exit.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh" # bench_duban_default
HERE=$ROOT/bench/kafka-flush
N=${N:-2000} PORT=${PORT:-19500}
WORK=${WORK:-$ROOT/target/bench-kafka-flush}
INFRA_JAR=$ROOT/deploy/local/target/local-infra-0.1.0-SNAPSHOT.jar
echo "Building local-infra (the broker measured is this checkout's)…"
(cd "$ROOT" && ./mvnw -o -q -pl deploy/local -am package -Dmaven.test.skip=true >/dev/null)
rm -rf "$WORK" && mkdir -p "$WORK"
CLASSPATH="$ROOT/deploy/local/target/lib/*"
read -r -a JAVA_OPTS <<<"$(bench_duban_default DEFAULT_JAVA_OPTS)"

PID=
stop() { [[ -z $PID ]] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }; }
trap stop EXIT
await_port() {
  for _ in $(seq 480); do (: <"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.25; done
  echo "bench: the broker on port $1 did not start" >&2; exit 1
}
measure() { # flush-setting name → RESULT lines
  env DUBAN_DATA_DIR="$WORK/$2" DUBAN_KAFKA_PORT="$PORT" DUBAN_KAFKA_CONTROLLER_PORT=$((PORT + 1)) \
    DUBAN_KAFKA_FLUSH_MESSAGES="$1" java "${JAVA_OPTS[@]}" -jar "$INFRA_JAR" kafka >"$WORK/$2.log" 2>&1 &
  PID=$!
  await_port "$PORT"
  java -cp "$CLASSPATH" "$HERE/KafkaFlush.java" "$PORT" "$N" 2>/dev/null | sed -n 's/^RESULT //p'
  stop
}

echo "Before: Kafka's default, the operating system flushes…"
BEFORE=$(measure os before)
echo "After: an fsync of the partition's log before each acknowledgement, as ./duban runs it…"
AFTER=$(measure 1 after)

echo
echo "$N records per workload, about 1 KB, acks=all, $(nproc) cores, file system of $WORK: $(df -T "$WORK" | awk 'NR==2 {print $2}')"
printf '%-16s | %10s %8s %8s | %10s %8s %8s | %8s\n' workload "before/s" "p50 ms" "p99 ms" "after/s" "p50 ms" "p99 ms" "after÷before"
paste -d'|' <(echo "$BEFORE") <(echo "$AFTER") | awk -F'|' '{
  printf "%-16s | %10s %8s %8s | %10s %8s %8s | %8.2f\n", $1, $2, $3, $4, $6, $7, $8, $6 / $2 }'
