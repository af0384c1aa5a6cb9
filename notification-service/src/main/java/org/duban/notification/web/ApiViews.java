package org.duban.notification.web;

import org.duban.platform.domain.Page;
import org.duban.notification.api.model.PageInfo;

/** What the notification controllers' views share (the service's shared web edge): the page info of a listing. */
public final class ApiViews {

    private ApiViews() {
    }

    public static PageInfo pageInfo(Page<?> page) {
        return new PageInfo(page.request().page(), page.request().size(), page.totalElements(), page.totalPages());
    }
}
