package org.duban.platform.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingReceiverTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.duban.platform.tracing.TraceContexts;

/**
 * Tracing as the services run it (Micrometer's OpenTelemetry bridge, W3C propagation, parent-based sampling),
 * keeping every span that ends, for tests that check which spans work makes and how they link.
 */
public final class RecordingTracing {

    private final List<SpanData> ended = new CopyOnWriteArrayList<>();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(new Recorder()).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final io.opentelemetry.api.trace.Tracer otelTracer = openTelemetry.getTracer("test");
    private final Tracer tracer = new OtelTracer(otelTracer, new OtelCurrentTraceContext(), event -> { });
    private final OtelPropagator propagator = new OtelPropagator(openTelemetry.getPropagators(), otelTracer);
    private final ObservationRegistry observations = ObservationRegistry.create();
    private final TraceContexts traces = new TraceContexts(observations, tracer, propagator);

    public RecordingTracing() {
        observations.observationConfig().observationHandler(
                new ObservationHandler.FirstMatchingCompositeObservationHandler(List.of(
                        new PropagatingSenderTracingObservationHandler<>(tracer, propagator),
                        new PropagatingReceiverTracingObservationHandler<>(tracer, propagator),
                        new DefaultTracingObservationHandler(tracer))));
    }

    public TraceContexts traces() {
        return traces;
    }

    public Tracer tracer() {
        return tracer;
    }

    public ObservationRegistry observations() {
        return observations;
    }

    /** The spans that ended so far, in the order they ended. */
    public List<SpanData> ended() {
        return ended;
    }

    private final class Recorder implements SpanProcessor {

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
