package org.duban.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The RSA key pair of the local dev token issuer: the gateway signs with {@code jwt-private.pem}
 * (PKCS#8), every application verifies with {@code jwt-public.pem} (X.509). Made once; an existing
 * key is never replaced, because tokens signed with it would stop working.
 */
public final class KeyPairFiles {

    private static final int KEY_SIZE = 2048;

    private final Path directory;

    public KeyPairFiles(Path directory) {
        this.directory = directory;
    }

    public Path privateKey() {
        return directory.resolve("jwt-private.pem");
    }

    public Path publicKey() {
        return directory.resolve("jwt-public.pem");
    }

    /**
     * Writes a new pair unless both files exist.
     *
     * @return whether a new pair was written
     * @throws IllegalStateException if only one of the two files exists
     */
    public boolean createIfMissing() throws IOException {
        boolean hasPrivate = Files.exists(privateKey());
        boolean hasPublic = Files.exists(publicKey());
        if (hasPrivate && hasPublic) {
            return false;
        }
        if (hasPrivate || hasPublic) {
            Path present = hasPrivate ? privateKey() : publicKey();
            throw new IllegalStateException("only half of the JWT key pair exists (" + present
                    + "); delete it to have a new pair made");
        }
        KeyPair pair = generate();
        Files.createDirectories(directory);
        Files.createFile(privateKey(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(privateKey(), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        return true;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_SIZE);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make RSA keys", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
