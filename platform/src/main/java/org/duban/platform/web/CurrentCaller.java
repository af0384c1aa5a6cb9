package org.duban.platform.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller of the current request, read from its validated token. */
public final class CurrentCaller {

    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new IllegalStateException("no authenticated caller");
        }
        return fromToken(jwt);
    }

    public static Caller fromToken(Jwt jwt) {
        List<String> claimed = jwt.getClaimAsStringList("roles");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (claimed != null) {
            for (String role : claimed) {
                for (Role known : Role.values()) {
                    if (known.name().equals(role)) {
                        roles.add(known);
                    }
                }
            }
        }
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString("unitId"));
    }
}
