package org.duban.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One log line per answered API request — method, path (no query: it may carry personal data),
 * status and duration — written inside the request's trace, so the line carries its trace id and
 * request id (logging.pattern.correlation). Actuator calls (probes, scrapes) are left out.
 */
public final class AccessLogFilter extends OncePerRequestFilter {

    /** After Boot's observation filter (which opens the trace), before Spring Security (which may refuse). */
    public static final int ORDER = -150;

    private static final Logger log = LoggerFactory.getLogger("org.duban.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            log.info("{} {} -> {} in {} ms", request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator");
    }
}
