package org.duban.supervision.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.duban.platform.domain.Page;
import org.duban.supervision.api.model.PageInfo;

/**
 * What every supervision controller's views share (the service's shared web edge): instants as UTC date-times,
 * the page info.
 */
public final class ApiViews {

    private ApiViews() {
    }

    public static PageInfo pageInfo(Page<?> page) {
        return new PageInfo(page.request().page(), page.request().size(), page.totalElements(), page.totalPages());
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
