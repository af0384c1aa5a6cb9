package org.duban.intake.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Query code keeping as the service wires it, on a map instead of MongoDB. */
public final class QueryCodeFixtures {

    /** 32 bytes, Base64: a key for tests only. */
    static final String KEY = "q0S2dTf1sVZ8mN3pL6xJ4cR7bH9kY2wE5uA1oI8tG0M=";
    static final Duration LIFE = Duration.ofDays(7);

    private QueryCodeFixtures() {
    }

    public static RecoverableQueryCodes recoverable(Clock clock) {
        return new RecoverableQueryCodes(new InMemorySealedQueryCodes(), QueryCodeCipher.fromBase64(KEY), LIFE, clock);
    }

    /** Sealed codes in a map; what it holds is what a store would hold. */
    static final class InMemorySealedQueryCodes implements SealedQueryCodes {

        final Map<String, Kept> kept = new HashMap<>();

        @Override
        public synchronized void keep(String caseId, SealedQueryCode sealed, Instant until) {
            kept.put(caseId, new Kept(sealed, until));
        }

        @Override
        public synchronized Optional<Kept> find(String caseId) {
            return Optional.ofNullable(kept.get(caseId));
        }

        @Override
        public synchronized void forget(String caseId) {
            kept.remove(caseId);
        }
    }
}
