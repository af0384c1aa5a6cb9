package org.duban.platform.crypto;

/** The field keyset cannot be used: not a Tink keyset, or holding a key that is not AES-256-GCM. */
public final class FieldKeysUnusable extends RuntimeException {

    public FieldKeysUnusable(String message) {
        super(message);
    }

    public FieldKeysUnusable(String message, Throwable cause) {
        super(message, cause);
    }
}
