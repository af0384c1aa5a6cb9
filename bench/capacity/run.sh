#!/usr/bin/env bash
# Issue #18's burst: CLIENTS callers (8) each register a matter and issue its assignment through the gateway,
# one pair after another, for DURATION seconds (60), with the dev tokens of the README's walk-through; then
# how long after the last answered call (a) the supervision board, (b) the unit's inbox and (c) reporting's
# statistics count every assignment issued (each polled through the gateway every POLL_MS, goal ≤ 10 s); and
# the events per second intake's outbox relay published and each consumer's listeners handled, from their
# /actuator/prometheus (duban_outbox_published_total, duban_events_handled_total).
# Baseline, same run, same broker: raw Kafka with the platform's pattern and nothing else — records of a real
# AssignmentIssued record's size and headers produced one at a time, each waiting for its acknowledgement (as
# the relay publishes), consumed by one consumer committing each record (as the services' listeners, ack-mode
# record): the events per second the broker itself allows on that path, the ceiling of the relay and of a
# consumer if they did no work of their own.
#
#   bench/capacity/run.sh                 # its own platform in target/bench-capacity, ports 34080…
#   DURATION=20 bench/capacity/run.sh     # a quick run
#
# What it does (Capacity.java with bench/lib, run with `java` and the kafka-clients jars of deploy/local/target/lib): builds
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
source "$ROOT/bench/lib/platform.sh"
HERE=$ROOT/bench/capacity
DURATION=${DURATION:-60} CLIENTS=${CLIENTS:-8} POLL_MS=${POLL_MS:-100} GOAL=${GOAL:-10}
CATCH_UP_LIMIT=${CATCH_UP_LIMIT:-900} WARMUP=${WARMUP:-16} BUILD=${BUILD:-1} PORT_BASE=${PORT_BASE:-34080}
for setting in DURATION CLIENTS POLL_MS GOAL CATCH_UP_LIMIT WARMUP PORT_BASE; do
  [[ ${!setting} =~ ^[0-9]+$ ]] || { echo "bench: $setting must be a whole number, not '${!setting}'" >&2; exit 1; }
done

export DUBAN_DATA_DIR=${DUBAN_DATA_DIR:-$ROOT/target/bench-capacity} DUBAN_START_TIMEOUT=${DUBAN_START_TIMEOUT:-600}
export DUBAN_APPS=${DUBAN_APPS:-gateway intake-service supervision-service notification-service reporting-service}
bench_use_ports "$PORT_BASE"
if [[ $BUILD == 1 ]]; then bench_build; fi
bench_compile "$HERE/Capacity.java"

bench_start_platform

management() { echo "http://127.0.0.1:$1"; }
java -cp "$CLASSPATH" Capacity \
  gateway="http://localhost:$DUBAN_GATEWAY_PORT" kafka="localhost:$DUBAN_KAFKA_PORT" \
  metrics="intake-service=$(management $DUBAN_INTAKE_MANAGEMENT_PORT),supervision-service=$(management $DUBAN_SUPERVISION_MANAGEMENT_PORT),notification-service=$(management $DUBAN_NOTIFICATION_MANAGEMENT_PORT),reporting-service=$(management $DUBAN_REPORTING_MANAGEMENT_PORT)" \
  clients="$CLIENTS" duration="$DURATION" pollMillis="$POLL_MS" goal="$GOAL" catchUpLimit="$CATCH_UP_LIMIT" \
  warmup="$WARMUP" 2> >(grep -v '^SLF4J' >&2)
