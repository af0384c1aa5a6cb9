package org.duban.platform.mongo;

import java.time.Instant;
import java.util.Date;

/** Instants as the driver stores them (BSON dates, {@link Date} in Java), with an absent value staying absent. */
public final class MongoDates {

    private MongoDates() {
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
