package org.duban.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.duban.contracts.events.AssignmentIssued;
import org.duban.notification.InboxHttp.Answer;

/** Registering webhooks over HTTP and making the assignments that travel to them. */
public final class WebhookFixtures {

    private WebhookFixtures() {
    }

    /** Registers {@code url} for the unit of {@code unitToken}; answers the endpoint id and its secret. */
    public static Registered register(InboxHttp http, String unitToken, String url) {
        Answer answer = http.postJson("/api/v1/webhooks", unitToken, "{\"url\": \"" + url + "\"}");
        assertThat(answer.status()).as("registration: %s", answer.body()).isEqualTo(201);
        return new Registered(answer.body().path("id").asString(), answer.body().path("secret").asString());
    }

    public static AssignmentIssued issued(String assignmentId, String unitId) {
        Instant at = Instant.now();
        return new AssignmentIssued(assignmentId, "case-" + assignmentId, unitId, "ASSIGN", "OTHER", false, at,
                at.plus(Duration.ofDays(15)), at.plus(Duration.ofDays(60)), AcknowledgementScenario.SUPERVISOR);
    }

    public record Registered(String id, String secret) {
    }
}
