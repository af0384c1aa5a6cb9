package org.duban.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

import java.time.Duration;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.duban.gateway.testing.ExportedSpans;
import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

@Import(ExportedSpans.Exporting.class)
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
@ExtendWith(OutputCaptureExtension.class)
class TracePropagationTest extends RunningGateway {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    private ExportedSpans exported;

    @Test
    void continuesTheCallersTraceTowardsTheServiceAndLogsTheRequestWithItsTraceId(CapturedOutput output) {
        // when
        gateway.send(gateway.request("/api/v1/cases")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

        // then
        assertThat(INTAKE.received()).singleElement().satisfies(received ->
                assertThat(received.header("traceparent")).startsWith("00-" + TRACE_ID + "-").endsWith("-01"));
        String callSpan = INTAKE.received().get(0).header("traceparent").substring(36, 52);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(exported.ofTrace(TRACE_ID))
                .as("the gateway's server span under the caller's, and its call's client span")
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
                    assertThat(span.getAttributes().get(AttributeKey.stringKey("status"))).isEqualTo("200");
                    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.OK);
                })
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
                    assertThat(span.getSpanId()).isEqualTo(callSpan);
                }));
        // the access log line is written once the exchange completes, which may be just after the client has its
        // answer: Spring Boot's console line (date, level, pid, application, thread), the ids, logger and message
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "(?m)^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)  INFO \\d+ "
                        + "--- \\[gateway] \\[.{15}] \\[gateway," + TRACE_ID + ",[0-9a-f]{16},[^]]+] "
                        + "org\\.duban\\.access {24} : GET /api/v1/cases -> 200 in \\d+ ms$"));
    }

    @Test
    void passesTheCallersTraceOnEvenWhenTheCallerDoesNotSampleIt(CapturedOutput output) {
        // when
        gateway.send(gateway.request("/api/v1/cases")
                .header("Authorization", "Bearer " + supervisorToken())
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-00"));

        // then
        assertThat(INTAKE.received()).singleElement().satisfies(received ->
                assertThat(received.header("traceparent")).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "\\[gateway," + TRACE_ID + ",[0-9a-f]{16},[^]]+] org\\.duban\\.access +: GET /api/v1/cases -> 200"));
    }

    @Test
    void startsATraceWhenTheCallerSentNone() {
        // when
        gateway.getWithToken("/api/v1/cases", supervisorToken());

        // then
        assertThat(INTAKE.received()).singleElement().satisfies(received ->
                assertThat(received.header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01"));
        String traceId = INTAKE.received().get(0).header("traceparent").substring(3, 35);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(exported.ofTrace(traceId))
                .extracting(SpanData::getKind).contains(SpanKind.SERVER, SpanKind.CLIENT));
    }
}
