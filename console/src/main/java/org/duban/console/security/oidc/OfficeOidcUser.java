package org.duban.console.security.oidc;

import java.util.Collection;

import org.duban.console.security.ConsoleUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** The identity provider's user, with the console's user read from its claims once, at sign-in. */
final class OfficeOidcUser extends DefaultOidcUser implements ConsoleUser.SignedInUser {

    private final ConsoleUser consoleUser;

    OfficeOidcUser(Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken, OidcUserInfo userInfo,
            ConsoleUser consoleUser) {
        super(authorities, idToken, userInfo);
        this.consoleUser = consoleUser;
    }

    @Override
    public ConsoleUser consoleUser() {
        return consoleUser;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OfficeOidcUser user && super.equals(user) && consoleUser.equals(user.consoleUser);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + consoleUser.hashCode();
    }
}
