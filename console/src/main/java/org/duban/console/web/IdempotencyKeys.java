package org.duban.console.web;

import java.util.UUID;

/**
 * Every form that creates something carries a fresh {@code Idempotency-Key} from the moment it is shown:
 * submitted twice (a double click, a retry after a timeout, the back button) it creates one thing, and
 * the platform answers the first result again.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    public static String fresh() {
        return UUID.randomUUID().toString();
    }

    /** The form's key, or a fresh one when the form came without (an old page, a hand-made request). */
    public static String orFresh(String key) {
        return key == null || key.isBlank() || key.length() > 128 ? fresh() : key;
    }
}
