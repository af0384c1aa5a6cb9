package org.duban.console.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Sends an anonymous visitor to sign in. A page is redirected (and remembered, to come back to after
 * signing in); an htmx call (a board refresh after the session ran out) answers 401 with
 * {@code HX-Redirect}, so that the whole page goes to the sign-in instead of a fragment.
 */
public final class SignInEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint pages;
    private final String signInUrl;

    public SignInEntryPoint(String signInUrl) {
        this.pages = new LoginUrlAuthenticationEntryPoint(signInUrl);
        this.signInUrl = signInUrl;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (Htmx.isHtmx(request)) {
            response.setHeader(Htmx.REDIRECT, request.getContextPath() + signInUrl);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        pages.commence(request, response, e);
    }

    /** Remembers only whole pages a user opened (GET, not htmx), to return to them after signing in. */
    public static RequestCache pagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !Htmx.isHtmx(request));
        cache.setMatchingRequestParameterName(null); // back to the page as it was, without "?continue"
        return cache;
    }
}
