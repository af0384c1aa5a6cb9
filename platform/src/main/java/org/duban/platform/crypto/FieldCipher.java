package org.duban.platform.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;

/**
 * Encrypts single values with AES-256-GCM under a Tink keyset (ADR 0011): always under the keyset's
 * primary key, with a fresh random nonce, the value's {@link FieldAddress} as associated data. Decrypts
 * with any enabled key of the keyset, so values written under a key that is no longer primary still open
 * until that key is removed. The keyset may hold only AES-256-GCM keys with Tink's key id prefix.
 */
public final class FieldCipher {

    private static final int KEY_BYTES = 32;
    /** Tink's output prefix: the version byte 0x01, then the key id (4 bytes, big-endian). */
    private static final int PREFIX_BYTES = 5;
    private static final byte TINK_PREFIX_VERSION = 0x01;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Aead aead;
    private final long primaryKeyId;
    private final Set<Long> keyIds;

    private FieldCipher(KeysetHandle keyset) {
        Set<Long> enabled = new TreeSet<>();
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            long id = Integer.toUnsignedLong(entry.getId());
            if (!(entry.getKey() instanceof AesGcmKey key) || !aes256GcmWithPrefix(key.getParameters())) {
                throw new FieldKeysUnusable("key " + id + " of the field keyset is " + entry.getKey().getParameters()
                        + "; every key must be AES256_GCM (32-byte key, 12-byte nonce, 16-byte tag, TINK prefix)");
            }
            if (entry.getStatus() == KeyStatus.ENABLED) {
                enabled.add(id);
            }
        }
        try {
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new FieldKeysUnusable("the field keyset gives no AEAD: " + e.getMessage(), e);
        }
        this.primaryKeyId = Integer.toUnsignedLong(keyset.getPrimary().getId());
        this.keyIds = Collections.unmodifiableSet(enabled);
    }

    /** A keyset as Tink writes it in JSON ({@code tinkey create-keyset --key-template AES256_GCM --out-format json}). */
    public static FieldCipher fromJsonKeyset(String json) {
        KeysetHandle keyset;
        try {
            keyset = TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException | RuntimeException e) {
            // the cause's message is Tink's or the JSON parser's, never the file's text
            throw new FieldKeysUnusable("not a Tink keyset in JSON (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
        if (keyset.size() == 0) {
            throw new FieldKeysUnusable("the field keyset holds no key");
        }
        return new FieldCipher(keyset);
    }

    /** The key new values are encrypted under (unsigned, as in the keyset file's {@code primaryKeyId}). */
    public long primaryKeyId() {
        return primaryKeyId;
    }

    /** The enabled keys, under any of which a value still opens. */
    public Set<Long> keyIds() {
        return keyIds;
    }

    public EncryptedField encrypt(FieldAddress address, String plaintext) {
        try {
            byte[] ciphertext = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), address.associatedData());
            return new EncryptedField(keyIdIn(ciphertext), ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * The value, if {@code field} was encrypted for {@code address} under an enabled key of the keyset.
     *
     * @throws FieldDecryptionFailed if it was altered, belongs to another document or field, or its key is
     *                               not (or no longer) in the keyset
     */
    public String decrypt(FieldAddress address, EncryptedField field) {
        byte[] ciphertext = field.ciphertext();
        if (ciphertext.length <= PREFIX_BYTES || ciphertext[0] != TINK_PREFIX_VERSION
                || keyIdIn(ciphertext) != field.keyId()) {
            throw new FieldDecryptionFailed(address + ": the ciphertext does not carry the key id stored beside it ("
                    + field.keyId() + ")");
        }
        if (!keyIds.contains(field.keyId())) {
            throw new FieldDecryptionFailed(address + " is encrypted under key " + field.keyId() + ", which the field "
                    + "keyset does not hold (enabled keys: " + keyIds + "); was the key removed before every value "
                    + "had been encrypted again under the primary key?");
        }
        try {
            return new String(aead.decrypt(ciphertext, address.associatedData()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new FieldDecryptionFailed(address + " does not open under key " + field.keyId()
                    + ": altered, or copied from another document or field", e);
        }
    }

    private static boolean aes256GcmWithPrefix(AesGcmParameters parameters) {
        return parameters.getKeySizeBytes() == KEY_BYTES && parameters.getIvSizeBytes() == 12
                && parameters.getTagSizeBytes() == 16 && parameters.getVariant() == AesGcmParameters.Variant.TINK;
    }

    private static long keyIdIn(byte[] ciphertext) {
        return Integer.toUnsignedLong(ByteBuffer.wrap(ciphertext, 1, 4).getInt());
    }
}
