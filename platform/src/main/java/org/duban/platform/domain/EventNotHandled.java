package org.duban.platform.domain;

/**
 * A batch of events was handled up to the one at {@link #index()}, which failed: the effects of the events before
 * it are stored, so the batch can go on from that one. The failure is the cause.
 */
public final class EventNotHandled extends RuntimeException {

    private final int index;

    public EventNotHandled(int index, RuntimeException cause) {
        super("event " + index + " of the batch was not handled: " + cause.getMessage(), cause);
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative");
        }
        this.index = index;
    }

    /** Where the failed event is in the list handed to the handler. */
    public int index() {
        return index;
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
