package org.duban.platform.domain;

/** A zero-based page of a list. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    /**
     * The highest page number, as the OpenAPI documents declare it: even at {@link #MAX_SIZE} the items
     * skipped before the page ({@link #offset()}) stay within an {@code int}, the store's skip.
     */
    public static final int MAX_PAGE = 10_000_000;

    public PageRequest {
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidInput("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
    }

    public int offset() {
        return page * size;
    }
}
