package org.duban.console.web;

import org.duban.console.platform.UnitDirectory;
import org.duban.console.security.ConsoleUser;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Who is signed in, for the layout (header, navigation) of every page, error pages included. Templates
 * call it as {@code @signedIn}.
 */
@Component("signedIn")
public class SignedIn {

    private final UnitDirectory units;

    SignedIn(UnitDirectory units) {
        this.units = units;
    }

    /** The user, or null on pages seen before signing in. */
    public ConsoleUser getUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return null;
        }
        try {
            return ConsoleUser.of(authentication);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** A unit user's unit name (its id when the platform cannot be asked right now); empty for office staff. */
    public String getUnitName() {
        ConsoleUser user = getUser();
        if (user == null || !user.isUnit()) {
            return "";
        }
        try {
            return units.nameOf(user, user.unitId());
        } catch (RestClientException e) {
            return user.unitId();
        }
    }
}
