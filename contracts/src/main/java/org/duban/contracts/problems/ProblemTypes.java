package org.duban.contracts.problems;

import java.net.URI;

/**
 * The stable {@code type} of every problem document Duban answers, gateway and services alike:
 * {@code urn:duban:problem:<slug>}, one slug per HTTP status (docs/conventions.md).
 */
public final class ProblemTypes {

    public static final String PREFIX = "urn:duban:problem:";

    private ProblemTypes() {
    }

    public static URI forStatus(int status) {
        return URI.create(PREFIX + slug(status));
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "state-conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "client-error";
        };
    }
}
