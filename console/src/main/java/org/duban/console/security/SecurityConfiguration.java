package org.duban.console.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may open which page, and the protections every page has: CSRF tokens on every form and htmx
 * call, a Content-Security-Policy without inline script or style, no framing, the session cookie
 * HttpOnly (and Secure outside the local profile, see application.yml), a new session id at sign-in.
 * A unit asking for an office page gets the not-found page, as for another unit's object.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Pages and files anyone may fetch. */
    private static final String[] OPEN = {
        "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error", "/errors/**",
        "/signin", "/signed-out", "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/actuator/sbom/**"
    };

    /** The forms that create something: only supervisors open them (leaders change nothing). */
    private static final String[] SUPERVISOR_FORMS = {
        "/units/new", "/matters/new", "/supervision/orders/new", "/supervision/recommendations/new",
        "/supervision/measures/new"
    };

    /** Pages leaders may read as supervisors do (leaders change nothing). */
    private static final String[] OFFICE_READING = {
        "/board", "/board/**", "/matters", "/matters/**", "/assignments/**", "/statistics", "/statistics/**",
        "/units", "/units/**", "/supervision", "/supervision/**", "/lawyers", "/lawyers/**"
    };

    @Bean
    SecurityFilterChain console(HttpSecurity http, SignInFlow signIn, HttpSessionSecurityContextRepository contexts,
            CsrfTokenRepository csrfTokens) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN).permitAll()
                        .requestMatchers("/", "/signout").authenticated()
                        .requestMatchers("/desk", "/desk/**").hasRole(ConsoleRole.UNIT.name())
                        .requestMatchers(HttpMethod.GET, SUPERVISOR_FORMS).hasRole(ConsoleRole.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.GET, OFFICE_READING)
                        .hasAnyRole(ConsoleRole.SUPERVISOR.name(), ConsoleRole.LEADER.name())
                        .anyRequest().hasRole(ConsoleRole.SUPERVISOR.name()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(signIn)))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(handling -> handling.accessDeniedHandler(SecurityConfiguration::denied));
        signIn.configure(http);
        return http.build();
    }

    /** No inline script or style anywhere: htmx, ECharts and the console's one script come from 'self'. */
    static String contentSecurityPolicy(SignInFlow signIn) {
        String formTargets = String.join(" ", signIn.formTargets());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + ("form-action 'self' " + formTargets).strip();
    }

    @Bean
    HttpSessionSecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    /**
     * A form without a valid CSRF token (e.g. opened before the session ran out) is told to reload; a unit is
     * shown the not-found page (office pages do not exist for it); office staff the forbidden page.
     */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denial)
            throws IOException, ServletException {
        if (denial instanceof CsrfException) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            request.getRequestDispatcher("/errors/expired-form").forward(request, response);
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean unit = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ConsoleRole.UNIT.authority().equals(authority.getAuthority()));
        if (unit) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            request.getRequestDispatcher("/errors/not-found").forward(request, response);
        } else {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            request.getRequestDispatcher("/errors/forbidden").forward(request, response);
        }
    }
}
