package org.duban.platform.domain;

import java.util.List;
import java.util.function.Function;

/** One page of a list and how many there are in all. */
public record Page<T>(List<T> items, PageRequest request, long totalElements) {

    public Page {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((totalElements + request.size() - 1) / request.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), request, totalElements);
    }
}
