package org.duban.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key intake-service seals query codes with while a registration's idempotency key lives
 * ({@code DUBAN_QUERY_CODE_KEY_LOCATION}): 32 random bytes in Base64, as {@code openssl rand -base64 32}
 * writes them, in {@code query-code.key} (mode 600). Made once; an existing key is never replaced, because
 * codes sealed with it would no longer open.
 */
public final class QueryCodeKeyFile {

    private static final int KEY_BYTES = 32;

    private final Path directory;

    public QueryCodeKeyFile(Path directory) {
        this.directory = directory;
    }

    public Path key() {
        return directory.resolve("query-code.key");
    }

    /**
     * Writes a new key unless the file exists.
     *
     * @return whether a new key was written
     */
    public boolean createIfMissing() throws IOException {
        if (Files.exists(key())) {
            return false;
        }
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(directory);
        Files.createFile(key(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(key(), Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        return true;
    }
}
