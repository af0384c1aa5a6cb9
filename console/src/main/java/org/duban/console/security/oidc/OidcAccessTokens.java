package org.duban.console.security.oidc;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.duban.console.platform.AccessTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in user's access token from the identity provider, kept in the console's session and
 * refreshed with the refresh token when it has run out. When it cannot be refreshed the call goes
 * without a token, the gateway answers 401 and the user signs in again.
 */
final class OidcAccessTokens implements AccessTokens {

    private static final Logger log = LoggerFactory.getLogger(OidcAccessTokens.class);

    private final OAuth2AuthorizedClientManager clients;

    OidcAccessTokens(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    @Override
    public Optional<String> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof OAuth2AuthenticationToken signedIn)
                || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes page)) {
            return Optional.empty();
        }
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
                .withClientRegistrationId(signedIn.getAuthorizedClientRegistrationId())
                .principal(signedIn)
                .attribute(HttpServletRequest.class.getName(), page.getRequest())
                .attribute(HttpServletResponse.class.getName(), page.getResponse())
                .build();
        try {
            OAuth2AuthorizedClient client = clients.authorize(request);
            return client == null ? Optional.empty() : Optional.of(client.getAccessToken().getTokenValue());
        } catch (OAuth2AuthorizationException e) {
            log.info("the access token of {} could not be refreshed ({}); they will sign in again",
                    signedIn.getName(), e.getError().getErrorCode());
            return Optional.empty();
        }
    }
}
