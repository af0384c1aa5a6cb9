package org.duban.platform.domain;

/** The object's current state does not allow the action; the answer names the state. */
public final class StateConflict extends DomainException {

    private final String state;

    public StateConflict(String what, String id, String state, String action) {
        super(what + " " + id + " is " + state + ": cannot " + action);
        this.state = state;
    }

    public String state() {
        return state;
    }
}
