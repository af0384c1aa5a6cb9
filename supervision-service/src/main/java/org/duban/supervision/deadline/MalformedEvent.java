package org.duban.supervision.deadline;

/**
 * An event whose payload parsed but breaks what tracking needs (an id or a deadline missing,
 * deadlines in the wrong order). No retry can make it usable: the listener parks it on the
 * dead-letter topic straight away.
 */
public final class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }
}
