package org.duban.platform.domain;

/** A rule other than the state machine forbids the action (a duplicate code, an accused unit, …). */
public final class Conflict extends DomainException {

    public Conflict(String message) {
        super(message);
    }
}
