#!/usr/bin/env bash
# How long the local Kafka broker takes to answer after a SIGKILL, against its session timeout (issue #14's CI
# time): KafkaRestart.java starts `local-infra.jar kafka` (./duban's JVM options) fresh, then ROUNDS times after a
# clean stop and after a SIGKILL, for each session timeout in SESSIONS (Kafka's default 9000 first: the baseline);
# each start timed to its port (what ./duban waits for) and to a new producer's first acknowledged record. Then
# HOGS busy shell loops saturate the machine for STRESS_SECONDS while a record goes out every 100 ms, and the
# broker's log is searched for fencings (a session that ran out; a kill usually causes one, of the killed broker). Last,
# the broker is stopped whole (SIGSTOP) for each of STALLS seconds: fenced or not, and how soon a record goes through.
#
#   bench/kafka-restart/run.sh        # SESSIONS="9000 4500 3000" ROUNDS=3 HOGS=8 STRESS_SECONDS=60 STALLS=2,3,4,6
#   SESSIONS="9000 4500" ROUNDS=5 bench/kafka-restart/run.sh
#
# Settings: SESSIONS, ROUNDS, HOGS, STRESS_SECONDS, STALLS, PORT (19600: uses PORT and PORT+1), WORK
# (target/bench-kafka-restart). Needs a JDK; builds deploy/local first. Everything it starts it stops.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh" # bench_duban_default
HERE=$ROOT/bench/kafka-restart
SESSIONS=${SESSIONS:-9000 4500 3000} ROUNDS=${ROUNDS:-3} HOGS=${HOGS:-8} STRESS_SECONDS=${STRESS_SECONDS:-60}
STALLS=${STALLS:-2,3,4,6}
PORT=${PORT:-19600}
WORK=${WORK:-$ROOT/target/bench-kafka-restart}
INFRA_JAR=$ROOT/deploy/local/target/local-infra-0.1.0-SNAPSHOT.jar
echo "Building local-infra (the broker measured is this checkout's)…"
(cd "$ROOT" && ./mvnw -o -q -pl deploy/local -am package -Dmaven.test.skip=true >/dev/null)
rm -rf "$WORK" && mkdir -p "$WORK"
read -r -a JAVA_OPTS <<<"$(bench_duban_default DEFAULT_JAVA_OPTS)"
read -r -a SESSION_LIST <<<"$SESSIONS"

echo "Measuring sessions of ${SESSIONS// /, } ms, $ROUNDS rounds each, then $HOGS busy loops for ${STRESS_SECONDS}s…"
LOAD=$(cut -d" " -f1-3 /proc/loadavg)
RESULTS=$(java -cp "$ROOT/deploy/local/target/lib/*" "$HERE/KafkaRestart.java" "$WORK" "$PORT" "$INFRA_JAR" \
  "$ROUNDS" "$HOGS" "$STRESS_SECONDS" "$STALLS" -- "${JAVA_OPTS[@]}" :: "${SESSION_LIST[@]}" 2>"$WORK/bench.err" | sed -n 's/^RESULT //p')

echo
echo "$(nproc) cores, load before: $LOAD. Seconds from launch to the port / to a new producer's first"
echo "acknowledged record (a fresh start has no topic yet: port only). Fencings: the log's 'session has timed out'."
echo "$RESULTS" | awk -F'|' '{
  printf "session %5s ms (heartbeat %4d ms)\n  fresh start        %s\n  after a clean stop %s\n  after SIGKILL      %s\n  fencings in these starts %s\n  %d busy loops: %s; fencings %s\n  stopped whole for %s\n",
    $1, $1 * 2 / 9, $2, $3, $4, $5, '"$HOGS"', $6, $7, $8 }'
