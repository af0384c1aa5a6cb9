#!/usr/bin/env bash
# Start time and memory of the local platform (issue #14). With the jars built and the data of a previous
# run present, times `./duban start --detach` until every part is healthy — RUNS times, median —, and each
# part's own time to healthy (Kafka and the Mongo-wire store: their port listens; an application: its
# /actuator/health says UP), all counted from the moment `./duban start` is run. Baseline, measured in the
# same runs and interleaved with them: the console started alone by the same launcher with the same JVM
# options (and the same class data sharing archive, when the launcher has one), with no Kafka and no store
# — it needs neither to start —, i.e. one Spring Boot application on an otherwise idle platform. Then the
# README's "Try it" walk-through (its first bash block) against a started platform, and each part's resident
# memory (RSS). Targets: every part healthy in ≤ 20 s; ≤ 250 MB RSS per application after the walk-through.
#
#   bench/start/run.sh          # its own data directory target/bench-start and ports 25080…; an untimed start
#                               # first (it builds the missing jars and makes the data on the first run)
#   RUNS=7 bench/start/run.sh
#   BEFORE='DUBAN_AOT=off' bench/start/run.sh   # also the whole platform started with these settings, in
#                               # each run just before the launcher as it is (a change compared side by side);
#                               # quoted as in the shell: BEFORE="DUBAN_MONGO_JAVA_OPTS='-Xms64m -Xmx192m'"
#
# Settings: RUNS (5), PORT_BASE (25080: gateway 25080 … console 25085, their management ports + MANAGEMENT_OFFSET
# (1000), Kafka 25092 and 25093, the Mongo-wire store 25017), DUBAN_DATA_DIR (target/bench-start); DUBAN_JAVA_OPTS,
# DUBAN_<APP>_JAVA_OPTS and the other DUBAN_* settings reach the launcher. Needs curl and a JDK. E.g. everything
# between 35000 and 35999: PORT_BASE=35080 MANAGEMENT_OFFSET=500.
# On a machine shared with others, run it through /work/bin/bench-lock and compare medians, not single runs.
set -euo pipefail
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd -P)
RUNS=${RUNS:-5} PORT_BASE=${PORT_BASE:-25080} MANAGEMENT_OFFSET=${MANAGEMENT_OFFSET:-1000}
[[ $RUNS =~ ^[1-9][0-9]*$ && $PORT_BASE =~ ^[0-9]+$ && $MANAGEMENT_OFFSET =~ ^[1-9][0-9]*$ ]] \
  || { echo "bench: RUNS, PORT_BASE and MANAGEMENT_OFFSET must be numbers" >&2; exit 1; }

export DUBAN_DATA_DIR=${DUBAN_DATA_DIR:-$ROOT/target/bench-start} DUBAN_START_TIMEOUT=${DUBAN_START_TIMEOUT:-300}
APPS=(gateway intake-service supervision-service notification-service reporting-service console)
declare -A PORT=([gateway]=$PORT_BASE [intake-service]=$((PORT_BASE + 1)) [supervision-service]=$((PORT_BASE + 2))
  [notification-service]=$((PORT_BASE + 3)) [reporting-service]=$((PORT_BASE + 4)) [console]=$((PORT_BASE + 5))
  [kafka]=$((PORT_BASE + 12)) [mongo]=$((PORT_BASE - 63)))
export DUBAN_GATEWAY_PORT=${PORT[gateway]} DUBAN_INTAKE_PORT=${PORT[intake-service]}
export DUBAN_SUPERVISION_PORT=${PORT[supervision-service]} DUBAN_NOTIFICATION_PORT=${PORT[notification-service]}
export DUBAN_REPORTING_PORT=${PORT[reporting-service]} DUBAN_CONSOLE_PORT=${PORT[console]}
export DUBAN_KAFKA_PORT=${PORT[kafka]} DUBAN_KAFKA_CONTROLLER_PORT=$((PORT[kafka] + 1)) DUBAN_MONGO_PORT=${PORT[mongo]}
unset DUBAN_APPS KAFKA_BOOTSTRAP_SERVERS MONGODB_URI
for part in "${APPS[@]}"; do
  export "DUBAN_$(tr a-z- A-Z_ <<<"${part%-service}")_MANAGEMENT_PORT=$((PORT[$part] + MANAGEMENT_OFFSET))"
done
declare -A TOOK=() CPU=()
LOGS=$DUBAN_DATA_DIR/bench
mkdir -p "$LOGS"
trap '"$ROOT/duban" stop >/dev/null 2>&1 || true' EXIT

