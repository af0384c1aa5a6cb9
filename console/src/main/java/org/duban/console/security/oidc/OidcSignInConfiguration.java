package org.duban.console.security.oidc;

import java.net.URI;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTParser;
import org.duban.console.platform.AccessTokens;
import org.duban.console.security.ConsoleUser;
import org.duban.console.security.SignInEntryPoint;
import org.duban.console.security.SignInFlow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Outside the local profile users sign in at the office's identity provider (OpenID Connect,
 * authorization code): the console is a confidential client, keeps the tokens in its session and
 * calls the platform with the access token. Signing out ends the provider's session too
 * (RP-initiated logout). Roles and unit id come from the claims, where {@link OidcProperties} says.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!local")
class OidcSignInConfiguration {

    static final String REGISTRATION = "office";
    static final String AUTHORIZE = "/oauth2/authorization/" + REGISTRATION;

    @Bean
    ClientRegistrationRepository officeRegistration(OidcProperties properties) {
        if (properties.issuerUri() == null || properties.clientId() == null || properties.clientId().isBlank()) {
            throw new IllegalStateException("Outside the local profile the console signs users in at the office's "
                    + "identity provider: set DUBAN_OIDC_ISSUER_URI, DUBAN_OIDC_CLIENT_ID and DUBAN_OIDC_CLIENT_SECRET "
                    + "(or run with SPRING_PROFILES_ACTIVE=local to try it with dev tokens)");
        }
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri().toString())
                .registrationId(REGISTRATION)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope(properties.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
            OAuth2AuthorizedClientRepository authorizedClients) {
        DefaultOAuth2AuthorizedClientManager manager =
                new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }

    @Bean
    AccessTokens oidcAccessTokens(OAuth2AuthorizedClientManager authorizedClientManager) {
        return new OidcAccessTokens(authorizedClientManager);
    }

    /**
     * The console's user from the ID token and user info, and from the access token's claims when it is
     * a JWT (providers often put roles only there). A user without a role of the platform, or mixing a
     * unit's role with an office role, is refused: the sign-in page says why.
     */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> officeUsers(OidcProperties properties) {
        OidcUserService standard = new OidcUserService();
        ClaimMapping mapping = new ClaimMapping(properties);
        return request -> {
            OidcUser user = standard.loadUser(request);
            Map<String, Object> claims = new HashMap<>(accessTokenClaims(request.getAccessToken().getTokenValue()));
            claims.putAll(user.getClaims());
            ConsoleUser consoleUser;
            try {
                consoleUser = mapping.user(user.getSubject(), claims);
            } catch (ConsoleUser.NotAConsoleUser e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("access_denied", e.getMessage(), null),
                        e.getMessage());
            }
            List<SimpleGrantedAuthority> authorities = consoleUser.roles().stream()
                    .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
            return new OfficeOidcUser(authorities, user.getIdToken(), user.getUserInfo(), consoleUser);
        };
    }

    private static Map<String, Object> accessTokenClaims(String accessToken) {
        try {
            return JWTParser.parse(accessToken).getJWTClaimsSet().getClaims();
        } catch (ParseException e) {
            return Map.of(); // an opaque token: the ID token and user info must carry the roles
        }
    }

    @Bean
    SignInFlow oidcSignIn(ClientRegistrationRepository registrations, OAuth2UserService<OidcUserRequest, OidcUser> users) {
        OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        providerLogout.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        Object endSession = ((InMemoryClientRegistrationRepository) registrations).findByRegistrationId(REGISTRATION)
                .getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        List<String> formTargets = endSession == null ? List.of() : List.of(origin(endSession.toString()));
        return new SignInFlow() {
            @Override
            public void configure(HttpSecurity http) throws Exception {
                http.requestCache(cache -> cache.requestCache(SignInEntryPoint.pagesOnly()))
                        .oauth2Login(login -> login
                                .loginPage("/signin")
                                .failureUrl("/signin?denied")
                                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users)))
                        .exceptionHandling(handling -> handling.authenticationEntryPoint(new SignInEntryPoint(AUTHORIZE)))
                        .logout(logout -> logout.logoutUrl("/signout").logoutSuccessHandler(providerLogout));
            }

            @Override
            public String signInUrl() {
                return AUTHORIZE;
            }

            @Override
            public List<String> formTargets() {
                return formTargets;
            }
        };
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
