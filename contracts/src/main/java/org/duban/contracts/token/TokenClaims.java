package org.duban.contracts.token;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a Duban access token says about its bearer, and the rules every part of the platform (the gateway
 * and each service) applies to it before anything else: a token speaks either for the office (roles
 * {@code SUPERVISOR}, {@code LEADER}) or for one responsible unit ({@code UNIT} with its {@code unitId}),
 * never for both. A unit's rights and the office's rights are different kinds of rights; one token
 * holding both could act as any unit.
 */
public final class TokenClaims {

    /** The claim that lists the bearer's roles. */
    public static final String ROLES = "roles";
    /** The claim that names the unit a {@code UNIT} token speaks for. */
    public static final String UNIT_ID = "unitId";
    /** The audience every Duban token is issued for, unless configured otherwise. */
    public static final String DEFAULT_AUDIENCE = "duban";
    /** The issuer of the tokens the gateway signs in the local profile, and only there. */
    public static final String DEV_ISSUER = "duban-local";

    public static final String UNIT = "UNIT";
    public static final Set<String> OFFICE_ROLES = Set.of("SUPERVISOR", "LEADER");

    private TokenClaims() {
    }

    /**
     * The issuer a part of the platform accepts, as configured: required, and the dev issuer only where the
     * {@code local} profile runs, so that no production part takes a token a trial installation minted.
     *
     * @throws IllegalStateException the start must fail, with this message
     */
    public static String acceptedIssuer(String configured, boolean localProfile) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("Set DUBAN_JWT_ISSUER (duban.security.token.issuer) to the issuer of the"
                    + " identity provider's tokens; `./duban start` sets " + DEV_ISSUER + ".");
        }
        if (configured.equals(DEV_ISSUER) && !localProfile) {
            throw new IllegalStateException("The dev issuer " + DEV_ISSUER
                    + " is accepted only in the local profile (SPRING_PROFILES_ACTIVE=local).");
        }
        return configured;
    }

    /**
     * Why a token with these claims may not be used, or empty when it may.
     *
     * @param roles the {@code roles} claim as found (a list of strings, or absent)
     * @param unitId the {@code unitId} claim as found (a string, or absent)
     */
    public static Optional<String> refusal(Object roles, Object unitId) {
        if (roles != null && !(roles instanceof Collection<?>)) {
            return Optional.of("the roles claim must be a list");
        }
        Collection<?> listed = roles == null ? List.of() : (Collection<?>) roles;
        boolean unit = listed.contains(UNIT);
        boolean office = listed.stream().anyMatch(OFFICE_ROLES::contains);
        if (unit && office) {
            return Optional.of("a token may not mix the UNIT role with an office role");
        }
        if (unit && !(unitId instanceof String id && !id.isBlank())) {
            return Optional.of("a UNIT token must name its unit in the unitId claim");
        }
        return Optional.empty();
    }
}
