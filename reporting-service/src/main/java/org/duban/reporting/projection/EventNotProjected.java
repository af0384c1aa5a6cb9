package org.duban.reporting.projection;

/**
 * An event of a batch could not be projected ({@link #getCause()} says why); the events before it were projected
 * and written, it and those after it were not.
 */
public final class EventNotProjected extends RuntimeException {

    private final int index;

    public EventNotProjected(int index, RuntimeException cause) {
        super("event " + index + " of the batch was not projected: " + cause.getMessage(), cause);
        this.index = index;
    }

    /** The failed event's place in the batch, from 0. */
    public int index() {
        return index;
    }
}
