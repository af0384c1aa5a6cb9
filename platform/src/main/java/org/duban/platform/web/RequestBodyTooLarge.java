package org.duban.platform.web;

import java.io.IOException;

/**
 * Thrown while a request body is read once it passes the service's limit (or at the first read when its
 * {@code Content-Length} already does); {@link ProblemDetailsAdvice} answers it {@code 413 payload-too-large}.
 * An {@link IOException}, as the failure of the stream it comes from, so that a reader wraps it as any other.
 */
public class RequestBodyTooLarge extends IOException {

    private final long limit;

    public RequestBodyTooLarge(long limit) {
        super("The request body is larger than the " + limit + " bytes this service accepts.");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
