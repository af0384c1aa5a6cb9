package org.duban.notification.delivery;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A receiver's {@code Retry-After} header (RFC 9110 §10.2.3), read safely: either delay-seconds (digits
 * only) or an HTTP-date (IMF-fixdate, and the obsolete RFC 850 and asctime forms a recipient must
 * accept). Anything else — a negative number, a fraction, text, an empty value — is ignored, as if the
 * header were absent. A number too large for any clock is read as the longest delay there is; the
 * {@link RetrySchedule} caps every delay at its own longest step anyway, so no receiver can put a
 * delivery off for longer than the schedule would.
 */
public final class RetryAfter {

    /** The longest delay a header can ask for; longer numbers are read as this. */
    static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE);

    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("EEE MMM ")
            .padNext(2)
            .appendValue(ChronoField.DAY_OF_MONTH, 1, 2, SignStyle.NOT_NEGATIVE)
            .appendPattern(" HH:mm:ss yyyy")
            .toFormatter(Locale.US);

    private RetryAfter() {
    }

    /**
     * How long the receiver asks to be left alone, from {@code now}: empty when the header is absent or
     * not a valid {@code Retry-After}; zero for a date already past.
     */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(seconds(value));
        }
        return date(value).map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    }

    private static Duration seconds(String digits) {
        try {
            return Duration.ofSeconds(Long.parseLong(digits));
        } catch (NumberFormatException tooLong) {
            return LONGEST;
        }
    }

    private static Optional<Instant> date(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException notImfFixdate) {
            // one of the obsolete forms, or nothing
        }
        for (DateTimeFormatter obsolete : List.of(RFC_850, ASCTIME)) {
            try {
                return Optional.of(LocalDateTime.parse(value, obsolete).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException notThisForm) {
                // try the next
            }
        }
        return Optional.empty();
    }
}
