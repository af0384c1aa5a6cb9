# Sourced by bench/gateway/run.sh when FLOOR is set (bench/gateway-floor/run.sh): starts Floor.java's three
# variants (bare, headers, token), each in its own JVM, once with the launcher's C1-only options and once with C2,
# NettyFloor.java's two (bare, token: on plain Netty, C2) and SplitFloor.java (bare: Reactor Netty's server, a plain
# Netty client; C2), in front of run.sh's backend, and adds them to its targets. Class path: the gateway jar's own
# BOOT-INF/lib (the Reactor Netty, Netty, Spring Security and logback it runs), so nothing is downloaded and the
# versions are the gateway's.
# Settings: FLOOR_C2_JAVA_OPTS (default: ./duban's DEFAULT_JAVA_OPTS without -XX:TieredStopAtLevel=1); FLOOR_ONLY: an
# extended regular expression, only the floor targets whose names it matches are started (default: all).
FLOOR_HERE=$ROOT/bench/gateway-floor
mkdir -p "$WORK/floor"
unzip -q -o "$GATEWAY_JAR" 'BOOT-INF/lib/*' -d "$WORK/floor"
FLOOR_CLASSPATH="$WORK/floor/classes:$WORK/floor/BOOT-INF/lib/*"
javac -nowarn -d "$WORK/floor/classes" -cp "$FLOOR_CLASSPATH" "$FLOOR_HERE"/*.java
read -r -a FLOOR_C1 <<<"$DUBAN_JAVA_OPTS"
read -r -a FLOOR_C2 <<<"${FLOOR_C2_JAVA_OPTS-${DUBAN_JAVA_OPTS/-XX:TieredStopAtLevel=1 /}}"
floor_port=$((PORT_BASE + 4))
floor_wanted() { [[ $1 =~ ${FLOOR_ONLY:-.} ]]; }
for jit in c1 c2; do
  for variant in bare headers token; do
    target=floor-$variant-$jit
    floor_wanted "$target" || { floor_port=$((floor_port + 1)); continue; }
    opts="FLOOR_${jit^^}[@]"
    java "${!opts}" -Dlogback.configurationFile="$FLOOR_HERE/logback.xml" -cp "$FLOOR_CLASSPATH" Floor "$variant" \
      "$floor_port" "http://127.0.0.1:$BACKEND_PORT" "$WORK/keys/jwt-public.pem" duban-local duban \
      >"$WORK/floor-$variant-$jit.log" 2>&1 &
    PIDS+=($!)
    SERVER[$target]=$! URL[$target]="http://127.0.0.1:$floor_port/api/v1/units" HEADER[$target]=$AUTH
    TARGETS+=("$target")
    floor_port=$((floor_port + 1))
  done
done
# and the bare and token variants on plain Netty, without Reactor Netty (NettyFloor.java), C2 only
for variant in bare token; do
  target=floor-netty-$variant-c2
  floor_wanted "$target" || { floor_port=$((floor_port + 1)); continue; }
  java "${FLOOR_C2[@]}" -Dlogback.configurationFile="$FLOOR_HERE/logback.xml" -cp "$FLOOR_CLASSPATH" NettyFloor \
    "$variant" "$floor_port" 127.0.0.1 "$BACKEND_PORT" "$WORK/keys/jwt-public.pem" duban-local duban \
    >"$WORK/floor-netty-$variant-c2.log" 2>&1 &
  PIDS+=($!)
  SERVER[$target]=$! URL[$target]="http://127.0.0.1:$floor_port/api/v1/units" HEADER[$target]=$AUTH
  TARGETS+=("$target")
  floor_port=$((floor_port + 1))
done
# and the bare forward with Reactor Netty's server and a plain Netty client (SplitFloor.java), C2
if floor_wanted floor-split-bare-c2; then
  java "${FLOOR_C2[@]}" -cp "$FLOOR_CLASSPATH" SplitFloor "$floor_port" 127.0.0.1 "$BACKEND_PORT" \
    >"$WORK/floor-split-bare-c2.log" 2>&1 &
  PIDS+=($!)
  target=floor-split-bare-c2
  SERVER[$target]=$! URL[$target]="http://127.0.0.1:$floor_port/api/v1/units" HEADER[$target]=$AUTH
  TARGETS+=("$target")
fi
floor_port=$((floor_port + 1))
for target in "${TARGETS[@]}"; do
  [[ $target == floor-* ]] || continue
  for _ in $(seq 60); do
    curl -fsS -o /dev/null -H "${HEADER[$target]}" "${URL[$target]}" 2>/dev/null && break
    kill -0 "${SERVER[$target]}" 2>/dev/null || { echo "bench: $target did not start, see $WORK/$target.log" >&2; exit 1; }
    sleep 0.5
  done
done
# refused without a token, as the gateway does
for target in floor-token-c1 floor-netty-token-c2; do
  floor_wanted "$target" || continue
  [[ $(curl -s -o /dev/null -w '%{http_code}' "${URL[$target]}") == 401 ]] \
    || { echo "bench: $target answers a call without a token" >&2; exit 1; }
done

floor_summary() {
  local target peaks=()
  for target in "${TARGETS[@]}"; do
    [[ $target != floor-* ]] || peaks+=("$target $(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/${SERVER[$target]}/status")")
  done
  echo "floor: C1 ${FLOOR_C1[*]}; C2 ${FLOOR_C2[*]}"
  echo "floor: peak RSS (MB): $(IFS=,; echo "${peaks[*]}" | sed 's/,/, /g')"
  echo "floor: the token variants' access log:" \
    "$(cat "$WORK"/floor-token-*.log "$WORK"/floor-netty-token-*.log 2>/dev/null | grep -c 'org.duban.access') lines," \
    "e.g. $(grep -h -m1 -o 'GET .*' "$WORK"/floor-*token-*.log 2>/dev/null | head -1)"
}
