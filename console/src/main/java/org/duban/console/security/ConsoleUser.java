package org.duban.console.security;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.core.Authentication;

/**
 * Who is signed in: the subject of the token, a name to show, the roles and, for a unit, its unit id.
 * A user is either office staff (supervisor, leader) or one unit's staff, never both: a token that
 * mixes them is refused at sign-in. Controllers take it as a parameter.
 */
public record ConsoleUser(String subject, String displayName, Set<ConsoleRole> roles, String unitId)
        implements Serializable {

    public ConsoleUser {
        Objects.requireNonNull(subject, "subject");
        displayName = displayName == null || displayName.isBlank() ? subject : displayName;
        if (roles == null || roles.isEmpty()) {
            throw new NotAConsoleUser("the token grants none of the roles SUPERVISOR, LEADER, UNIT");
        }
        roles = Set.copyOf(EnumSet.copyOf(roles));
        if (roles.contains(ConsoleRole.UNIT) && roles.size() > 1) {
            throw new NotAConsoleUser("the token mixes the role UNIT with an office role");
        }
        if (roles.contains(ConsoleRole.UNIT) && (unitId == null || unitId.isBlank())) {
            throw new NotAConsoleUser("a unit's token must name its unit (claim unitId)");
        }
        if (!roles.contains(ConsoleRole.UNIT)) {
            unitId = null;
        }
    }

    /** The user of an authentication made by either sign-in (local dev tokens or OpenID Connect). */
    public static ConsoleUser of(Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser user) {
            return user;
        }
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn) {
            return signedIn.consoleUser();
        }
        throw new IllegalStateException("nobody is signed in to the console");
    }

    public boolean isSupervisor() {
        return roles.contains(ConsoleRole.SUPERVISOR);
    }

    public boolean isLeader() {
        return roles.contains(ConsoleRole.LEADER) && !isSupervisor();
    }

    public boolean isUnit() {
        return roles.contains(ConsoleRole.UNIT);
    }

    /** Office staff: supervisors and leaders. */
    public boolean isOffice() {
        return !isUnit();
    }

    /** The role the console acts in, most powerful first, e.g. for the header. */
    public ConsoleRole actingRole() {
        return isSupervisor() ? ConsoleRole.SUPERVISOR : isUnit() ? ConsoleRole.UNIT : ConsoleRole.LEADER;
    }

    /** A principal (e.g. an OpenID Connect user) that carries the console's user. */
    public interface SignedInUser {
        ConsoleUser consoleUser();
    }

    /** A token or identity the console cannot sign in. */
    public static final class NotAConsoleUser extends RuntimeException {
        public NotAConsoleUser(String message) {
            super(message);
        }
    }
}