# Whether a part is ready, checked from this shell without starting a process (bash's /dev/tcp): a server
# listens; an application answers 200 with "status":"UP" on its management port (port + MANAGEMENT_OFFSET).
ready() {
  local part=$1 fd reply=
  case $part in
    kafka | mongo)
      # no subshell: a fork costs ~6 ms of CPU on a 2-core VM, taken from the start being measured
      { exec {fd}<>"/dev/tcp/127.0.0.1/${PORT[$part]}"; } 2>/dev/null || return 1
      exec {fd}>&-
      return ;;
  esac
  { exec {fd}<>"/dev/tcp/127.0.0.1/$((PORT[$part] + MANAGEMENT_OFFSET))"; } 2>/dev/null || return 1
  printf 'GET /actuator/health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&"$fd"
  read -r -t 2 -d '' reply <&"$fd" || true
  exec {fd}>&-
  [[ $reply == "HTTP/1."?" 200"* && $reply == *'"status":"UP"'* ]]
}

# Runs `./duban start --detach` with the given environment and polls every part every 0.1 s until the
# launcher returns; sets TOOK[part] (seconds since the launch, to the tenth) and TOOK[all] (the launcher's return).
measure_start() { # label parts... -- env...
  local label=$1 parts=() part now began log
  shift
  while [[ $1 != -- ]]; do parts+=("$1"); shift; done
  shift
  log=$LOGS/$label.log
  TOOK=()
  began=$EPOCHREALTIME
  env "$@" "$ROOT/duban" start --detach >"$log" 2>&1 &
  local launcher=$!
  while :; do
    local running=false
    kill -0 "$launcher" 2>/dev/null && running=true
    now=$EPOCHREALTIME
    for part in "${parts[@]}"; do
      [[ -z ${TOOK[$part]:-} ]] && ready "$part" && TOOK[$part]=$(elapsed "$began" "$now")
    done
    [[ $running == true ]] || break
    sleep 0.1
  done
  TOOK[all]=$(elapsed "$began" "$EPOCHREALTIME")
  if ! wait "$launcher"; then
    echo "bench: ./duban start failed ($label); its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  for part in "${parts[@]}"; do
    [[ -n ${TOOK[$part]:-} ]] || TOOK[$part]=${TOOK[all]}
    CPU[$part]=$(cpu_seconds "$(cat "$DUBAN_DATA_DIR/run/$part.pid")")
  done
}
# CPU time a process has used so far (user + system), from /proc, in seconds to the hundredth.
cpu_seconds() {
  local fields
  read -r -a fields < <(cut -d')' -f2- "/proc/$1/stat")
  awk -v u="${fields[11]}" -v s="${fields[12]}" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (u + s) / hz}'
}
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {printf "%.1f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
stop() { "$ROOT/duban" stop >>"$LOGS/stop.log" 2>&1; }

# BEFORE's words as the shell reads them (a value with spaces quoted), not split on every space
eval "BEFORE_ENV=(${BEFORE:-})"
first_start() { # env...
  echo "Untimed start first${*:+ with $*} (builds missing jars, makes the data of a first run)…"
  env "$@" "$ROOT/duban" start --detach >"$LOGS/first.log" 2>&1 || { cat "$LOGS/first.log" >&2; exit 1; }
  grep -E 'up after|Building|class data|ahead-of-time' "$LOGS/first.log" | sed 's/^/  /' || true
  # a launcher that makes class data sharing archives after a start does it in the background: wait for them
  while { env "$@" "$ROOT/duban" status 2>/dev/null || true; } | grep -q '^cds-training '; do sleep 2; done
  stop
}
first_start
((${#BEFORE_ENV[@]} == 0)) || first_start "${BEFORE_ENV[@]}"

PARTS=(kafka mongo "${APPS[@]}")
declare -A SAMPLES=() CPUS=()
declare -A BEFORE_SAMPLES=() BEFORE_CPUS=()
for ((run = 1; run <= RUNS; run++)); do
  if ((${#BEFORE_ENV[@]})); then
    measure_start "before-$run" "${PARTS[@]}" -- DUBAN_APPS="${APPS[*]}" "${BEFORE_ENV[@]}"
    for part in "${PARTS[@]}" all; do BEFORE_SAMPLES[$part]+=" ${TOOK[$part]}"; done
    for part in "${PARTS[@]}"; do BEFORE_CPUS[$part]+=" ${CPU[$part]}"; done
    stop
    echo "  run $run: before (${BEFORE_ENV[*]}): all healthy after ${TOOK[all]} s (launcher returned)"
  fi
  measure_start "platform-$run" "${PARTS[@]}" -- DUBAN_APPS="${APPS[*]}"
  for part in "${PARTS[@]}" all; do SAMPLES[$part]+=" ${TOOK[$part]}"; done
  for part in "${PARTS[@]}"; do CPUS[$part]+=" ${CPU[$part]}"; done
  stop
  # the console needs neither Kafka nor the store to start: the launcher, told they are elsewhere, starts neither
  measure_start "console-alone-$run" console -- DUBAN_APPS=console KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9 MONGODB_URI=mongodb://127.0.0.1:9
  SAMPLES[alone]+=" ${TOOK[console]}" SAMPLES[alone-all]+=" ${TOOK[all]}"
  stop
  echo "  run $run: all healthy after ${SAMPLES[all]##* } s (launcher returned), console alone ${TOOK[console]} s"
done

echo
echo "./duban start --detach, jars built, data present; $RUNS runs on $(nproc) cores, load now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM options: ${DUBAN_JAVA_OPTS:-as the launcher sets them}"
printf '%-22s %10s %10s   %s\n' part "median s" "CPU s" "runs (s from ./duban start)"
for part in "${PARTS[@]}"; do
  # shellcheck disable=SC2086 # the samples are space-separated numbers
  printf '%-22s %10s %10s   %s\n' "$part" "$(median ${SAMPLES[$part]})" "$(median ${CPUS[$part]})" "${SAMPLES[$part]# }"
done
# shellcheck disable=SC2086
printf '%-22s %10s %10s   %s\n' "all (launcher returns)" "$(median ${SAMPLES[all]})" "" "${SAMPLES[all]# }" \
  "baseline: console alone" "$(median ${SAMPLES[alone]})" "" "${SAMPLES[alone]# } (launcher returned: $(median ${SAMPLES[alone-all]}) s median)"
# shellcheck disable=SC2086
awk -v a="$(median ${SAMPLES[all]})" -v b="$(median ${SAMPLES[alone]})" \
  'BEGIN {printf "the platform takes %.1f times as long as one application alone (target: all healthy in ≤ 20 s)\n", a / b}'
if ((${#BEFORE_ENV[@]})); then
  echo
  echo "Before, in the same runs (each just before the launcher as it is): ${BEFORE_ENV[*]}"
  printf '%-22s %10s %10s   %s\n' part "median s" "CPU s" "runs (s from ./duban start)"
  total_before=0 total_after=0
  for part in "${PARTS[@]}"; do
    # shellcheck disable=SC2086
    printf '%-22s %10s %10s   %s\n' "$part" "$(median ${BEFORE_SAMPLES[$part]})" "$(median ${BEFORE_CPUS[$part]})" "${BEFORE_SAMPLES[$part]# }"
    # shellcheck disable=SC2086
    total_before=$(awk -v t="$total_before" -v c="$(median ${BEFORE_CPUS[$part]})" 'BEGIN {print t + c}')
    # shellcheck disable=SC2086
    total_after=$(awk -v t="$total_after" -v c="$(median ${CPUS[$part]})" 'BEGIN {print t + c}')
  done
  # shellcheck disable=SC2086
  printf '%-22s %10s %10s   %s\n' "all (launcher returns)" "$(median ${BEFORE_SAMPLES[all]})" "" "${BEFORE_SAMPLES[all]# }"
  # shellcheck disable=SC2086
  awk -v a="$(median ${SAMPLES[all]})" -v b="$(median ${BEFORE_SAMPLES[all]})" -v ca="$total_after" -v cb="$total_before" \
    'BEGIN {printf "all healthy: %.1f s now vs %.1f s before (%+.0f %%); CPU of the parts (sum of medians): %.1f s vs %.1f s (%+.0f %%)\n", a, b, (a / b - 1) * 100, ca, cb, (ca / cb - 1) * 100}'
fi

echo
echo "Resident memory after the README's walk-through (\"## Try it\", its first bash block):"
"$ROOT/duban" start --detach >"$LOGS/walk-start.log" 2>&1 || { cat "$LOGS/walk-start.log" >&2; exit 1; }
awk '/^## Try it/ {found = 1} found && /^```bash/ {inside = 1; next} inside && /^```/ {exit} inside' "$ROOT/README.md" \
  | sed "s#http://localhost:8080#http://localhost:${PORT[gateway]}#g" >"$LOGS/walk-through.sh"
bash "$LOGS/walk-through.sh" >"$LOGS/walk-through.out" 2>&1 || true
grep -q '"status":"CONCLUDED"' "$LOGS/walk-through.out" \
  || echo "  (the walk-through did not conclude the assignment; see $LOGS/walk-through.out)"
sleep 2
printf '%-22s %8s %8s\n' part "RSS MB" "CPU s"
for part in "${PARTS[@]}"; do
  pid=$(cat "$DUBAN_DATA_DIR/run/$part.pid")
  rss=$(ps -o rss= -p "$pid") cpu=$(cpu_seconds "$pid")
  target=
  [[ $part == kafka || $part == mongo ]] || { ((rss <= 250 * 1024)) && target="  ≤ 250" || target="  > 250 (target ≤ 250)"; }
  printf '%-22s %8d %8s%s\n' "$part" $((rss / 1024)) "$cpu" "$target"
done
