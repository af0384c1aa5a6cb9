package org.duban.console.security.oidc;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duban.console.security.ConsoleRole;
import org.duban.console.security.ConsoleUser;

/** Reads the console's user out of the identity provider's claims, as {@link OidcProperties} says where. */
final class ClaimMapping {

    private final OidcProperties properties;

    ClaimMapping(OidcProperties properties) {
        this.properties = properties;
    }

    /**
     * @throws ConsoleUser.NotAConsoleUser when the claims grant no role of the platform, or mix a unit's
     *                                     role with an office role, or name no unit for a unit's staff
     */
    ConsoleUser user(String subject, Map<String, Object> claims) {
        Set<ConsoleRole> roles = EnumSet.noneOf(ConsoleRole.class);
        Object claimed = read(claims, properties.claims().roles());
        Collection<?> values = claimed instanceof Collection<?> list ? list
                : claimed instanceof String single ? List.of(single.split("[ ,]+")) : List.of();
        for (ConsoleRole role : ConsoleRole.values()) {
            if (values.stream().anyMatch(value -> properties.valueOf(role).equals(String.valueOf(value)))) {
                roles.add(role);
            }
        }
        Object unitId = read(claims, properties.claims().unitId());
        return new ConsoleUser(subject, displayName(subject, claims), roles, unitId == null ? null : unitId.toString());
    }

    private String displayName(String subject, Map<String, Object> claims) {
        for (String claim : List.of(properties.claims().name(), "preferred_username")) {
            Object value = read(claims, claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return subject;
    }

    /** A claim by a dotted path into nested objects; null when any step is missing. */
    static Object read(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> object)) {
                return null;
            }
            current = object.get(step);
        }
        return current;
    }
}
