package org.duban.platform.kafka;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.duban.platform.events.PendingEvent;
import org.duban.platform.outbox.EventPublisher;
import org.springframework.kafka.core.KafkaTemplate;

/** Sends an outbox event as a CloudEvent and waits for the broker's acknowledgement (acks=all). */
public final class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final URI source;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> template, String serviceName) {
        this.template = template;
        this.source = URI.create("/duban/" + serviceName);
    }

    @Override
    public void publish(PendingEvent event) throws Exception {
        template.send(CloudEventRecords.toRecord(event, source)).get(60, TimeUnit.SECONDS);
    }
}
