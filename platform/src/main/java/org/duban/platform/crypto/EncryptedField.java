package org.duban.platform.crypto;

import java.util.Arrays;

/**
 * A value as stored: the id of the key it was encrypted under (Tink's key id, unsigned, as the keyset
 * file writes it) and the ciphertext (Tink's: a version byte and the same key id, the 12-byte nonce, the
 * AES-256-GCM ciphertext and its 16-byte tag).
 */
public record EncryptedField(long keyId, byte[] ciphertext) {

    public EncryptedField {
        if (keyId < 0 || keyId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a key id is an unsigned 32-bit number, not " + keyId);
        }
        ciphertext = ciphertext.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedField field && field.keyId == keyId && Arrays.equals(field.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(keyId) * 31 + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "EncryptedField[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
