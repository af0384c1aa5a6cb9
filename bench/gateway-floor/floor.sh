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
# floor_start TARGET JIT CLASS ARGS…: the class in a JVM of its own on the next port (ARGS may use $floor_port), a
# target of run.sh's; the port is used up whether or not FLOOR_ONLY wants the target, so that ports stay put
floor_start() {
  local target=$1 jit=$2 class=$3 opts="FLOOR_${2^^}[@]"
  shift 3
  if floor_wanted "$target"; then
    java "${!opts}" -Dlogback.configurationFile="$FLOOR_HERE/logback.xml" -cp "$FLOOR_CLASSPATH" "$class" "$@" \
      >"$WORK/$target.log" 2>&1 &
    PIDS+=($!)
    SERVER[$target]=$! URL[$target]="http://127.0.0.1:$floor_port/api/v1/units" HEADER[$target]=$AUTH
    TARGETS+=("$target")
  fi
  floor_port=$((floor_port + 1))
}
for jit in c1 c2; do
  for variant in bare headers token; do
    floor_start "floor-$variant-$jit" "$jit" Floor "$variant" "$floor_port" "http://127.0.0.1:$BACKEND_PORT" \
      "$WORK/keys/jwt-public.pem" duban-local duban
  done
done
# and the bare and token variants on plain Netty, without Reactor Netty (NettyFloor.java), C2 only
for variant in bare token; do
  floor_start "floor-netty-$variant-c2" c2 NettyFloor "$variant" "$floor_port" 127.0.0.1 "$BACKEND_PORT" \
    "$WORK/keys/jwt-public.pem" duban-local duban
done
# and the bare forward with Reactor Netty's server and a plain Netty client (SplitFloor.java), C2
floor_start floor-split-bare-c2 c2 SplitFloor "$floor_port" 127.0.0.1 "$BACKEND_PORT"
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
