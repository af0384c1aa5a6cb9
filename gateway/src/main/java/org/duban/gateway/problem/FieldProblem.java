package org.duban.gateway.problem;

/** One offending field of an {@code invalid-request} problem: the {@code errors[]} entries. */
public record FieldProblem(String field, String message) {
}
