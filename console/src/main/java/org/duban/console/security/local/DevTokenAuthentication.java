package org.duban.console.security.local;

import java.time.Instant;
import java.util.Objects;

import org.duban.console.security.ConsoleUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A local-profile session: the user and the dev token the gateway signed for them (kept server-side). */
final class DevTokenAuthentication extends AbstractAuthenticationToken {

    private final ConsoleUser user;
    private final String token;
    private final Instant expiresAt;

    DevTokenAuthentication(ConsoleUser user, String token, Instant expiresAt) {
        super(user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.user = Objects.requireNonNull(user, "user");
        this.token = Objects.requireNonNull(token, "token");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        setAuthenticated(true);
    }

    @Override
    public ConsoleUser getPrincipal() {
        return user;
    }

    /** Never exposed through the authentication: the token is read only by {@link LocalAccessTokens}. */
    @Override
    public Object getCredentials() {
        return null;
    }

    String token() {
        return token;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
