#!/usr/bin/env bash
# The floor of a JVM proxy on this machine (issue #14): bench/gateway/run.sh with its FLOOR targets, i.e. a
# hand-written Reactor Netty forwarder (Floor.java) in three variants — bare; + the headers (copied, X-Forwarded-*,
# traceparent, request id); + the gateway's token check (RS256, cache of verified tokens) and access log —, each
# with the launcher's C1-only JVM options and with C2, and the bare and token variants on plain Netty, without Reactor
# Netty (NettyFloor.java, C2), beside nginx proxying the same backend and the gateway jar, in one run. Prints run.sh's
# table (req/s, CPU µs per answer, p50 at one connection, RSS, × nginx) and the load.
#
#   bench/gateway-floor/run.sh                                  # ~10 min
#   PORT_BASE=32400 /work/bin/bench-lock bench/gateway-floor/run.sh
#
# Every setting of bench/gateway/run.sh applies (CONNECTIONS, DURATION, WARMUP, GATEWAY_JAR, …); here the soak is
# left out unless SOAK_DURATION is set; FLOOR_C2_JAVA_OPTS: the C2 JVMs' options (floor.sh). Ports PORT_BASE …
# PORT_BASE+12 (21110 …), files in WORK (target/bench-gateway-floor).
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
FLOOR=1 SOAK_DURATION=${SOAK_DURATION:-0} PORT_BASE=${PORT_BASE:-21110} WORK=${WORK:-$ROOT/target/bench-gateway-floor} \
  exec "$ROOT/bench/gateway/run.sh" "$@"
