package org.duban.console.desk;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.console.web.PageView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Paging links for one of several lists on a page, each paged by its own parameter (e.g.
 * {@code ordersPage}); the links keep the other lists' pages. Shown with {@code fragments/paging}.
 */
final class SectionPaging {

    private SectionPaging() {
    }

    static PageView of(HttpServletRequest request, String path, String parameter, int page, long totalElements,
            int totalPages) {
        UriComponentsBuilder base = PageView.sameFilters(request, path);
        List<PageView.Numbered> numbered = new ArrayList<>();
        for (int number = Math.max(0, page - 3); number <= Math.min(totalPages - 1, page + 3); number++) {
            numbered.add(new PageView.Numbered(number + 1, link(base, parameter, number), number == page));
        }
        return new PageView(page, totalElements, totalPages,
                page > 0 ? link(base, parameter, page - 1) : null,
                page + 1 < totalPages ? link(base, parameter, page + 1) : null,
                numbered);
    }

    private static String link(UriComponentsBuilder base, String parameter, int page) {
        return base.cloneBuilder().replaceQueryParam(parameter, page).encode().build().toUriString();
    }
}
