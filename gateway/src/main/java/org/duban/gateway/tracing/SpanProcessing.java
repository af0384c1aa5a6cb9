package org.duban.gateway.tracing;

import io.micrometer.tracing.exporter.SpanReporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.SpanProcessors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the tracer hands a finished span. Spring Boot's batch processor queues every span for its exporters,
 * and on its own thread copies each one for Micrometer's span filters — whether or not there is any exporter
 * to give it to. Here there is one only when spans leave the gateway ({@code DUBAN_TRACING_EXPORT=true}: the
 * OTLP exporter; a test's exporter): with none, that queue and those copies were a twentieth of the gateway's
 * CPU under load for spans nobody receives. So the batch processor is handed spans only when something
 * exports them. Spans are still made, sampled and carried as before (ids, {@code traceparent}, log lines).
 */
@Configuration(proxyBeanMethods = false)
class SpanProcessing {

    /** Replaces Spring Boot's list of the tracer's processors: all of them, but the batch one when nothing exports. */
    @Bean
    SpanProcessors spanProcessors(ObjectProvider<SpanProcessor> processors, ObjectProvider<SpanExporter> exporters,
            ObjectProvider<SpanReporter> reporters) {
        boolean exported = exporters.stream().findAny().isPresent() || reporters.stream().findAny().isPresent();
        return SpanProcessors.of(processors.orderedStream()
                .filter(processor -> exported || !(processor instanceof BatchSpanProcessor))
                .toList());
    }
}
