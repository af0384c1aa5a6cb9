#!/usr/bin/env bash
# Assignment → signed webhook: how long after a supervisor's POST /api/v1/cases/{id}/assignments the
# unit's webhook receiver gets the signed request, beside raw Kafka produce → consume on the same broker
# with the same client library (kafka-clients of the platform), the same rate and the same record size,
# measured in the same run; then the budget hop by hop (gateway, intake, outbox, Kafka, notification,
# receiver) from the trace spans of a sample of the assignments, and the way without its Kafka hop beside the p99
# target (how often the rest of the way alone takes longer). Targets (issue #14): webhook p99 ≤ 3× raw Kafka p99,
# webhook p50 ≤ 20 ms.
#
#   bench/webhook-latency/run.sh         # starts its own platform in target/bench-webhook (ports 28080…),
#                                        # with OTLP export on, pointed at the bench; stops it at the end
#
# What it does (WebhookLatency.java with bench/lib, run with `java` and the kafka-clients jars of deploy/local/target/lib):
# a receiver on 127.0.0.1 that verifies nothing and records when each request arrives; through the gateway
# a supervisor registers a unit and N+WARMUP matters, the unit registers its webhook (POST /api/v1/webhooks,
# events [duban.assignment.issued.v1]) as a unit does; then WARMUP assignments (not counted) and N
# assignments at RATE/s, open loop. Latency = the receiver's handler is called − just before the POST is
# handed to the HTTP client (one process, one monotonic clock). Raw Kafka: as many records at the same rate,
# the size and headers of a real AssignmentIssued record, the platform's producer settings (acks=all,
# idempotent, linger.ms 0) and the client's consumer defaults; latency = poll returned it − just before send.
# It runs after the assignments, on a platform at rest (the targets' baseline); with BESIDE=1 as many records also go
# during the assignments, each half-way between two, and are printed as a second baseline: the same Kafka hop under
# the same load at the same moments (its producer and consumer are warmed before the idle CPU window).
# Spans: every SAMPLE_EVERY-th measured POST carries a sampled W3C traceparent; the platform exports its
# spans (DUBAN_TRACING_EXPORT=true, DUBAN_OTLP_TRACING_ENDPOINT=the bench's OTLP/HTTP receiver), the other
# assignments are sampled as the platform's defaults say (DUBAN_TRACING_SAMPLING is left alone). With
# DUBAN_TRACING_STORECOMMANDS=true the services add a span per store command (each command's time where it
# happened: DUMP_TRACES shows them; it costs CPU, so compare it with runs that had it too).
#
# Store commands (COMMANDS=1): the services log every command the MongoDB driver sends (DEBUG of
# org.mongodb.driver.protocol.command, which slows them: not for timing), and StoreCommands.java prints the commands
# of each service for one assignment, from intake's request to the first webhook attempt, and their mean per
# assignment; e.g. `COMMANDS=1 N=20 RATE=2 WARMUP=5 SAMPLE_EVERY=1 bench/webhook-latency/run.sh` (spaced and all
# traced: each assignment's window holds its own commands).
#
# Settings: N (200), RATE (5 per second), WARMUP (20), WARMUP_RATE (0: RATE; the warm-up's assignments and raw
# records per second, e.g. WARMUP=1000 WARMUP_RATE=20 to measure JVMs past their compilation), SAMPLE_EVERY (10),
# SLOWEST (5: the slowest sampled assignments printed hop by hop), DUMP_TRACES (0: how many sampled traces to print
# span by span), DUMP_SLOWEST (0: how many of the slowest sampled traces to print span by span), COMMANDS (0),
# BESIDE (0: 1 adds raw Kafka beside the assignments),
# OTLP_PORT (24318), and the ./duban ports (DUBAN_GATEWAY_PORT 28080 …, DUBAN_KAFKA_PORT 28092, DUBAN_MONGO_PORT
# 28017) and DUBAN_DATA_DIR (target/bench-webhook), each kept when already set. The data directory is reused by
# later runs (each run registers a new unit and new matters).
# Needs curl and a JDK; the jars are built by ./duban if missing (rebuild after changing code: see deploy/local).
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
source "$ROOT/bench/lib/platform.sh"
HERE=$ROOT/bench/webhook-latency
N=${N:-200} RATE=${RATE:-5} WARMUP=${WARMUP:-20} WARMUP_RATE=${WARMUP_RATE:-0}
SAMPLE_EVERY=${SAMPLE_EVERY:-10} SLOWEST=${SLOWEST:-5} DUMP_TRACES=${DUMP_TRACES:-0} DUMP_SLOWEST=${DUMP_SLOWEST:-0}
OTLP_PORT=${OTLP_PORT:-24318} COMMANDS=${COMMANDS:-0} BESIDE=${BESIDE:-0}

export DUBAN_DATA_DIR=${DUBAN_DATA_DIR:-$ROOT/target/bench-webhook} DUBAN_START_TIMEOUT=${DUBAN_START_TIMEOUT:-600}
export DUBAN_GATEWAY_PORT=${DUBAN_GATEWAY_PORT:-28080} DUBAN_INTAKE_PORT=${DUBAN_INTAKE_PORT:-28081}
export DUBAN_SUPERVISION_PORT=${DUBAN_SUPERVISION_PORT:-28082} DUBAN_NOTIFICATION_PORT=${DUBAN_NOTIFICATION_PORT:-28083}
export DUBAN_REPORTING_PORT=${DUBAN_REPORTING_PORT:-28084} DUBAN_CONSOLE_PORT=${DUBAN_CONSOLE_PORT:-28085}
export DUBAN_KAFKA_PORT=${DUBAN_KAFKA_PORT:-28092} DUBAN_KAFKA_CONTROLLER_PORT=${DUBAN_KAFKA_CONTROLLER_PORT:-28093}
export DUBAN_MONGO_PORT=${DUBAN_MONGO_PORT:-28017}
# spans to this bench only; sampling stays the platform's default
export DUBAN_TRACING_EXPORT=true DUBAN_OTLP_TRACING_ENDPOINT=http://127.0.0.1:$OTLP_PORT/v1/traces
if [[ $COMMANDS == 1 ]]; then
  export LOGGING_LEVEL_ORG_MONGODB_DRIVER_PROTOCOL_COMMAND=DEBUG
fi

bench_start_platform # builds the jars if missing, and with them the Kafka client jars compiled against
bench_compile "$HERE/WebhookLatency.java"

java -cp "$CLASSPATH" WebhookLatency \
  gateway="http://localhost:$DUBAN_GATEWAY_PORT" kafka="localhost:$DUBAN_KAFKA_PORT" \
  n="$N" rate="$RATE" warmup="$WARMUP" warmupRate="$WARMUP_RATE" sampleEvery="$SAMPLE_EVERY" slowest="$SLOWEST" \
  otlpPort="$OTLP_PORT" dumpTraces="$DUMP_TRACES" dumpSlowest="$DUMP_SLOWEST" beside="$BESIDE" \
  runDir="$DUBAN_DATA_DIR/run" clockTicks="$(getconf CLK_TCK)" 2> >(grep -v '^SLF4J' >&2)
if [[ $COMMANDS == 1 ]]; then
  java "$HERE/StoreCommands.java" "$DUBAN_DATA_DIR/logs" 1
fi
