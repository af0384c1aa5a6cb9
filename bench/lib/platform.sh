# Sourced by the benchmarks that run the whole platform with ./duban (bench/capacity, bench/consumer-scaling,
# bench/webhook-latency): its ports from one base, the jars, the Kafka client class path, the bench program
# compiled with the shared helpers of bench/lib, and the start and stop of the platform; and by those that start
# parts of it themselves, for the launcher's JVM options (bench_duban_default).
# Expects ROOT (the repository) and, for bench_use_ports, DUBAN_DATA_DIR already exported.

# One of the launcher's defaults as ./duban has it, e.g. bench_duban_default DEFAULT_JAVA_OPTS (used alone by the
# benches that start parts of the platform themselves, with the launcher's JVM options).
bench_duban_default() {
  sed -nE "s/^readonly $1='(.*)'\$/\\1/p" "$ROOT/duban"
}

# Every port of the platform from one base: gateway BASE … reporting BASE+4, console BASE+5, management ports
# BASE+100 …, Kafka BASE+12 and BASE+13, the store BASE-63. Refuses a busy one before anything is built.
bench_use_ports() {
  local base=$1
  export DUBAN_GATEWAY_PORT=$base DUBAN_INTAKE_PORT=$((base + 1)) DUBAN_SUPERVISION_PORT=$((base + 2))
  export DUBAN_NOTIFICATION_PORT=$((base + 3)) DUBAN_REPORTING_PORT=$((base + 4)) DUBAN_CONSOLE_PORT=$((base + 5))
  export DUBAN_GATEWAY_MANAGEMENT_PORT=$((base + 100)) DUBAN_INTAKE_MANAGEMENT_PORT=$((base + 101))
  export DUBAN_SUPERVISION_MANAGEMENT_PORT=$((base + 102)) DUBAN_NOTIFICATION_MANAGEMENT_PORT=$((base + 103))
  export DUBAN_REPORTING_MANAGEMENT_PORT=$((base + 104)) DUBAN_CONSOLE_MANAGEMENT_PORT=$((base + 105))
  export DUBAN_KAFKA_PORT=$((base + 12)) DUBAN_KAFKA_CONTROLLER_PORT=$((base + 13)) DUBAN_MONGO_PORT=$((base - 63))
  unset KAFKA_BOOTSTRAP_SERVERS MONGODB_URI
  local port
  for port in "$DUBAN_GATEWAY_PORT" "$DUBAN_INTAKE_PORT" "$DUBAN_SUPERVISION_PORT" "$DUBAN_NOTIFICATION_PORT" \
    "$DUBAN_REPORTING_PORT" "$DUBAN_KAFKA_PORT" "$DUBAN_KAFKA_CONTROLLER_PORT" "$DUBAN_MONGO_PORT" \
    "$DUBAN_GATEWAY_MANAGEMENT_PORT" "$DUBAN_INTAKE_MANAGEMENT_PORT" "$DUBAN_SUPERVISION_MANAGEMENT_PORT" \
    "$DUBAN_NOTIFICATION_MANAGEMENT_PORT" "$DUBAN_REPORTING_MANAGEMENT_PORT"; do
    if (: <"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "bench: port $port is in use by another process (a platform of an earlier run? \`DUBAN_DATA_DIR=$DUBAN_DATA_DIR ./duban stop\`); free it or set PORT_BASE" >&2
      exit 1
    fi
  done
}

# The jars of deploy/local and of DUBAN_APPS, so that what is measured is this checkout's code, built as the
# launcher builds them (profile local-aot: with Spring's ahead-of-time processing, which ./duban start uses).
bench_build() {
  echo "Building the jars (what is measured is this checkout's code)…"
  # -DskipTests rather than the launcher's -Dmaven.test.skip: the services depend on platform's test jar
  (cd "$ROOT" && ./mvnw -o -q -DskipTests -Plocal-aot -T 1C package \
    -pl deploy/local,"$(tr ' ' , <<<"$DUBAN_APPS")" -am >/dev/null)
}

# Compiles the bench program NAME (bench/<dir>/<NAME>.java) with bench/lib's helpers into target/bench-<dir>-classes
# and sets CLASSPATH to those classes and the Kafka client jars of deploy/local/target/lib. Done before anything
# starts, so that a mistake in the program costs no platform start.
bench_compile() {
  local source=$1 lib=$ROOT/deploy/local/target/lib
  local classes=$ROOT/target/bench-$(basename "$(dirname "$source")")-classes
  local jars
  jars=$(ls "$lib"/kafka-clients-*.jar "$lib"/slf4j-api-*.jar "$lib"/lz4-java-*.jar "$lib"/snappy-java-*.jar \
    "$lib"/zstd-jni-*.jar | paste -sd:)
  rm -rf "$classes" && mkdir -p "$classes"
  javac -d "$classes" -cp "$jars" "$source" "$ROOT"/bench/lib/*.java
  CLASSPATH=$classes:$jars
}

# Starts the platform (./duban start --detach, its log in the data directory), stops it when the bench exits, and
# prints the machine's cores and load and the code measured.
bench_start_platform() {
  trap '"$ROOT/duban" stop >/dev/null 2>&1 || true' EXIT
  echo "Starting the platform in $DUBAN_DATA_DIR (gateway :$DUBAN_GATEWAY_PORT, Kafka :$DUBAN_KAFKA_PORT, store :$DUBAN_MONGO_PORT)…"
  mkdir -p "$DUBAN_DATA_DIR"
  "$ROOT/duban" start --detach >"$DUBAN_DATA_DIR/bench-start.log" 2>&1 || { cat "$DUBAN_DATA_DIR/bench-start.log" >&2; exit 1; }
  sleep 5 # the applications' first rounds (topics, indexes, consumer groups joining) settle
  echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); code: $(git -C "$ROOT" log -1 --format='%h %cs' 2>/dev/null || echo '?')"
}
