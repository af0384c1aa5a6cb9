package org.duban.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Office policy and intake settings ({@code duban.intake.*}).
 *
 * @param acceptanceDays        days a unit has to accept an assignment (签收)
 * @param assignResultDays      default result deadline of a 交办, in days
 * @param transferResultDays    default handling limit of a 转送, in days
 * @param idempotencyRetention  how long an {@code Idempotency-Key} is remembered
 */
@ConfigurationProperties("duban.intake")
public record IntakeProperties(
        @DefaultValue("15") int acceptanceDays,
        @DefaultValue("60") int assignResultDays,
        @DefaultValue("60") int transferResultDays,
        @DefaultValue("7d") Duration idempotencyRetention) {
}
