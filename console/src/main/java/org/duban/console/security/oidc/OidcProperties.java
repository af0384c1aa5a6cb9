package org.duban.console.security.oidc;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.duban.console.security.ConsoleRole;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office's identity provider ({@code duban.console.oidc.*}), outside the local profile.
 *
 * @param issuerUri    the provider's issuer; its discovery document gives every endpoint
 * @param clientId     the console's client id at the provider
 * @param clientSecret the console's client secret: {@code DUBAN_OIDC_CLIENT_SECRET}, or the file
 *                     {@code oidc_client_secret} in {@code DUBAN_SECRETS_DIR} (a container's secret)
 * @param scopes       the scopes asked for ({@code openid} always)
 * @param claims       where the roles, the unit id and the name are in the user's claims
 * @param roleValues   the claim value that means each role, e.g. {@code SUPERVISOR: duban-supervisor}
 */
@ConfigurationProperties("duban.console.oidc")
public record OidcProperties(URI issuerUri, String clientId, String clientSecret, List<String> scopes,
        Claims claims, Map<ConsoleRole, String> roleValues) {

    public OidcProperties {
        scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile") : List.copyOf(scopes);
        if (!scopes.contains("openid")) {
            throw new IllegalArgumentException("duban.console.oidc.scopes must contain openid, not " + scopes);
        }
        claims = claims == null ? new Claims(null, null, null) : claims;
        roleValues = roleValues == null ? Map.of() : Map.copyOf(roleValues);
    }

    /** The provider's value for a role; the role's own name unless mapped. */
    public String valueOf(ConsoleRole role) {
        return roleValues.getOrDefault(role, role.name());
    }

    /**
     * Claim names; a dotted name reads into nested objects (Keycloak's {@code realm_access.roles}).
     *
     * @param roles  the list of roles (default {@code roles})
     * @param unitId the unit id of a unit's staff (default {@code unitId})
     * @param name   the name to show (default {@code name}, then {@code preferred_username}, then the subject)
     */
    public record Claims(String roles, String unitId, String name) {

        public Claims {
            roles = roles == null || roles.isBlank() ? "roles" : roles;
            unitId = unitId == null || unitId.isBlank() ? "unitId" : unitId;
            name = name == null || name.isBlank() ? "name" : name;
        }
    }
}
