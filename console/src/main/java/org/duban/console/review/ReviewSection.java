package org.duban.console.review;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.model.PageInfo;
import org.duban.console.web.PageView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One of the 待办审核 lists: its lines of the page shown, its count, and its own paging. The three lists
 * share one page, so each pages with its own parameter ({@code reportsPage}, …) and its links keep the
 * other lists where they are and jump back to the list ({@code #reports}).
 *
 * @param name  {@code reports}, {@code objections} or {@code extensions}: the anchor and the message keys
 * @param count how many wait in all
 */
public record ReviewSection(String name, List<ReviewLine> lines, long count, PageView page) {

    public ReviewSection {
        lines = List.copyOf(lines);
    }

    static ReviewSection of(String name, List<ReviewLine> lines, PageInfo info, HttpServletRequest request) {
        return new ReviewSection(name, lines, info.getTotalElements(),
                paging(request, name, info.getPage(), info.getTotalElements(), info.getTotalPages()));
    }

    /** The paging parameter of a list. */
    static String parameter(String name) {
        return name + "Page";
    }

    private static PageView paging(HttpServletRequest request, String name, int page, long totalElements,
            int totalPages) {
        UriComponentsBuilder base = PageView.sameFilters(request, "/review").fragment(name);
        List<PageView.Numbered> numbered = new ArrayList<>();
        for (int number = Math.max(0, page - 3); number <= Math.min(totalPages - 1, page + 3); number++) {
            numbered.add(new PageView.Numbered(number + 1, link(base, name, number), number == page));
        }
        return new PageView(page, totalElements, totalPages, page > 0 ? link(base, name, page - 1) : null,
                page + 1 < totalPages ? link(base, name, page + 1) : null, numbered);
    }

    private static String link(UriComponentsBuilder base, String name, int page) {
        return base.cloneBuilder().replaceQueryParam(parameter(name), page).encode().build().toUriString();
    }
}
