package org.duban.gateway.devtoken;

import java.util.List;
import java.util.Objects;

import org.duban.gateway.problem.InvalidRequest;

/**
 * Who a dev token speaks for. A unit's people act for one unit, so {@code UNIT} needs a {@code unitId}.
 * Bean validation of the generated request covers the rest (subject length, at least one role).
 */
record DevTokenClaims(String subject, List<String> roles, String unitId) {

    private static final String UNIT = "UNIT";

    DevTokenClaims {
        if (roles.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequest("roles", "must not contain null");
        }
        if (roles.contains(UNIT) && (unitId == null || unitId.isBlank())) {
            throw new InvalidRequest("unitId", "is required when roles contains UNIT");
        }
        roles = List.copyOf(roles);
    }
}
