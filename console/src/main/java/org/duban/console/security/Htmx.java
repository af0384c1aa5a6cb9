package org.duban.console.security;

import jakarta.servlet.http.HttpServletRequest;

/** The htmx request and response headers the console uses. */
public final class Htmx {

    /** Present (value {@code true}) on every request htmx makes. */
    public static final String REQUEST = "HX-Request";
    /** Tells htmx to load another page as a whole. */
    public static final String REDIRECT = "HX-Redirect";

    private Htmx() {
    }

    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader(REQUEST));
    }
}
