package org.duban.intake.ratelimit.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.intake.ratelimit.RateLimit;
import org.duban.platform.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts every call to the public endpoints before its body is read, so malformed calls count too,
 * and answers 429 {@code urn:duban:problem:rate-limited} with {@code Retry-After} past the budget. The
 * client is the first address of {@code X-Forwarded-For} (the gateway adds it), else the remote address.
 */
public final class PublicRateLimitInterceptor implements HandlerInterceptor {

    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RateLimit rateLimit;

    public PublicRateLimitInterceptor(RateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        RateLimit.Decision decision = rateLimit.take(client(request));
        if (decision.allowed()) {
            return true;
        }
        ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "Too many calls from this client: at most "
                + rateLimit.requests() + " per " + rateLimit.window().toSeconds() + " s; retry after "
                + decision.retryAfterSeconds() + " s.");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
        return false;
    }

    static String client(HttpServletRequest request) {
        String forwarded = request.getHeader(FORWARDED_FOR);
        if (forwarded != null) {
            String first = forwarded.split(",", 2)[0].trim();
            if (!first.isEmpty()) {
                return first;
            }
        }
        return request.getRemoteAddr();
    }
}
