package org.duban.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The field keysets of the services that store personal data or secrets ({@code DUBAN_FIELD_KEYS_LOCATION},
 * ADR 0011): {@code field-keys/<service>.json} (mode 600, directory 700), a Tink keyset in JSON with one
 * AES256_GCM key, one per service. Made once; an existing keyset is never replaced, because what it encrypted
 * would no longer open. A keyset is rotated in two steps: a new primary key beside the old ones
 * ({@link #addPrimaryKey}), then, once the service has written everything again under it, the old ones
 * removed ({@link #removeOldKeys}).
 */
public final class FieldKeysetFiles {

    /** The services with encrypted fields: intake (the petitioner's identity), notification (webhook secrets). */
    public static final List<String> SERVICES = List.of("intake-service", "notification-service");

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path directory;

    /** @param keys the data directory's {@code keys} */
    public FieldKeysetFiles(Path keys) {
        this.directory = keys.resolve("field-keys");
    }

    public Path keyset(String service) {
        return directory.resolve(service + ".json");
    }

    /**
     * Writes a new keyset for each service that has none.
     *
     * @return the services a keyset was made for
     */
    public List<String> createMissing() throws IOException, GeneralSecurityException {
        List<String> made = new ArrayList<>();
        for (String service : SERVICES) {
            if (!Files.exists(keyset(service))) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
                create(keyset(service), KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
                made.add(service);
            }
        }
        return made;
    }

    /** Rotation, step 1: a new AES256_GCM key, made primary; the old keys stay, so what they encrypted still opens. */
    public static long addPrimaryKey(Path file) throws IOException, GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(read(file));
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId()
                .makePrimary());
        KeysetHandle rotated = builder.build();
        replace(file, rotated);
        return Integer.toUnsignedLong(rotated.getPrimary().getId());
    }

    /**
     * Rotation, last step: only the primary key stays. Run it once the service logged that every encrypted
     * field is under the primary key; values still under a removed key would no longer open.
     *
     * @return how many keys were removed
     */
    public static int removeOldKeys(Path file) throws IOException, GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(read(file));
        int removed = 0;
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!builder.getAt(i).isPrimary()) {
                builder.deleteAt(i);
                removed++;
            }
        }
        replace(file, builder.build());
        return removed;
    }

    private static KeysetHandle read(Path file) throws IOException, GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                InsecureSecretKeyAccess.get());
    }

    /** A new file (mode 600) holding the keyset. */
    private static void create(Path file, KeysetHandle keyset) throws IOException, GeneralSecurityException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()) + "\n",
                StandardCharsets.UTF_8);
    }

    /** The file replaced at once: the keyset is written beside it, then moved over it. */
    private static void replace(Path file, KeysetHandle keyset) throws IOException, GeneralSecurityException {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        create(next, keyset);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
