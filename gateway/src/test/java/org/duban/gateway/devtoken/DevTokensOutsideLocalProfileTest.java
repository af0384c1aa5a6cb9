package org.duban.gateway.devtoken;

import java.net.http.HttpResponse;

import org.duban.gateway.testing.RunningGateway;
import org.junit.jupiter.api.Test;

import static org.duban.gateway.testing.ProblemAssertions.assertProblem;

/** Runs without the {@code local} profile (the shared context of the other gateway tests). */
class DevTokensOutsideLocalProfileTest extends RunningGateway {

    @Test
    void answersNotFoundProblemForDevTokensOutsideTheLocalProfile() {
        // when
        HttpResponse<String> response = gateway.postJson("/api/v1/dev/tokens",
                "{\"subject\":\"supervisor-1\",\"roles\":[\"SUPERVISOR\"]}");

        // then
        assertProblem(response, 404, "not-found");
    }
}
