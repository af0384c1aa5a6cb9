package org.duban.platform.idempotency;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;

import org.duban.platform.domain.Caller;
import org.duban.platform.domain.Conflict;
import org.duban.platform.domain.Ids;
import org.duban.platform.domain.Role;

/**
 * Makes a creating call safe to retry with an {@code Idempotency-Key}: the same caller (subject, and the
 * unit a unit's token speaks for), operation and key always lead to the same object, created once.
 *
 * <p>The key is reserved first, together with the id the new object will get. A retry finds the
 * reservation and answers the object with that id; if the first attempt never got as far as storing
 * it (crash, refused input), the retry creates it under the reserved id, so there is still at most
 * one. Reusing a key for a different request is refused.
 *
 * <p>New ids are time-ordered ({@link Ids#newId}), made at the clock's instant.
 */
public final class IdempotentCreations {

    private final IdempotencyKeys keys;
    private final Clock clock;

    public IdempotentCreations(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * @param request the request as the use case received it; its values fingerprint it
     * @param create  creates and stores the object under the given id
     * @param find    finds a stored object by id
     */
    public <T> T create(Caller caller, String operation, String key, Record request, Function<String, T> create,
            Function<String, Optional<T>> find) {
        if (key == null) {
            return create.apply(Ids.newId(clock.instant()));
        }
        String fingerprint = fingerprint(request);
        String newId = Ids.newId(clock.instant());
        IdempotencyKeys.Reservation reservation = keys.reserve(owner(caller) + "|" + operation + "|" + key,
                newId, fingerprint);
        if (!reservation.fingerprint().equals(fingerprint)) {
            throw new Conflict("Idempotency-Key " + key + " was already used for a different request");
        }
        if (reservation.resourceId().equals(newId)) {
            // this call reserved the key: nothing can exist yet under the id it just made up
            return create.apply(newId);
        }
        return find.apply(reservation.resourceId()).orElseGet(() -> create.apply(reservation.resourceId()));
    }

    /**
     * Whose keys these are: the subject and, for a unit's token, the unit it speaks for. The identity
     * provider's user id alone is not enough: the same id may come in a token of another unit (a clerk who
     * moved, an integration account named alike), which must never be answered the first unit's object —
     * a webhook's secret, say — for retrying its request under its key.
     */
    private static String owner(Caller caller) {
        return caller.has(Role.UNIT) ? caller.subject() + "|unit=" + caller.unitId() : caller.subject();
    }

    static String fingerprint(Record request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The request's values written the way a record's own {@code toString()} writes them
     * ({@code Name[a=1, b=[x, y]]}), whatever {@code toString()} a record of it overrides: a record
     * that masks what it prints (a petitioner) must not make two different requests look alike. For
     * records that do not override it, this is exactly what fingerprints were made of before.
     */
    static String canonical(Object value) {
        if (value instanceof Record record) {
            StringJoiner components = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                components.add(component.getName() + "=" + canonical(valueOf(component, record)));
            }
            return components.toString();
        }
        if (value instanceof Collection<?> collection) {
            StringJoiner elements = new StringJoiner(", ", "[", "]");
            collection.forEach(element -> elements.add(canonical(element)));
            return elements.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner entries = new StringJoiner(", ", "{", "}");
            map.forEach((key, entry) -> entries.add(canonical(key) + "=" + canonical(entry)));
            return entries.toString();
        }
        return String.valueOf(value);
    }

    private static Object valueOf(RecordComponent component, Record record) {
        try {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
