#!/usr/bin/env bash
# Health check of a Duban container: asks the application's actuator probe group (liveness by
# default, or the group named as $1) on its management port, and succeeds only on {"status":"UP"}.
# Plain bash, no curl; plain HTTP on the loopback (the management port never has TLS, unlike the gateway's
# public port in compose).
set -euo pipefail
group=${1:-liveness}
port=${MANAGEMENT_SERVER_PORT:-9080}
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET /actuator/health/%s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$group" >&3
response=$(timeout 3 cat <&3)
[[ $response == "HTTP/1."?" 200"* && $response == *'"status":"UP"'* ]]
