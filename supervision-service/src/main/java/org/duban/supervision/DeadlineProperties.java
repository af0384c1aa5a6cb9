package org.duban.supervision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadline, alert and reminder settings ({@code duban.supervision.*}).
 *
 * @param yellowWindow         how long before its deadline an assignment turns yellow on the board
 * @param sweepInterval        how often this instance sweeps for due reminders
 * @param sweepBatch           subjects read per query of a sweep
 * @param sweepEnabled         whether this instance sweeps on its own (tests drive sweeps by hand)
 * @param idempotencyRetention how long an {@code Idempotency-Key} is remembered
 */
@ConfigurationProperties("duban.supervision")
public record DeadlineProperties(
        @DefaultValue("3d") Duration yellowWindow,
        @DefaultValue("1m") Duration sweepInterval,
        @DefaultValue("500") int sweepBatch,
        @DefaultValue("true") boolean sweepEnabled,
        @DefaultValue("7d") Duration idempotencyRetention) {
}
