#!/usr/bin/env bash
# The local store's CPU per matter with few and with many matters stored, without the platform (issue #18): the
# store as ./duban runs it (local-infra.jar mongo, its JVM options) on a fresh file, driven by StoreScale.java with
# the commands the three consumers send for each matter (see there), a window of WINDOW matters nearly empty, the
# filler up to MATTERS, a window again. Prints, per phase: the store's CPU per matter (its process), group commits
# and bytes written per commit, the file, its chunks, the layout map's entries, live pages, fill rates and the page
# cache's hit ratio (the store's `dubanStats` command).
#
#   bench/store-scale/run.sh                        # 101,000 matters, polls of 10 matters (60 events)
#   MATTERS=21000 POLL=5 bench/store-scale/run.sh
#   STORE_OPTS='-XX:StartFlightRecording=filename=/tmp/store.jfr' …   # more JVM options for the store
#
# Settings: MATTERS (101000), WINDOW (500), POLL (10), DAYS (1100), REPORT_EVERY (5000), MAX_MINUTES (60: the filler
# stops then, the last window is measured with what is stored), PORT (31900), BUILD (1:
# package deploy/local first), WORK (target/bench-store-scale, emptied), STORE_OPTS, INFRA_JAR (the store's jar: this
# checkout's; a copy beside it in deploy/local/target to compare builds). Needs a JDK. Run it through
# /work/bin/bench-lock on a shared machine. Stops the store on exit.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh" # bench_duban_default
HERE=$ROOT/bench/store-scale
MATTERS=${MATTERS:-101000} WINDOW=${WINDOW:-500} POLL=${POLL:-10} DAYS=${DAYS:-1100} REPORT_EVERY=${REPORT_EVERY:-5000}
MAX_MINUTES=${MAX_MINUTES:-60}
PORT=${PORT:-31900} BUILD=${BUILD:-1} WORK=${WORK:-$ROOT/target/bench-store-scale} STORE_OPTS=${STORE_OPTS:-}
INFRA_JAR=${INFRA_JAR:-$ROOT/deploy/local/target/local-infra-0.1.0-SNAPSHOT.jar}
if [[ $BUILD == 1 ]]; then
  echo "Building local-infra (the store measured is this checkout's)…"
  (cd "$ROOT" && ./mvnw -o -q -pl deploy/local -am package -Dmaven.test.skip=true >/dev/null)
fi
rm -rf "$WORK" && mkdir -p "$WORK"
# the MongoDB driver and its BSON are among the store's own libraries (local-infra backup-store uses them)
CLASSPATH=$(ls "$ROOT"/deploy/local/target/lib/*.jar | paste -sd:)
read -r -a JAVA_OPTS <<<"$(bench_duban_default DEFAULT_JAVA_OPTS)"
# the store as ./duban runs it: its own defaults after the common options
read -r -a STORE_DEFAULTS <<<"$(bench_duban_default DEFAULT_MONGO_JAVA_OPTS)"
read -r -a EXTRA <<<"$STORE_OPTS"

PID=
stop() { [[ -z $PID ]] || { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; }; }
trap stop EXIT
env DUBAN_DATA_DIR="$WORK/data" DUBAN_MONGO_PORT="$PORT" java "${JAVA_OPTS[@]}" "${STORE_DEFAULTS[@]}" "${EXTRA[@]}" -jar "$INFRA_JAR" mongo \
  >"$WORK/store.log" 2>&1 &
PID=$!
for _ in $(seq 240); do (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.25; done
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); code: $(git -C "$ROOT" log -1 --format='%h %cs' 2>/dev/null || echo '?');" \
  "MATTERS=$MATTERS WINDOW=$WINDOW POLL=$POLL DAYS=$DAYS"
java -cp "$CLASSPATH" "$HERE/StoreScale.java" "$PORT" "$PID" "$MATTERS" "$WINDOW" "$POLL" "$DAYS" "$REPORT_EVERY" "$MAX_MINUTES" \
  2> >(grep -v '^SLF4J' >&2)
du -sh "$WORK/data/mongo" | sed 's/^/store file: /'
