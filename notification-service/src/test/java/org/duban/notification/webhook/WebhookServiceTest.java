package org.duban.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.Forbidden;
import org.duban.platform.domain.InvalidInput;
import org.duban.platform.domain.NotFound;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.platform.testing.MovableClock;
import org.junit.jupiter.api.Test;

class WebhookServiceTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    private static final Caller UNIT_1 = Caller.unit("li.na", "unit-1");
    private static final Caller UNIT_2 = Caller.unit("wang.fang", "unit-2");
    private static final String ISSUED = "duban.assignment.issued.v1";

    private final MovableClock clock = new MovableClock(T0);
    private final InMemoryWebhookEndpoints endpoints = new InMemoryWebhookEndpoints();
    private final WebhookService webhooks = new WebhookService(endpoints,
            new TargetGuard(new TargetGuard.Settings(true, true, false), HostResolver.SYSTEM),
            Set.of(ISSUED, "duban.reminder.issued.v1"), Duration.ofHours(24),
            new IdempotentCreations(new InMemoryIdempotencyKeys(), clock), clock);

    @Test
    void registersAnEndpointForTheCallingUnitAndShowsItsSecretOnce() {
        // when
        WebhookRegistration registration = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of(ISSUED));

        // then
        assertThat(registration.secret()).startsWith("whsec_");
        assertThat(registration.endpoint().unitId()).isEqualTo("unit-1");
        assertThat(registration.endpoint().wants(ISSUED)).isTrue();
        assertThat(registration.endpoint().wants("duban.reminder.issued.v1")).isFalse();
        assertThat(webhooks.receiversOf("unit-1", ISSUED)).hasSize(1);
        assertThat(webhooks.receiversOf("unit-2", ISSUED)).isEmpty();
    }

    @Test
    void refusesBadInputNamingEveryFieldAndStoresNothing() {
        // when / then
        assertThatThrownBy(() -> webhooks.register(UNIT_1, "http://10.0.0.1/hook", List.of("nope", ISSUED, "x")))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.problems())
                        .extracting(InvalidInput.FieldProblem::field).containsExactly("url", "events[0]", "events[2]"));
        assertThatThrownBy(() -> webhooks.register(UNIT_1, "relative/path", List.of())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> webhooks.register(UNIT_1, " ", null)).isInstanceOf(InvalidInput.class);
        assertThat(endpoints.of(null)).isEmpty();
    }

    @Test
    void onlyAUnitRegistersAndOnlyTheOwnerOrTheOfficeSeesOrRemovesAnEndpoint() {
        // given
        String id = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of()).endpoint().id();

        // when / then
        assertThatThrownBy(() -> webhooks.register(Caller.supervisor("zhang.wei"), "http://127.0.0.1:1/h", List.of()))
                .isInstanceOf(Forbidden.class);
        assertThat(webhooks.list(UNIT_2)).isEmpty();
        assertThat(webhooks.list(Caller.supervisor("zhang.wei"))).hasSize(1);
        assertThatThrownBy(() -> webhooks.delete(UNIT_2, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> webhooks.rotateSecret(UNIT_2, id)).isInstanceOf(NotFound.class);
        webhooks.delete(UNIT_1, id);
        assertThat(webhooks.list(UNIT_1)).isEmpty();
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneUntilTheGracePeriodEnds() {
        // given
        WebhookRegistration first = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of());
        String id = first.endpoint().id();

        // when
        clock.advance(Duration.ofHours(1));
        WebhookRegistration rotated = webhooks.rotateSecret(UNIT_1, id);

        // then
        WebhookEndpoint stored = webhooks.endpoint(id).orElseThrow();
        assertThat(rotated.previousSecretExpiresAt()).isEqualTo(T0.plus(Duration.ofHours(25)));
        assertThat(stored.signingSecrets(clock.instant())).extracting(WebhookSecret::value)
                .containsExactly(first.secret(), rotated.secret());
        assertThat(stored.signingSecrets(T0.plus(Duration.ofHours(25)))).extracting(WebhookSecret::value)
                .containsExactly(rotated.secret());
        assertThat(stored.currentSecret().value()).isEqualTo(rotated.secret());
    }

    @Test
    void aDisabledEndpointReceivesNothing() {
        // given
        String id = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of()).endpoint().id();

        // when
        webhooks.disable(id, "the receiver answered 410 Gone");

        // then
        assertThat(webhooks.receiversOf("unit-1", ISSUED)).isEmpty();
        assertThat(webhooks.endpoint(id)).get().extracting(WebhookEndpoint::disabledReason)
                .isEqualTo("the receiver answered 410 Gone");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheFirstRegistrationSecretIncludedAndRegistersNothingMore() {
        // given
        WebhookRegistration first = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of(ISSUED), "k-1");

        // when
        clock.advance(Duration.ofMinutes(1));
        WebhookRegistration retried = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of(ISSUED), "k-1");

        // then
        assertThat(retried.endpoint().id()).isEqualTo(first.endpoint().id());
        assertThat(retried.secret()).isEqualTo(first.secret());
        assertThat(endpoints.of("unit-1")).hasSize(1);
        assertThat(endpoints.of("unit-1").get(0).secrets()).hasSize(1);
    }

    @Test
    void aClerkOfAnotherUnitWithTheSameSubjectAndKeyGetsNothingOfTheFirstUnitsRegistration() {
        // given: the identity provider names a clerk of each unit "clerk"
        Caller clerkOfUnit1 = Caller.unit("clerk", "unit-1");
        Caller clerkOfUnit2 = Caller.unit("clerk", "unit-2");
        WebhookRegistration first = webhooks.register(clerkOfUnit1, "http://127.0.0.1:9000/hook", List.of(ISSUED), "k-9");

        // when: unit 2's clerk sends the same request under the same key
        WebhookRegistration other = webhooks.register(clerkOfUnit2, "http://127.0.0.1:9000/hook", List.of(ISSUED), "k-9");

        // then: unit 2 registered an endpoint of its own, and never saw unit 1's or its secret
        assertThat(other.endpoint().unitId()).isEqualTo("unit-2");
        assertThat(other.endpoint().id()).isNotEqualTo(first.endpoint().id());
        assertThat(other.secret()).isNotEqualTo(first.secret());
        assertThat(endpoints.of("unit-1")).hasSize(1);
        assertThat(endpoints.of("unit-2")).hasSize(1);
    }

    @Test
    void aRetryRacingTheFirstRequestToStoreAnswersTheFirstRegistration() {
        // given: the first request stored its endpoint just after the retry looked for it
        WebhookRegistration first = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of(), "k-3");
        endpoints.hideNextRead();

        // when
        WebhookRegistration retried = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of(), "k-3");

        // then
        assertThat(retried.endpoint().id()).isEqualTo(first.endpoint().id());
        assertThat(retried.secret()).isEqualTo(first.secret());
        assertThat(endpoints.of("unit-1")).singleElement()
                .satisfies(stored -> assertThat(stored.secrets()).extracting(WebhookSecret::value)
                        .containsExactly(first.secret()));
    }

    @Test
    void theSameIdempotencyKeyForAnotherRequestOrAfterTheSecretWasRotatedOutIsAConflict() {
        // given
        String id = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of(), "k-2").endpoint().id();

        // when / then: another URL under the same key
        assertThatThrownBy(() -> webhooks.register(UNIT_1, "http://127.0.0.1:9001/hook", List.of(), "k-2"))
                .isInstanceOf(Conflict.class).hasMessageContaining("different request");
        // another unit's key of the same name is its own
        assertThat(webhooks.register(UNIT_2, "http://127.0.0.1:9000/hook", List.of(), "k-2").endpoint().id())
                .isNotEqualTo(id);
        // the secret of the first answer rotated out: it cannot be shown again
        clock.advance(Duration.ofMinutes(5));
        webhooks.rotateSecret(UNIT_1, id);
        assertThat(webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of(), "k-2").endpoint().id())
                .isEqualTo(id);
        clock.advance(Duration.ofHours(25));
        webhooks.rotateSecret(UNIT_1, id);
        assertThatThrownBy(() -> webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of(), "k-2"))
                .isInstanceOf(Conflict.class).hasMessageContaining("rotated");
        assertThat(endpoints.of("unit-1")).hasSize(1);
    }

    @Test
    void anAttemptRightAfterTheReadForNewDeliveriesTakesTheEndpointFromThatReadForAHundredMillisecondsAtMost() {
        // given
        String id = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of()).endpoint().id();
        webhooks.receiversOf("unit-1", ISSUED);

        // when another instance disables it in the store
        endpoints.disable(id, "disabled elsewhere", T0);

        // then
        assertThat(webhooks.endpoint(id)).get().extracting(WebhookEndpoint::isActive).isEqualTo(true);
        clock.advance(WebhookService.JUST_READ.minusMillis(1));
        assertThat(webhooks.endpoint(id)).get().extracting(WebhookEndpoint::isActive).isEqualTo(true);
        clock.advance(Duration.ofMillis(1));
        assertThat(webhooks.endpoint(id)).get().extracting(WebhookEndpoint::disabledReason)
                .isEqualTo("disabled elsewhere");
    }

    @Test
    void aChangeMadeThroughThisServiceReachesTheNextAttemptAtOnce() {
        // given
        String id = webhooks.register(UNIT_1, "http://127.0.0.1:9000/hook", List.of()).endpoint().id();

        // when / then
        webhooks.receiversOf("unit-1", ISSUED);
        WebhookRegistration rotated = webhooks.rotateSecret(UNIT_1, id);
        assertThat(webhooks.endpoint(id)).get().satisfies(endpoint -> assertThat(endpoint.currentSecret().value())
                .isEqualTo(rotated.secret()));
        webhooks.receiversOf("unit-1", ISSUED);
        webhooks.disable(id, "the receiver answered 410 Gone");
        assertThat(webhooks.endpoint(id)).get().extracting(WebhookEndpoint::isActive).isEqualTo(false);
        webhooks.receiversOf("unit-1", ISSUED);
        webhooks.delete(UNIT_1, id);
        assertThat(webhooks.endpoint(id)).isEmpty();
    }
}
