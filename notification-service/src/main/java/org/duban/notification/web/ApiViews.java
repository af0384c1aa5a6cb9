package org.duban.notification.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.duban.platform.domain.Page;
import org.duban.notification.api.model.PageInfo;

/**
 * What the notification controllers' views share (the service's shared web edge): the page info of a listing,
 * instants as UTC date-times.
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
}
