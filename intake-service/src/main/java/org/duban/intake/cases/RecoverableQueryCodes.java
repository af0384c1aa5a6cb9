package org.duban.intake.cases;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a matter's query code recoverable for the life of the registration's idempotency key, so that a
 * retried registration answers the code the petitioner's receipt needs (SPEC §7: a retried call returns
 * the first answer). The code is kept sealed ({@link QueryCodeCipher}), never in the clear, and only
 * while the key lives; after that, or once a new code was issued, nothing recovers it.
 */
public final class RecoverableQueryCodes {

    private final SealedQueryCodes store;
    private final QueryCodeCipher cipher;
    private final Duration life;
    private final Clock clock;

    public RecoverableQueryCodes(SealedQueryCodes store, QueryCodeCipher cipher, Duration life, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.life = Objects.requireNonNull(life, "life");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Keeps the code of a matter being registered under an idempotency key, for the key's life. */
    void keep(String caseId, String queryCode) {
        store.keep(caseId, cipher.seal(caseId, queryCode), clock.instant().plus(life));
    }

    /**
     * The matter's query code, if it is still kept and still the matter's code (a reissue replaced it, or
     * the key that sealed it was changed: then none).
     */
    Optional<String> recover(PetitionCase matter) {
        return store.find(matter.id())
                .filter(kept -> kept.until().isAfter(clock.instant()))
                .flatMap(kept -> cipher.open(matter.id(), kept.sealed()))
                .filter(code -> QueryCodes.hash(code).equals(matter.queryCodeHash()));
    }

    /** Keeps nothing more of the matter's code (its code was replaced). */
    void forget(String caseId) {
        store.forget(caseId);
    }
}
