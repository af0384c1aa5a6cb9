package org.duban.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * Field keysets for tests (ADR 0011): one made for this test JVM, in a file the services under test are
 * pointed at ({@link #location()}), and the steps of a key rotation as an operator takes them with Tinkey —
 * a new primary key beside the old ones, then the old ones removed.
 */
public final class TestFieldKeys {

    private static Path file;

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TestFieldKeys() {
    }

    /** The {@code file:} location of this JVM's keyset. */
    public static synchronized String location() {
        if (file == null) {
            file = write(newKeyset());
        }
        return "file:" + file;
    }

    /** A keyset file of its own, holding {@code json}, deleted when the JVM exits. */
    public static Path write(String json) {
        try {
            Path written = Files.createTempFile("duban-field-keys", ".json");
            written.toFile().deleteOnExit();
            Files.writeString(written, json);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new keyset with one AES256_GCM key, in Tink's JSON. */
    public static String newKeyset() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyset with a new AES256_GCM key made primary; the old keys stay (rotation, step 1). */
    public static String withNewPrimaryKey(String json) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(parse(json));
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId().setStatus(KeyStatus.ENABLED).makePrimary());
            return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keyset with only its primary key (rotation, last step). */
    public static String withOnlyThePrimaryKey(String json) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(parse(json));
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            return TinkJsonProtoKeysetFormat.serializeKeyset(builder.build(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }
}
