package org.duban.console.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a list, for the paging links under it: the links keep every filter of the current
 * request and change only {@code page}.
 *
 * @param page          zero-based
 * @param totalElements lines in the whole list
 * @param totalPages    pages in the whole list
 * @param previous      link to the previous page, or null on the first
 * @param next          link to the next page, or null on the last
 * @param numbered      links to the pages around this one
 */
public record PageView(int page, long totalElements, int totalPages, String previous, String next,
        List<Numbered> numbered) {

    /** A numbered link; {@code current} marks the page shown. */
    public record Numbered(int number, String href, boolean current) {
    }

    /**
     * @param path the page's path (a fragment refreshed by htmx passes its page's path, not its own)
     */
    public static PageView of(HttpServletRequest request, String path, int page, long totalElements, int totalPages) {
        return of(sameFilters(request, path), "page", page, totalElements, totalPages);
    }

    /** The page of a list as the intake API answered it ({@code page} of its answer). */
    public static PageView of(HttpServletRequest request, String path, org.duban.client.intake.model.PageInfo info) {
        return of(request, path, info.getPage(), info.getTotalElements(), info.getTotalPages());
    }

    /** The page of a list as the supervision API answered it. */
    public static PageView of(HttpServletRequest request, String path,
            org.duban.client.supervision.model.PageInfo info) {
        return of(request, path, info.getPage(), info.getTotalElements(), info.getTotalPages());
    }

    /** The page of a list as the notification API answered it. */
    public static PageView of(HttpServletRequest request, String path,
            org.duban.client.notification.model.PageInfo info) {
        return of(request, path, info.getPage(), info.getTotalElements(), info.getTotalPages());
    }

    /**
     * One of several lists on one page, each paged by its own parameter ({@code ordersPage}, …): the links
     * change only that parameter, so the other lists stay where they are.
     *
     * @param base      the page's link keeping the current filters ({@link #sameFilters}), with a fragment to
     *                  come back to the list where wanted
     * @param parameter the list's paging parameter
     */
    public static PageView of(UriComponentsBuilder base, String parameter, int page, long totalElements,
            int totalPages) {
        List<Numbered> numbered = new ArrayList<>();
        int first = Math.max(0, page - 3);
        int last = Math.min(totalPages - 1, page + 3);
        for (int number = first; number <= last; number++) {
            numbered.add(new Numbered(number + 1, link(base, parameter, number), number == page));
        }
        return new PageView(page, totalElements, totalPages,
                page > 0 ? link(base, parameter, page - 1) : null,
                page + 1 < totalPages ? link(base, parameter, page + 1) : null,
                numbered);
    }

    /** {@code path} with the current request's parameters (its filters), for links that keep them. */
    public static UriComponentsBuilder sameFilters(HttpServletRequest request, String path) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        request.getParameterMap().forEach((name, values) -> {
            if (!name.startsWith("_")) {
                link.queryParam(name, (Object[]) values);
            }
        });
        return link;
    }

    private static String link(UriComponentsBuilder base, String parameter, int page) {
        return base.cloneBuilder().replaceQueryParam(parameter, page).encode().build().toUriString();
    }

    /** Worth showing: more than one page. */
    public boolean several() {
        return totalPages > 1;
    }
}
