#!/usr/bin/env bash
# The local store's typical service queries with 1,000 and with 100,000 documents stored, in one run on one
# machine (issue #18: the cost of a query must not grow with the data it does not answer). The store is this
# checkout's local-infra.jar, as ./duban runs it; the queries (StoreQueries.java) are those of supervision's
# reminder and deadline checks, the units' pages, the TTL sweeps and the outbox relay, each beside the same store's
# read of one document by its _id (the baseline, measured in the same run). Each answer has as many documents
# whatever is stored. Also prints the store's open time (until it answers; with the time its file check and its
# opening take, from its log), its first query after a restart, the file's size, and its heap after a full
# collection and resident memory after the queries (its field indexes live in the file, not on the heap).
#
#   bench/store-queries/run.sh                 # STORED="1000 100000"
#   STORED="1000 10000 100000" PORT=33100 bench/store-queries/run.sh
#
# Settings: STORED, PORT (27970), WORK (target/bench-store-queries). Needs a JDK; builds deploy/local first.
# Stops what it starts.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh" # bench_duban_default
HERE=$ROOT/bench/store-queries
STORED=${STORED:-1000 100000} PORT=${PORT:-27970}
WORK=${WORK:-$ROOT/target/bench-store-queries}
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
start_store() { # data dir → PID, and OPENED: the ms until it answers
  local began=$(date +%s%N)
  env DUBAN_DATA_DIR="$1" DUBAN_MONGO_PORT=$PORT java "${JAVA_OPTS[@]}" "${STORE_DEFAULTS[@]}" -jar "$INFRA_JAR" mongo >>"$1.log" 2>&1 &
  PID=$!
  for _ in $(seq 2400); do
    if (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then OPENED=$(( ($(date +%s%N) - began) / 1000000 )); return 0; fi
    sleep 0.05
  done
  echo "bench: the store on port $PORT did not start" >&2; exit 1
}
heap_mb() { # the store's heap in use after a full collection
  jcmd "$PID" GC.run >/dev/null 2>&1 || true
  { jcmd "$PID" GC.heap_info 2>/dev/null || true; } | awk '/generation/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K", "", v); s += v } }
    END { printf "%.0f", s / 1024 }'
}

cpu_ms() { awk -v t="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / t }' "/proc/$PID/stat"; }

rss_mb() { ps -o rss= -p "$PID" | awk '{ printf "%.0f", $1 / 1024 }'; }

declare -A OPEN FIRST HEAP RSS CHECK FILE RESULTS FILL_CPU QUERY_CPU QUERIES
for stored in $STORED; do
  echo "$stored documents: filling…"
  start_store "$WORK/data-$stored"
  CPU0=$(cpu_ms)
  java -cp "$CLASSPATH" "$HERE/StoreQueries.java" fill "$PORT" "$stored" 2>>"$WORK/bench.log" | sed -n 's/^RESULT //p'
  FILL_CPU[$stored]=$(( $(cpu_ms) - CPU0 ))
  stop
  echo "$stored documents: restarting the store and measuring…"
  start_store "$WORK/data-$stored"
  OPEN[$stored]=$OPENED
  # the store logs how long its file check (StoreFileCheck) and the opening took
  CHECK[$stored]=$(sed -nE 's/.*Store file checked in ([0-9]+) ms, opened in ([0-9]+) ms.*/\1 + \2/p' "$WORK/data-$stored.log" | tail -1)
  FILE[$stored]=$(du -m "$WORK/data-$stored/mongo/duban.mv" | cut -f1)
  CPU0=$(cpu_ms)
  RESULTS[$stored]=$(java -cp "$CLASSPATH" "$HERE/StoreQueries.java" measure "$PORT" "$stored" 2>>"$WORK/bench.log" \
    | sed -n 's/^RESULT //p')
  QUERY_CPU[$stored]=$(( $(cpu_ms) - CPU0 ))
  QUERIES[$stored]=$(sed -n 's/^QUERIES //p' "$WORK/bench.log" | tail -1)
  HEAP[$stored]=$(heap_mb)
  RSS[$stored]=$(rss_mb)
  stop
done

set -- $STORED
LOW=$1 HIGH=${!#}
echo
echo "Median ms per query (p90 in brackets), $(nproc) cores; × _id: the query's median over the _id read's in the same store"
printf '%-44s | %18s %7s | %18s %7s | %10s\n' query "$LOW stored" "× _id" "$HIGH stored" "× _id" "$HIGH÷$LOW"
paste -d'|' <(echo "${RESULTS[$LOW]}" | grep -v '^FIRST') <(echo "${RESULTS[$HIGH]}" | grep -v '^FIRST') | awk -F'|' '
  NR == 1 { base1 = $2; base2 = $6 }
  { printf "%-44s | %9.3f [%6.3f] %7.1f | %9.3f [%6.3f] %7.1f | %10.2f\n", $1, $2, $3, $2 / base1, $6, $7, $6 / base2, $6 / $2 }'
echo
printf '%-44s | %18s | %18s\n' "" "$LOW stored" "$HIGH stored"
printf '%-44s | %18s | %18s\n' "store open, until it answers (ms)" "${OPEN[$LOW]}" "${OPEN[$HIGH]}"
printf '%-44s | %18s | %18s\n' "  of which file check + open (ms, store's log)" "${CHECK[$LOW]}" "${CHECK[$HIGH]}"
printf '%-44s | %18s | %18s\n' "first query after the restart (ms)" "$(echo "${RESULTS[$LOW]}" | sed -n 's/^FIRST|\([^|]*\)|.*/\1/p')" \
  "$(echo "${RESULTS[$HIGH]}" | sed -n 's/^FIRST|\([^|]*\)|.*/\1/p')"
printf '%-44s | %18s | %18s\n' "store file (MB)" "${FILE[$LOW]}" "${FILE[$HIGH]}"
printf '%-44s | %18s | %18s\n' "store heap in use after the queries (MB)" "${HEAP[$LOW]}" "${HEAP[$HIGH]}"
printf '%-44s | %18s | %18s\n' "store process resident memory (MB)" "${RSS[$LOW]}" "${RSS[$HIGH]}"
printf '%-44s | %18s | %18s\n' "store CPU while filling, ms per document" \
  "$(awk -v c="${FILL_CPU[$LOW]}" -v n="$LOW" 'BEGIN { printf "%.3f", c / n }')" \
  "$(awk -v c="${FILL_CPU[$HIGH]}" -v n="$HIGH" 'BEGIN { printf "%.3f", c / n }')"
printf '%-44s | %18s | %18s\n' "store CPU while measuring, ms per query" \
  "$(awk -v c="${QUERY_CPU[$LOW]}" -v n="${QUERIES[$LOW]}" 'BEGIN { printf "%.3f", n ? c / n : 0 }')" \
  "$(awk -v c="${QUERY_CPU[$HIGH]}" -v n="${QUERIES[$HIGH]}" 'BEGIN { printf "%.3f", n ? c / n : 0 }')"
