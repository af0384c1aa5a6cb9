package org.duban.gateway.accesslog;

import java.time.Duration;

import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/**
 * With no trace sampled ({@code DUBAN_TRACING_SAMPLING=0}) the trace id still reaches the service in
 * {@code traceparent} (flagged not sampled) and the gateway's log line, so one id still follows a request
 * through the platform's logs. A caller's sampled trace is still sampled, as the services' parent-based samplers do.
 */
@TestPropertySource(properties = "DUBAN_TRACING_SAMPLING=0.0")
@ExtendWith(OutputCaptureExtension.class)
class UnsampledTracingTest extends RunningGateway {

    @Test
    void passesAnUnsampledTraceToTheServiceAndLogsItsId(CapturedOutput output) {
        // when
        gateway.getWithToken("/api/v1/cases", supervisorToken());

        // then
        String traceparent = INTAKE.received().get(0).header("traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
        String traceId = traceparent.substring(3, 35);
        assertThat(traceId).isNotEqualTo("0".repeat(32));
        // the access line is written once the answer has gone out
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "\\[gateway," + traceId + ",[0-9a-f]{16},[^]]+] org\\.duban\\.access +: GET /api/v1/cases -> 200"));
    }

    @Test
    void continuesACallersSampledTraceAsSampledAsTheServicesDo() {
        // given
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        // when
        gateway.send(gateway.request("/api/v1/cases").header("Authorization", "Bearer " + supervisorToken())
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

        // then
        assertThat(INTAKE.received().get(0).header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain("00f067aa0ba902b7");
    }
}
