package org.duban.platform.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New identifiers: version 7 UUIDs (RFC 9562), the millisecond they were made in their first 48 bits, then 74
 * random bits. Objects get them from {@link #newId} (random bits from a {@link SecureRandom}, as a random UUID's),
 * events from {@link #timeOrdered} (random bits from a fast generator). Ids made from names (an automatic order's,
 * a delivery's, an inbox message's: name-based UUIDs, so that whoever makes them again gets the same) are made
 * where they are needed, not here.
 *
 * <p>Why time-ordered (issue #18, docs/adr/0015): ids sort, as strings too, in the order they were made (within a
 * millisecond, at random), so the documents keyed by them are inserted at the end of their index instead of on a
 * random page of it, and the ones in use (this year's matters, their assignments, the events of today) sit together
 * on the last pages. Consumers key their own documents by these ids (a matter's timeline by its case id, a tracked
 * assignment by its assignment id): with random ids every event of a matter read and dirtied a random page of a
 * B-tree as large as all matters ever stored, and a store's page cache held a shrinking share of it as the years
 * went by. MongoDB's ObjectId is time-prefixed for the same reason.
 *
 * <p>What they give away: the millisecond the object or event was made, which it states anyway (a matter's
 * registration, an assignment's issue, an event's {@code time}), and so which of two ids is older. What they keep:
 * an object id's 74 random bits come from a secure generator, so knowing one id (or many) does not lead to another
 * (2<sup>74</sup> candidates per millisecond); and ids are unique (two made in the same millisecond collide with a
 * chance of about one in 10<sup>22</sup>). Ids stored before (random version 4 UUIDs) stay valid: ids are opaque
 * strings, nothing reads their version or their time.
 */
public final class Ids {

    private Ids() {
    }

    /**
     * A new object's id, made at {@code at} (the caller's clock): time-ordered and unguessable.
     */
    public static String newId(Instant at) {
        byte[] random = new byte[10];
        Secure.RANDOM.nextBytes(random);
        long twelveBits = (random[0] & 0xFFL) << 8 | random[1] & 0xFFL;
        long sixtyTwoBits = 0;
        for (int i = 2; i < 10; i++) {
            sixtyTwoBits = sixtyTwoBits << 8 | random[i] & 0xFFL;
        }
        return version7(at, twelveBits, sixtyTwoBits);
    }

    /**
     * An event's id, made at {@code at}: time-ordered and unique, not secret (an event's id is printed in every
     * copy of it, its random bits come from {@link ThreadLocalRandom}). Consumers record the events they handled
     * by it, and the timeline indexes them by it: with these ids both are appended to.
     */
    public static String timeOrdered(Instant at) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return version7(at, random.nextLong(), random.nextLong());
    }

    /** Millisecond (48 bits), version 7 (4), 12 random bits, variant 10 (2), 62 random bits. */
    private static String version7(Instant at, long twelveBits, long sixtyTwoBits) {
        long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        long high = millis << 16 | 0x7000L | twelveBits & 0x0FFFL;
        long low = sixtyTwoBits & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** Made on first use, as {@link UUID#randomUUID()}'s. */
    private static final class Secure {

        static final SecureRandom RANDOM = new SecureRandom();
    }
}
