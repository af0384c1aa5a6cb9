package org.duban.platform.domain;

import java.util.ArrayList;
import java.util.List;

import org.duban.contracts.events.DubanEvent;

/**
 * What every aggregate has alike (docs/conventions.md, "one aggregate style"): the version it was loaded at and
 * the events it recorded since, oldest first. The aggregate changes itself and calls {@link #record} for each
 * change; its store adapter writes the new state and {@link #recordedEvents()} in one single-document write
 * guarded by {@link #version()}.
 *
 * @param <E> the events the aggregate records
 */
public abstract class AggregateRoot<E extends DubanEvent> {

    private final List<E> recorded = new ArrayList<>();

    /** The version the aggregate was loaded at (0 while new): the store's optimistic guard. */
    public abstract long version();

    /** The events recorded since it was created or loaded, oldest first; none for an aggregate just restored. */
    public final List<E> recordedEvents() {
        return List.copyOf(recorded);
    }

    protected final void record(E event) {
        recorded.add(event);
    }
}
