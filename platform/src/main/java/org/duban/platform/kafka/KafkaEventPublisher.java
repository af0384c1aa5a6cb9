package org.duban.platform.kafka;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import org.duban.platform.events.PendingEvent;
import org.duban.platform.outbox.EventPublisher;
import org.duban.platform.tracing.TraceContexts;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends an outbox event as a CloudEvent and waits for the broker's acknowledgement (acks=all), within
 * the trace that recorded the event: the template's observation — the producer span, a child of the
 * span that recorded the event — adds the {@code traceparent} header consumers continue. No span of
 * its own around it: the producer span already covers the send up to the acknowledgement.
 */
public final class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<String, byte[]> template;
    private final URI source;
    private final TraceContexts traces;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> template, String serviceName) {
        this(template, serviceName, TraceContexts.none());
    }

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> template, String serviceName, TraceContexts traces) {
        this.template = template;
        this.source = URI.create("/duban/" + serviceName);
        this.traces = traces;
    }

    @Override
    public void publish(PendingEvent event) throws Exception {
        traces.within(event.traceparent(),
                () -> template.send(CloudEventRecords.toRecord(event, source)).get(60, TimeUnit.SECONDS));
    }
}
