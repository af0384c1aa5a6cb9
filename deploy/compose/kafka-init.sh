#!/usr/bin/env bash
# Prepares the compose Kafka (run by the kafka-init service, as the broker's admin; safe to run again):
#  1. Duban's topics. Event topics keep every record (retention.ms=-1): reporting rebuilds its projections
#     by replaying them. Dead-letter topics (one per consumer) keep records too, until someone has looked
#     at them.
#  2. One SCRAM-SHA-512 user per service, named after it, with the password from its secret file
#     (kafka_<service>_password, made by make-secrets.sh).
#  3. The ACLs of kafka-access.txt: each service may touch only its own topics and consumer group; with
#     no ACL nothing is allowed. Adding is idempotent; an ACL taken out of the file is removed by hand
#     (kafka-acls.sh --remove, README "Deploy").
set -euo pipefail
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}
partitions=${DUBAN_KAFKA_PARTITIONS:-6}
replicas=${DUBAN_KAFKA_REPLICAS:-1}
bin=${KAFKA_BIN:-/opt/kafka/bin}
admin=${DUBAN_KAFKA_ADMIN_CONFIG:-/run/secrets/kafka_admin_client}
secrets=${DUBAN_SECRETS_DIR:-/run/secrets}
access=${DUBAN_KAFKA_ACCESS:-/duban/kafka-access.txt}
connect=(--bootstrap-server "$bootstrap" --command-config "$admin")

create() {
  "$bin/kafka-topics.sh" "${connect[@]}" --create --if-not-exists --topic "$1" \
    --partitions "$partitions" --replication-factor "$replicas" \
    --config retention.ms=-1 --config min.insync.replicas=$((replicas > 1 ? 2 : 1))
}

for topic in duban.intake.events duban.supervision.events duban.notification.events; do
  create "$topic"
done
for consumer in intake-service supervision-service notification-service reporting-service; do
  create "duban.$consumer.dlt"
done
"$bin/kafka-topics.sh" "${connect[@]}" --describe --topics-with-overrides | grep -E '^Topic: duban\.' || true

# user type name operations, without comments and blank lines
entries=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$access")
users=$(awk '{print $1}' <<<"$entries" | sort -u)

for user in $users; do
  password_file=$secrets/kafka_${user//-/_}_password
  [[ -s $password_file ]] || { echo "kafka-init: no password for $user in $password_file" >&2; exit 1; }
  # kafka-configs takes the password as an argument only (its --add-config-file does not read SCRAM
  # credentials): it is on this one-shot container's command line for the second the call takes
  "$bin/kafka-configs.sh" "${connect[@]}" --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$(<"$password_file")]" >/dev/null
  echo "user $user: SCRAM-SHA-512"
done

while read -r user type name operations; do
  args=()
  for operation in ${operations//,/ }; do args+=(--operation "$operation"); done
  "$bin/kafka-acls.sh" "${connect[@]}" --add --allow-principal "User:$user" --resource-pattern-type literal \
    "--$type" "$name" "${args[@]}" >/dev/null
  echo "acl $user: $operations on $type $name"
done <<<"$entries"
echo "topics, users and ACLs ready"
