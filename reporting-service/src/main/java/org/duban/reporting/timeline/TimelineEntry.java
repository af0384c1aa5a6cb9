package org.duban.reporting.timeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One change in a matter's history: who (subject, role, unit), when, what — and the hash of the entry
 * before it, so that altering, removing or reordering a stored entry breaks the chain from there on.
 * No petitioner identity: the events carry none, and {@code what} is built from their facts only.
 *
 * @param sequence     1 for the matter's first entry, then +1 per entry
 * @param unitId       the responsible unit the change concerns, or null
 * @param previousHash the previous entry's {@code hash}; {@link #GENESIS} for the first
 * @param hash         hex SHA-256 over this entry's content and {@code previousHash}
 */
public record TimelineEntry(String caseId, long sequence, String eventId, String type, Instant at,
        String actorSubject, String actorRole, String actorUnitId, String unitId, String what, String previousHash,
        String hash) {

    /** The "previous hash" of a first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    public TimelineEntry {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorSubject, "actorSubject");
        Objects.requireNonNull(actorRole, "actorRole");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
    }

    /** The entry that follows {@code previous} (null: the first), with its hash computed. */
    static TimelineEntry next(TimelineEntry previous, String caseId, String eventId, TimelineFact fact) {
        long sequence = previous == null ? 1 : previous.sequence() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        TimelineEntry unhashed = new TimelineEntry(caseId, sequence, eventId, fact.type(), fact.at(),
                fact.actorSubject(), fact.actorRole(), fact.actorUnitId(), fact.unitId(), fact.what(), previousHash, "");
        return new TimelineEntry(caseId, sequence, eventId, fact.type(), fact.at(), fact.actorSubject(),
                fact.actorRole(), fact.actorUnitId(), fact.unitId(), fact.what(), previousHash, unhashed.computedHash());
    }

    /** The hash this entry's content and previous hash give: equals {@code hash} unless it was altered. */
    public String computedHash() {
        String canonical = String.join("\u001f", caseId, Long.toString(sequence), eventId, type, at.toString(),
                actorSubject, actorRole, String.valueOf(actorUnitId), String.valueOf(unitId), what, previousHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
