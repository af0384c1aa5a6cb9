package org.duban.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanProcessors;

/**
 * With no exporter (the default: {@code DUBAN_TRACING_EXPORT} off) spans are made and sampled but queued nowhere;
 * with one they are exported (TracePropagationTest).
 */
class SpanProcessingTest extends RunningGateway {

    @Autowired
    private SpanProcessors processors;

    @Test
    void queuesNoSpanForExportWhenNothingExportsButStillSamplesTheTrace() {
        // when
        gateway.getWithToken("/api/v1/cases", supervisorToken());

        // then
        assertThat(processors.list()).noneMatch(BatchSpanProcessor.class::isInstance);
        assertThat(INTAKE.received()).singleElement().satisfies(received ->
                assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
    }
}
