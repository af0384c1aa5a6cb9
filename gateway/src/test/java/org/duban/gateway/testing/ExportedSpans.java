package org.duban.gateway.testing;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A span exporter that keeps what it is given, where an OTLP exporter would send it on: a test sees the spans the
 * gateway exports. Spans reach it in batches ({@code management.opentelemetry.tracing.export.schedule-delay}).
 */
public final class ExportedSpans implements SpanExporter {

    private final List<SpanData> spans = new CopyOnWriteArrayList<>();

    /** Imported by a test class: the exporter as a bean. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Exporting {

        @Bean
        ExportedSpans exportedSpans() {
            return new ExportedSpans();
        }
    }

    /** The spans of one trace exported so far. */
    public List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
