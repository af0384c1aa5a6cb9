package org.duban.console.security.local;

import java.time.Clock;

import org.duban.console.security.SignInEntryPoint;
import org.duban.console.security.SignInFlow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.RequestCache;

import java.util.List;

/**
 * The local profile's sign-in, the way a newcomer tries the product: a page where one picks a role
 * (and a unit) and the console takes a dev token from the gateway ({@code POST /api/v1/dev/tokens},
 * which exists only in the local profile too). Never active elsewhere.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
class LocalSignInConfiguration {

    static final String SIGN_IN = "/signin";

    @Bean
    LocalAccessTokens localAccessTokens(Clock clock) {
        return new LocalAccessTokens(clock);
    }

    @Bean
    RequestCache consoleRequestCache() {
        return SignInEntryPoint.pagesOnly();
    }

    /** At sign-in: a new session id (no fixation) and a new CSRF token. */
    @Bean
    SessionAuthenticationStrategy localSessionStrategy(CsrfTokenRepository csrfTokens) {
        return new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
    }

    @Bean
    SignInFlow localSignIn(RequestCache requestCache) {
        return new SignInFlow() {
            @Override
            public void configure(HttpSecurity http) throws Exception {
                http.requestCache(cache -> cache.requestCache(requestCache))
                        .exceptionHandling(handling -> handling.authenticationEntryPoint(new SignInEntryPoint(SIGN_IN)))
                        .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl(SIGN_IN + "?signedOut"));
            }

            @Override
            public String signInUrl() {
                return SIGN_IN + "?expired";
            }
        };
    }
}
