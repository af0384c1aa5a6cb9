package org.duban.intake;

import java.time.Duration;

import org.duban.intake.calendar.DayCounting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Office policy and intake settings ({@code duban.intake.*}).
 *
 * @param acceptanceDays        days a unit has to accept an assignment (签收)
 * @param assignResultDays      default result deadline of a 交办, in days
 * @param transferResultDays    default handling limit of a 转送, in days
 * @param idempotencyRetention  how long an {@code Idempotency-Key} is remembered
 * @param dayCounting           how acceptance and result deadlines count days: calendar days or the
 *                              office calendar's working days
 * @param objectionWorkingDays  working days a unit has to object (异议退回), always in working days
 * @param calendarDir           a directory of office calendar year files ({@code 2027.yaml}) that replace
 *                              or add to the built-in ones; none when blank
 * @param publicRateLimit       calls a client may make to the public endpoints per window
 */
@ConfigurationProperties("duban.intake")
public record IntakeProperties(
        @DefaultValue("15") int acceptanceDays,
        @DefaultValue("60") int assignResultDays,
        @DefaultValue("60") int transferResultDays,
        @DefaultValue("7d") Duration idempotencyRetention,
        @DefaultValue("CALENDAR_DAYS") DayCounting dayCounting,
        @DefaultValue("5") int objectionWorkingDays,
        String calendarDir,
        @DefaultValue PublicRateLimit publicRateLimit) {

    /**
     * At most {@code requests} calls per client and {@code window} on {@code /api/v1/public/**}.
     *
     * @param requests calls allowed in one window
     * @param window   the window's length (whole seconds)
     */
    public record PublicRateLimit(@DefaultValue("10") int requests, @DefaultValue("1m") Duration window) {
    }
}
