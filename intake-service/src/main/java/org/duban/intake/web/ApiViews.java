package org.duban.intake.web;

import org.duban.platform.domain.Page;
import org.duban.intake.api.model.PageInfo;

/** What the intake controllers' views share (the service's shared web edge): the page info of a listing. */
public final class ApiViews {

    private ApiViews() {
    }

    public static PageInfo pageInfo(Page<?> page) {
        return new PageInfo(page.request().page(), page.request().size(), page.totalElements(), page.totalPages());
    }
}
