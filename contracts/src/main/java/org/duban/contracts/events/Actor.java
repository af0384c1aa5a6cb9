package org.duban.contracts.events;

import java.util.Objects;

/**
 * Who caused an event: the user id from the token, the role they acted in and, for units, the unit.
 * {@code SYSTEM} is the role of the platform itself (deadline sweeps, automatic orders);
 * {@code PETITIONER} the petitioner on the public endpoint, who has no account.
 */
public record Actor(String subject, String role, String unitId) {

    public static final String SYSTEM = "SYSTEM";
    public static final String PETITIONER = "PETITIONER";

    public Actor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
    }

    /** The petitioner on the public endpoint: no account, so no identity at all. */
    public static Actor petitioner() {
        return new Actor("public", PETITIONER, null);
    }

    public static Actor system(String component) {
        return new Actor(component, SYSTEM, null);
    }
}
