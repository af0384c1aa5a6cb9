package org.duban.contracts.access;

/** The answer a caller gets from an operation, as far as access goes. */
public enum Answer {

    /** Let in: a 2xx (the operation's own answer). */
    ALLOWED("2xx"),
    /** No usable token: 401 {@code urn:duban:problem:unauthenticated}. */
    UNAUTHENTICATED("401"),
    /** A usable token whose role may not do this: 403 {@code urn:duban:problem:forbidden}. */
    FORBIDDEN("403"),
    /** Another unit's object (or, for the office inbox, a unit's): 404, exactly like a missing one. */
    NOT_FOUND("404");

    private final String status;

    Answer(String status) {
        this.status = status;
    }

    /** The status as documented: {@code 2xx}, {@code 401}, {@code 403} or {@code 404}. */
    public String status() {
        return status;
    }

    /** Whether an HTTP status is this answer. */
    public boolean is(int httpStatus) {
        return this == ALLOWED ? httpStatus >= 200 && httpStatus < 300 : Integer.toString(httpStatus).equals(status);
    }
}
