package org.duban.intake.cases;

import java.util.Arrays;
import java.util.Objects;

/**
 * A query code sealed by {@link QueryCodeCipher}: the AES-GCM nonce followed by the ciphertext and its
 * tag, bound to one matter. Opaque without the key; this is all a store ever holds of a code.
 */
public record SealedQueryCode(byte[] bytes) {

    public SealedQueryCode {
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealedQueryCode sealed && Arrays.equals(bytes, sealed.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SealedQueryCode[" + bytes.length + " bytes]";
    }
}
