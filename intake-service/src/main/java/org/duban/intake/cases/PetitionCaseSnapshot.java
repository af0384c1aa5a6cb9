package org.duban.intake.cases;

import java.time.Instant;
import java.util.Objects;

/**
 * A matter's whole state, as it is stored: what was registered, the hash of its current query code, when
 * it was registered and the version it was stored at.
 */
public record PetitionCaseSnapshot(String id, RegisterCase details, String queryCodeHash, Instant registeredAt,
        long version) {

    public PetitionCaseSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(queryCodeHash, "queryCodeHash");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }
}
