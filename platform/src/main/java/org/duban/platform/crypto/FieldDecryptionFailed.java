package org.duban.platform.crypto;

/**
 * A stored value does not open: it was altered, copied from another document or field, or encrypted under
 * a key the keyset no longer holds. Never carries the value, encrypted or not.
 */
public final class FieldDecryptionFailed extends RuntimeException {

    public FieldDecryptionFailed(String message) {
        super(message);
    }

    public FieldDecryptionFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
