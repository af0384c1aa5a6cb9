package org.duban.contracts.access;

/**
 * The kinds of caller the authorization matrix sends to every operation: no token, five tokens the
 * platform must refuse whatever the operation, and the four who hold a usable token. The object an
 * operation names in its path belongs to the owning unit in the matrix.
 */
public enum CallerKind {

    NO_TOKEN("no token"),
    FORGED_SIGNATURE("a token signed with another key"),
    EXPIRED("an expired token"),
    WRONG_ISSUER("a token of another issuer"),
    WRONG_AUDIENCE("a token for another audience"),
    MIXED_ROLES("a token mixing UNIT with an office role"),
    SUPERVISOR("a supervisor"),
    LEADER("a leader"),
    OWNING_UNIT("the unit the object belongs to"),
    OTHER_UNIT("another unit");

    private final String description;

    CallerKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** A token the gateway and every service refuse before looking at the operation: 401. */
    public boolean presentsUnusableToken() {
        return this == FORGED_SIGNATURE || this == EXPIRED || this == WRONG_ISSUER || this == WRONG_AUDIENCE
                || this == MIXED_ROLES;
    }
}
