package org.duban.intake.cases;

import java.time.Instant;
import java.util.Optional;

/** Where a sealed query code is kept for a while after registration, one per matter. */
public interface SealedQueryCodes {

    /** Keeps {@code sealed} for the matter until {@code until}, replacing what was kept for it. */
    void keep(String caseId, SealedQueryCode sealed, Instant until);

    /** What is kept for the matter, if anything (it may have expired: see {@link Kept#until()}). */
    Optional<Kept> find(String caseId);

    /** Keeps nothing more for the matter. */
    void forget(String caseId);

    /** A sealed code and the end of its life. */
    record Kept(SealedQueryCode sealed, Instant until) {
    }
}
