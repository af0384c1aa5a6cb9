package org.duban.gateway.accesslog;

import java.net.http.HttpResponse;

import org.duban.gateway.testing.GatewayClient;
import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.gateway.testing.TokenFixtures.supervisorToken;

/**
 * The dashboards read {@code http_server_requests_seconds_*} of every application (ADR 0007): the forwarded
 * requests are timed under that name with the same tags as the gateway's own.
 */
class RequestMetricsTest extends RunningGateway {

    @LocalManagementPort
    private int managementPort;

    @Test
    void timesForwardedRequestsBesideTheGatewaysOwnUnderTheSameName() {
        // given: one forwarded, one answered by the gateway itself (no route: 404)
        assertThat(gateway.getWithToken("/api/v1/units/42", supervisorToken()).statusCode()).isEqualTo(200);
        assertThat(gateway.getWithToken("/api/v1/nothing-here", supervisorToken()).statusCode()).isEqualTo(404);

        // when
        HttpResponse<String> scrape = new GatewayClient(managementPort).get("/actuator/prometheus");

        // then
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*outcome=\"SUCCESS\""
                        + "[^}]*status=\"200\"[^}]*uri=\"/api/v1/units/\\*\\*\"[^}]*} [1-9]")
                .containsPattern("(?m)^http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/units/\\*\\*\"")
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*} [1-9]");
    }
}
