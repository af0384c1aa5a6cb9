package org.duban.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WebhookSecretTest {

    private static final Instant T0 = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void printingASecretOrItsEndpointNeverShowsIt() {
        // given
        WebhookSecret secret = WebhookSecret.generate(T0);
        WebhookEndpoint endpoint = new WebhookEndpoint("hook-1", "unit-1", URI.create("https://oa.example/"),
                Set.of(), List.of(secret), WebhookEndpoint.Status.ACTIVE, null, T0, 0)
                .rotate(WebhookSecret.generate(T0), T0, Duration.ofHours(1));

        // when
        String printed = secret + " " + endpoint;

        // then
        assertThat(printed).doesNotContain("whsec_", secret.value().substring(6));
        assertThat(printed).contains("createdAt=" + T0);
    }

    @Test
    void aStoredSecretIsRevealedOnlyWhenItSigns() {
        // given: a secret whose text is counted each time it is revealed
        String text = WebhookSecret.generate(T0).value();
        int[] revealed = {0};
        WebhookSecret stored = new WebhookSecret(() -> {
            revealed[0]++;
            return text;
        }, T0, null);
        WebhookEndpoint endpoint = new WebhookEndpoint("hook-1", "unit-1", URI.create("https://oa.example/"),
                Set.of(), List.of(stored), WebhookEndpoint.Status.ACTIVE, null, T0, 0);

        // when
        List<WebhookSecret> signing = endpoint.signingSecrets(T0);
        int beforeSigning = revealed[0];
        String signature = WebhookSignature.header("msg_1", 1_700_000_000L, "{}", signing);

        // then
        assertThat(beforeSigning).isZero();
        assertThat(revealed[0]).isEqualTo(1);
        assertThat(signature).isEqualTo(WebhookSignature.header("msg_1", 1_700_000_000L, "{}",
                List.of(new WebhookSecret(text, T0, null))));
    }
}
