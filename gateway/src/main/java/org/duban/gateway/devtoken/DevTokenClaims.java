package org.duban.gateway.devtoken;

import java.util.List;
import java.util.Objects;

import org.duban.contracts.token.TokenClaims;
import org.duban.gateway.problem.InvalidRequest;

/**
 * Who a dev token speaks for: the office or one unit (a {@code UNIT} with its {@code unitId}), never both —
 * the rule every part of the platform applies to every token ({@link TokenClaims}).
 * Bean validation of the generated request covers the rest (subject length, at least one role).
 */
record DevTokenClaims(String subject, List<String> roles, String unitId) {

    DevTokenClaims {
        if (roles.stream().anyMatch(Objects::isNull)) {
            throw new InvalidRequest("roles", "must not contain null");
        }
        if (roles.contains(TokenClaims.UNIT) && (unitId == null || unitId.isBlank())) {
            throw new InvalidRequest("unitId", "is required when roles contains UNIT");
        }
        TokenClaims.refusal(roles, unitId).ifPresent(reason -> {
            throw new InvalidRequest("roles", reason);
        });
        roles = List.copyOf(roles);
    }
}
