#!/usr/bin/env bash
# Each consumer's rate with few and with many matters stored (issue #18: "each consumer's events per second with
# 100,000 stored matters are at least 0.8x their rate with 1,000"). Supervision's, notification's and reporting's
# listeners, as ./duban runs them, consume intake's events of synthetic matters, produced straight to Kafka. The
# template is one real matter's whole life made through the gateway (registered, assigned, accepted by the unit, its
# final report approved: concluded), i.e. every record intake's relay published for it on duban.intake.events (6 per
# matter). A synthetic matter is that template on one of UNITS units registered through the API (round robin), in one
# of the 10 categories (at random), every instant (bodies and the CloudEvents time) moved back by the same whole number
# of days, and fresh UUIDs made as the platform makes them: time-ordered (v7) at the moved-back instant their template
# carries (the matter's registration, the assignment's issue, each event's time). The filler's matters go from DAYS
# back to today, oldest first, as years of use fill a store: years of concluded matters over the office's units and
# categories, as a district office stores them (UNITS=1 DAYS=0: every matter on one unit and one day, as before
# 2026-12-05, categories still rotated). Both windows' matters are today's. Rate of a consumer = a window of WINDOW
# matters (500: 3,000 events) produced at once onto an idle platform ÷ the time until its group has committed
# them all; first with the stores nearly empty, then after MATTERS (101,000) in all, the filler produced with a lead
# of at most LEAD matters over the slowest consumer. Baseline, same run, same broker, after each window: a consumer
# of our own reads the window's records again, committing each as the listeners do (the broker's share of the rate).
#
#   bench/consumer-scaling/run.sh                    # ~500 vs ~100,000 matters stored; a fresh target/bench-consumer-scaling
#   MATTERS=21000 bench/consumer-scaling/run.sh      # ~500 vs ~20,000
#   MAX_MINUTES=30 …                                 # the filler stops 30 min after the program began; the last window is then measured
#                                                    # with what is stored, and the time the rest would take is printed
#
# Settings: MATTERS (101000), WINDOW (500), LEAD (2000), MAX_MINUTES (60), UNITS (60), DAYS (1100), BUILD (1: build the jars first; 0: use those
# built), FRESH (1: an empty data directory, so that "stored" is what this run made; 0: keep it), PORT_BASE (34280:
# gateway 34280 … reporting 34284, management ports PORT_BASE+100…, Kafka PORT_BASE+12 and +13, the store
# PORT_BASE-63), DUBAN_DATA_DIR (target/bench-consumer-scaling). Needs a JDK. On a shared machine run it through
# /work/bin/bench-lock and compare with the baseline. Stops the platform at the end (and on any failure).
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh"
HERE=$ROOT/bench/consumer-scaling
MATTERS=${MATTERS:-101000} WINDOW=${WINDOW:-500} LEAD=${LEAD:-2000} MAX_MINUTES=${MAX_MINUTES:-60}
UNITS=${UNITS:-60} DAYS=${DAYS:-1100} BUILD=${BUILD:-1} FRESH=${FRESH:-1} PORT_BASE=${PORT_BASE:-34280}
for setting in MATTERS WINDOW LEAD MAX_MINUTES UNITS DAYS PORT_BASE; do
  [[ ${!setting} =~ ^[0-9]+$ ]] || { echo "bench: $setting must be a whole number, not '${!setting}'" >&2; exit 1; }
done
((UNITS >= 1)) || { echo "bench: UNITS must be at least 1" >&2; exit 1; }
((MATTERS >= 2 * WINDOW)) || { echo "bench: MATTERS must be at least twice WINDOW" >&2; exit 1; }

export DUBAN_DATA_DIR=${DUBAN_DATA_DIR:-$ROOT/target/bench-consumer-scaling} DUBAN_START_TIMEOUT=${DUBAN_START_TIMEOUT:-600}
export DUBAN_APPS=${DUBAN_APPS:-gateway intake-service supervision-service notification-service reporting-service}
bench_use_ports "$PORT_BASE"
if [[ $BUILD == 1 ]]; then bench_build; fi
bench_compile "$HERE/ConsumerScaling.java"

if [[ $FRESH == 1 ]]; then
  # only a data directory this bench owns is emptied
  [[ $DUBAN_DATA_DIR == "$ROOT/target/bench-consumer-scaling" ]] \
    || { echo "bench: FRESH=1 empties only target/bench-consumer-scaling; with DUBAN_DATA_DIR set, set FRESH=0" >&2; exit 1; }
  rm -rf "$DUBAN_DATA_DIR"
fi
bench_start_platform

java -cp "$CLASSPATH" ConsumerScaling \
  gateway="http://localhost:$DUBAN_GATEWAY_PORT" kafka="localhost:$DUBAN_KAFKA_PORT" \
  matters="$MATTERS" window="$WINDOW" lead="$LEAD" maxMinutes="$MAX_MINUTES" units="$UNITS" days="$DAYS" 2> >(grep -v '^SLF4J' >&2)
