package org.duban.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");

    @Test
    void signsLikeTheStandardWebhooksReferenceExample() {
        // given: the example of the Standard Webhooks reference libraries
        WebhookSecret secret = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", T0, null);

        // when
        String header = WebhookSignature.header("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}",
                List.of(secret));

        // then
        assertThat(header).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signsWithEverySecretSeparatedBySpaces() {
        // given
        WebhookSecret old = WebhookSecret.generate(T0);
        WebhookSecret fresh = WebhookSecret.generate(T0);

        // when
        String both = WebhookSignature.header("msg_1", 1L, "{}", List.of(old, fresh));

        // then
        assertThat(both.split(" ")).hasSize(2).allSatisfy(signature -> assertThat(signature).startsWith("v1,"))
                .containsExactly(WebhookSignature.header("msg_1", 1L, "{}", List.of(old)),
                        WebhookSignature.header("msg_1", 1L, "{}", List.of(fresh)));
    }

    @Test
    void aGeneratedSecretHoldsThirtyTwoRandomBytes() {
        // when
        WebhookSecret one = WebhookSecret.generate(T0);
        WebhookSecret other = WebhookSecret.generate(T0);

        // then
        assertThat(one.value()).startsWith("whsec_");
        assertThat(one.key()).hasSize(32);
        assertThat(one.value()).isNotEqualTo(other.value());
    }
}
