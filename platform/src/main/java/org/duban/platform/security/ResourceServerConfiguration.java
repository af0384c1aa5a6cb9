package org.duban.platform.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Every service validates the token itself (signature, expiry, issuer, audience, office-or-unit: see
 * {@link TokenValidation}) rather than trusting the gateway. Which role may do what is decided in the use cases; here only "authenticated or not".
 * Authentication failures go through the error advice, so they are problem documents like the rest.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
public class ResourceServerConfiguration {

    /**
     * No token needed. The actuator's health, metrics, info and SBOM are served on the management port only
     * ({@code management.server.port}, which no one outside reaches: README "Deploy"), where they need
     * none; the API port serves no {@code /actuator/**} and answers 404 there.
     */
    static final String[] OPEN = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/actuator/sbom/**",
        "/api/v1/public/**", "/error"
    };

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http,
            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) ->
                resolver.resolveException(request, response, null, e);
        AccessDeniedHandler denied = (request, response, e) -> resolver.resolveException(request, response, null, e);
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPEN).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied));
        return http.build();
    }

    @Bean
    JwtDecoder jwtDecoder(TokenProperties properties, Environment environment) {
        return TokenValidation.decoder(properties, environment);
    }

    /** The {@code roles} claim becomes {@code ROLE_*} authorities. */
    static Converter<Jwt, AbstractAuthenticationToken> rolesFromClaim() {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList("roles");
            List<SimpleGrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }
}
