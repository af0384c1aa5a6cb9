package org.duban.supervision.deadline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.duban.platform.domain.Caller;
import org.duban.platform.idempotency.IdempotentCreations;
import org.duban.supervision.reminder.Remindable;
import org.duban.supervision.reminder.RemindableStore;

/**
 * What the people-facing use cases of every feature need besides their stores: idempotent creation
 * and the time (at the store's precision, milliseconds).
 */
public record Support(IdempotentCreations creations, Clock clock) {

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Creates a subject and stores it with the events it recorded, once per {@code idempotencyKey} (see
     * {@link IdempotentCreations}): a retry with the same key and request answers the one created first.
     *
     * @param create the new subject under the given id
     */
    public <T extends Remindable> T createOnce(Caller caller, String operation, String idempotencyKey,
            Record request, RemindableStore<T> store, Function<String, T> create) {
        return creations.create(caller, operation, idempotencyKey, request, id -> {
            T created = create.apply(id);
            store.insert(created);
            return created;
        }, store::find);
    }
}
