package org.duban.platform.domain;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New identifiers. Objects get random UUIDs ({@link #newId()}): unguessable, an id reveals nothing about other
 * objects or when they were made. Events get time-ordered ones ({@link #timeOrdered}).
 */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * A version 7 UUID (RFC 9562): the millisecond of {@code at} in its first 48 bits, then 74 random bits. Such ids
     * sort, as strings too, in the order they were made (within a millisecond, at random), so the documents keyed by
     * them (each consumer's record of handled events, the timeline's event index) are inserted at the end of their
     * index instead of on a random page of it: in a B-tree as large as years of events, a random key costs a page
     * read and a page write of its own, an appended one shares them (issue #18). They give away the moment they were
     * made, which an event states anyway ({@code time}); and they are unique, not secret.
     */
    public static String timeOrdered(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | random.nextLong() & 0x0FFFL;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
