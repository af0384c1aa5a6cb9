package org.duban.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.duban.contracts.events.NotificationDelivered;
import org.duban.contracts.events.NotificationDeliveryFailed;
import org.duban.notification.inbox.InboxFixtures;
import org.duban.notification.inbox.InboxMessage;
import org.duban.platform.domain.StateConflict;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:30:00Z");
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final List<Duration> STANDARD = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
            Duration.ofHours(20), Duration.ofHours(24));

    private final RetrySchedule schedule = new RetrySchedule(STANDARD, 0, () -> 0.5);
    private final InboxMessage message = InboxFixtures.unreadMessage("evt-1", "unit-1", T0);

    @Test
    void theSameMessageToTheSameEndpointAlwaysHasTheSameId() {
        assertThat(Delivery.webhook(message, "ep-1", "{}", T0, T0).id())
                .isEqualTo(Delivery.webhook(message, "ep-1", "{}", T0.plusSeconds(9), T0).id())
                .isNotEqualTo(Delivery.webhook(message, "ep-2", "{}", T0, T0).id())
                .startsWith("msg_");
    }

    @Test
    void followsTheScheduleAfterEachFailureAndGivesUpAfterTheTenthAttempt() {
        // given
        Delivery delivery = Delivery.webhook(message, "ep-1", "{}", T0, schedule.first(T0));
        Instant now = T0;

        // when / then
        for (int attempt = 1; attempt < 10; attempt++) {
            delivery.record(AttemptOutcome.failure(500, 12, "HTTP 500", null), now, schedule, RETENTION);
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(delivery.nextAttemptAt()).isEqualTo(now.plus(STANDARD.get(attempt)));
            assertThat(delivery.recordedEvents()).isEmpty();
            now = delivery.nextAttemptAt();
        }
        delivery.record(AttemptOutcome.failure(503, 40, "HTTP 503", null), now, schedule, RETENTION);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.progress().attempts()).hasSize(10);
        assertThat(delivery.progress().expiresAt()).isEqualTo(now.plus(RETENTION));
        assertThat(delivery.recordedEvents()).singleElement().isInstanceOfSatisfying(NotificationDeliveryFailed.class, failed -> {
            assertThat(failed.attempts()).isEqualTo(10);
            assertThat(failed.lastStatus()).isEqualTo(503);
            assertThat(failed.channel()).isEqualTo("WEBHOOK");
        });
    }

    @Test
    void recordsEveryAttemptAndTheDeliveryWithItsEvent() {
        // given
        Delivery delivery = Delivery.webhook(message, "ep-1", "{}", T0, T0);
        delivery.record(AttemptOutcome.failure(null, 15_000, "timed out", null), T0, schedule, RETENTION);

        // when
        delivery.record(AttemptOutcome.success(204, 31), T0.plusSeconds(5), schedule, RETENTION);

        // then
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.progress().attempts()).extracting(Attempt::number, Attempt::status, Attempt::latencyMillis,
                Attempt::error).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, null, 15_000L, "timed out"),
                        org.assertj.core.groups.Tuple.tuple(2, 204, 31L, null));
        assertThat(delivery.recordedEvents()).singleElement().isInstanceOfSatisfying(NotificationDelivered.class,
                delivered -> assertThat(delivered.attempts()).isEqualTo(2));
    }

    @Test
    void aRetryAfterLaterThanTheScheduleWins() {
        // when
        Delivery delivery = Delivery.webhook(message, "ep-1", "{}", T0, T0);
        delivery.record(AttemptOutcome.failure(429, 3, "HTTP 429", Duration.ofMinutes(2)), T0, schedule, RETENTION);

        // then
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aRetryAfterBeyondTheLongestStepOfTheScheduleIsCappedAtThatStep() {
        // when: the receiver answers Retry-After: 99999999999999 (three million years)
        Delivery delivery = Delivery.webhook(message, "ep-1", "{}", T0, T0);
        delivery.record(AttemptOutcome.failure(503, 3, "HTTP 503",
                RetryAfter.parse("99999999999999", T0).orElseThrow()), T0, schedule, RETENTION);

        // then: the attempt is recorded, the next one falls at the cap: the schedule's longest step, 24 h
        assertThat(delivery.progress().attempts()).hasSize(1);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
    }

    @Test
    void aRetryAfterLongerThanAnyClockIsCappedTooAndANegativeOneIsIgnored() {
        // when
        Delivery capped = Delivery.webhook(message, "ep-1", "{}", T0, T0);
        capped.record(AttemptOutcome.failure(503, 3, "HTTP 503",
                RetryAfter.parse("999999999999999999999999999", T0).orElseThrow()), T0, schedule, RETENTION);
        Delivery negative = Delivery.webhook(message, "ep-1", "{}", T0, T0);
        negative.record(AttemptOutcome.failure(503, 3, "HTTP 503", Duration.ofSeconds(-30)), T0, schedule, RETENTION);

        // then
        assertThat(capped.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(negative.nextAttemptAt()).isEqualTo(T0.plus(STANDARD.get(1)));
        assertThat(schedule.longestDelay()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aGoneTargetFailsAtOnce() {
        // when
        Delivery delivery = Delivery.webhook(message, "ep-1", "{}", T0, T0);
        delivery.record(AttemptOutcome.permanentFailure(410, 3, "410 Gone"), T0, schedule, RETENTION);

        // then
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.recordedEvents()).hasSize(1);
    }

    @Test
    void anOpenBreakerPostponesWithoutCountingAnAttempt() {
        // when
        Delivery delivery = Delivery.webhook(message, "ep-1", "{}", T0, T0);
        delivery.record(AttemptOutcome.notAttempted(Duration.ofSeconds(60)), T0, schedule, RETENTION);

        // then
        assertThat(delivery.progress().attempts()).isEmpty();
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void aFailedDeliveryIsRedeliveredFromTheStartOfTheScheduleKeepingItsAttempts() {
        // given
        Delivery again = Delivery.webhook(message, "ep-1", "{}", T0, T0);
        again.record(AttemptOutcome.permanentFailure(410, 3, "410 Gone"), T0, schedule, RETENTION);
        String id = again.id();

        // when
        again.redeliver(T0.plusSeconds(30), schedule);

        // then
        assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.progress().roundAttempts()).isZero();
        assertThat(again.progress().attempts()).hasSize(1);
        assertThat(again.progress().expiresAt()).isNull();
        assertThat(again.nextAttemptAt()).isEqualTo(T0.plusSeconds(30));
        assertThatThrownBy(() -> again.redeliver(T0, schedule)).isInstanceOf(StateConflict.class);
    }

    @Test
    void jitterKeepsEachDelayWithinItsShare() {
        // given
        RetrySchedule low = new RetrySchedule(STANDARD, 0.1, () -> 0.0);
        RetrySchedule high = new RetrySchedule(STANDARD, 0.1, () -> 0.999_999);

        // then
        assertThat(low.next(3, T0, null)).contains(T0.plus(Duration.ofMinutes(27)));
        assertThat(high.next(3, T0, null).orElseThrow()).isBeforeOrEqualTo(T0.plus(Duration.ofMinutes(33)))
                .isAfter(T0.plus(Duration.ofMinutes(32)));
        assertThat(low.first(T0)).isEqualTo(T0);
        assertThat(low.next(10, T0, null)).isEmpty();
    }
}
