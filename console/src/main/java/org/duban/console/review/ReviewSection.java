package org.duban.console.review;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.duban.client.intake.model.PageInfo;
import org.duban.console.web.PageView;

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
                PageView.of(PageView.sameFilters(request, "/review").fragment(name), parameter(name), info.getPage(),
                        info.getTotalElements(), info.getTotalPages()));
    }

    /** The paging parameter of a list. */
    static String parameter(String name) {
        return name + "Page";
    }
}
