package org.duban.intake.cases;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals query codes with AES-256-GCM under the office's key ({@code DUBAN_QUERY_CODE_KEY_LOCATION}): a
 * fresh random 96-bit nonce per code, a 128-bit tag, the matter's id as associated data, so a sealed code
 * opens only for the matter it was sealed for. A code sealed under another key, or altered, does not open.
 */
public final class QueryCodeCipher {

    /** AES-256. */
    public static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public QueryCodeCipher(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a query code key has " + KEY_BYTES + " bytes, not "
                    + (key == null ? "none" : key.length));
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /**
     * The key as its file holds it: {@value #KEY_BYTES} random bytes in Base64 ({@code openssl rand -base64 32}),
     * surrounding white space ignored.
     */
    public static QueryCodeCipher fromBase64(String text) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a query code key is " + KEY_BYTES + " bytes in Base64", e);
        }
        return new QueryCodeCipher(key);
    }

    public SealedQueryCode seal(String caseId, String queryCode) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(queryCode.getBytes(StandardCharsets.UTF_8));
            return new SealedQueryCode(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot seal with " + TRANSFORMATION, e);
        }
    }

    /** The code sealed for {@code caseId}, or empty when it was sealed for another matter, key or was altered. */
    public Optional<String> open(String caseId, SealedQueryCode sealed) {
        byte[] bytes = sealed.bytes();
        if (bytes.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(caseId.getBytes(StandardCharsets.UTF_8));
            byte[] code = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(new String(code, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot open " + TRANSFORMATION, e);
        }
    }
}
