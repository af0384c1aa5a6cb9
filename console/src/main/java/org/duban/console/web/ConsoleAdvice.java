package org.duban.console.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.duban.console.platform.PlatformProblem;
import org.duban.console.security.ConsoleUser;
import org.duban.console.security.Htmx;
import org.duban.console.security.SignInFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place where the platform's answers that a page cannot show become pages: not found (404,
 * exactly as for another unit's object), not allowed, signed out (401: the token ran out; sign in
 * again), the platform unavailable (5xx, no answer). A refusal a form can show (400, 409) is handled
 * by the form through {@link org.duban.console.platform.Attempt}; one that reaches here is shown as
 * a refusal page.
 */
@ControllerAdvice
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    private final SignInFlow signIn;

    ConsoleAdvice(SignInFlow signIn) {
        this.signIn = signIn;
    }

    @ExceptionHandler(RestClientResponseException.class)
    ModelAndView refused(RestClientResponseException refused, HttpServletRequest request, HttpServletResponse response) {
        PlatformProblem problem = PlatformProblem.of(refused);
        int status = refused.getStatusCode().value();
        if (status == 401) {
            return signInAgain(request, response);
        }
        if (status == 404 || (status == 403 && isUnit())) {
            return page("error/404", HttpStatus.NOT_FOUND, problem);
        }
        if (status == 403) {
            return page("error/403", HttpStatus.FORBIDDEN, problem);
        }
        if (status == 429) {
            return page("error/busy", HttpStatus.TOO_MANY_REQUESTS, problem);
        }
        if (status >= 500) {
            log.warn("the platform answered {} to {} {} (request id {})", status, request.getMethod(),
                    request.getRequestURI(), problem.requestId());
            return page("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE, problem);
        }
        log.warn("the platform refused a call of {} {} that no form shows: {} {}", request.getMethod(),
                request.getRequestURI(), status, problem.detail());
        return page("error/refused", HttpStatus.valueOf(status), problem);
    }

    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView unreachable(ResourceAccessException e, HttpServletRequest request) {
        log.warn("the gateway could not be reached for {} {}: {}", request.getMethod(), request.getRequestURI(),
                e.getMessage());
        return page("error/unavailable", HttpStatus.SERVICE_UNAVAILABLE, null);
    }

    /** The token ran out or was refused: end the console's session and sign in again. */
    private ModelAndView signInAgain(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        if (Htmx.isHtmx(request)) {
            response.setHeader(Htmx.REDIRECT, request.getContextPath() + signIn.signInUrl());
            ModelAndView empty = new ModelAndView("fragments/empty");
            empty.setStatus(HttpStatus.UNAUTHORIZED);
            return empty;
        }
        return new ModelAndView("redirect:" + signIn.signInUrl());
    }

    private static ModelAndView page(String view, HttpStatus status, PlatformProblem problem) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("problem", problem);
        return page;
    }

    private static boolean isUnit() {
        try {
            return ConsoleUser.of(SecurityContextHolder.getContext().getAuthentication()).isUnit();
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
