package org.duban.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The gateway's own endpoints (dev tokens, API documents, the 404 of an unknown path: everything the forwarder
 * does not take, {@code routing.Forwarder}, which checks tokens the same way with {@link BearerTokens}).
 * The gateway lets into the API ({@code /api/**}) only requests with a valid RS256
 * bearer token (the office's public key), except the open paths below. It does not look at roles: the
 * services validate the token again and decide. Every other path is the web console's (routed to it or
 * answered 404): the console signs its users in itself and keeps their tokens server-side. Rejections are
 * raised as exceptions so that they become problem documents like every other gateway error. The API
 * documentation ({@code /swagger-ui.html}, {@code /swagger-ui/**}, {@code /api-docs/**}: package
 * {@code apidocs}) is outside {@code /api/**} and open to everyone, like the console's pages.
 *
 * <p>Health, metrics and info are served on the management port only ({@code management.server.port}),
 * which no one outside reaches (compose does not publish it; in Kubernetes only the monitoring namespace
 * may): there they need no token. On this port nothing serves {@code /actuator/**}: it answers 404.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] OPEN = {"/api/v1/public/**", "/api/v1/dev/tokens"};

    /** The API: a bearer token is required (but on the open paths). */
    private static final String[] API = {"/api/**"};

    /** Whether the path is one of {@link #OPEN} (the forwarder's check: {@link BearerTokens}). */
    static boolean open(String path) {
        return path.equals("/api/v1/public") || path.startsWith("/api/v1/public/") || path.equals("/api/v1/dev/tokens");
    }

    /**
     * No observation (span, timer) of each security filter, authentication and authorization: a dozen per
     * request, which cost more than the rest of the tracing. The request's own span and the call to the
     * service keep theirs.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, rejection) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            String detail = rejection instanceof InvalidBearerTokenException
                    ? "The bearer token is not valid: " + rejection.getMessage()
                    : "A bearer token is required.";
            return Mono.error(new ResponseStatusException(HttpStatus.UNAUTHORIZED, detail));
        };
        ServerAccessDeniedHandler denied = (exchange, denial) ->
                Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "Access is denied."));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(OPEN).permitAll()
                        .pathMatchers(API).authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }
}
