#!/usr/bin/env bash
# Creates Duban's topics on the compose Kafka (run by the kafka-init service; safe to run again).
# Event topics keep every record (retention.ms=-1): reporting rebuilds its projections by replaying
# them. Dead-letter topics (one per consumer) keep records too, until someone has looked at them.
set -euo pipefail
bootstrap=${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}
partitions=${DUBAN_KAFKA_PARTITIONS:-6}
replicas=${DUBAN_KAFKA_REPLICAS:-1}
topics=/opt/kafka/bin/kafka-topics.sh

create() {
  "$topics" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$1" \
    --partitions "$partitions" --replication-factor "$replicas" \
    --config retention.ms=-1 --config min.insync.replicas=$((replicas > 1 ? 2 : 1))
}

for topic in duban.intake.events duban.supervision.events duban.notification.events; do
  create "$topic"
done
for consumer in intake-service supervision-service notification-service reporting-service; do
  create "duban.$consumer.dlt"
done
"$topics" --bootstrap-server "$bootstrap" --describe --topics-with-overrides | grep -E '^Topic: duban\.' || true
echo "topics ready"
