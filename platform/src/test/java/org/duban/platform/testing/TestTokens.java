package org.duban.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs tokens the way the office's identity provider (or the gateway's dev issuer) does, with a key
 * pair made for this test JVM; the public half is written to a file the services are pointed at.
 */
public final class TestTokens {

    /** The issuer and audience the services under test are told to accept ({@link #properties()}). */
    public static final String ISSUER = "duban-test";
    public static final String AUDIENCE = "duban";

    private static KeyPair keys;
    private static Path publicKeyFile;
    private static Path privateKeyFile;

    private TestTokens() {
    }

    public static String supervisor(String subject) {
        return sign(subject, List.of("SUPERVISOR"), null, Duration.ofHours(1));
    }

    public static String leader(String subject) {
        return sign(subject, List.of("LEADER"), null, Duration.ofHours(1));
    }

    public static String unit(String subject, String unitId) {
        return sign(subject, List.of("UNIT"), unitId, Duration.ofHours(1));
    }

    public static String expired(String subject) {
        return sign(subject, List.of("SUPERVISOR"), null, Duration.ofMinutes(-10));
    }

    public static String sign(String subject, List<String> roles, String unitId, Duration validFor) {
        return sign(ISSUER, AUDIENCE, subject, roles, unitId, validFor);
    }

    /** A token as any issuer could sign it with the test key: for the tests of what is refused. */
    public static synchronized String sign(String issuer, String audience, String subject, List<String> roles,
            String unitId, Duration validFor) {
        try {
            Instant expires = Instant.now().plus(validFor);
            Instant issued = expires.minus(validFor.abs()).minus(validFor.abs());
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .subject(subject)
                    .issuer(issuer)
                    .audience(audience)
                    .issueTime(Date.from(issued))
                    .expirationTime(Date.from(expires))
                    .claim("roles", roles);
            if (unitId != null) {
                claims.claim("unitId", unitId);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys().getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The settings that make a service accept these tokens (and no others). */
    public static Map<String, String> properties() {
        return Map.of("duban.security.token.public-key-location", publicKeyLocation(),
                "duban.security.token.issuer", ISSUER,
                "duban.security.token.audience", AUDIENCE);
    }

    /** A {@code file:} location of the public key in PEM, for {@code DUBAN_JWT_PUBLIC_KEY_LOCATION}. */
    public static synchronized String publicKeyLocation() {
        keys();
        return publicKeyFile.toUri().toString();
    }

    /** A {@code file:} location of the private key in PKCS#8 PEM (for the gateway's dev issuer). */
    public static synchronized String privateKeyLocation() {
        keys();
        return privateKeyFile.toUri().toString();
    }

    private static synchronized KeyPair keys() {
        if (keys == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                keys = generator.generateKeyPair();
                Path directory = Files.createTempDirectory("duban-test-keys");
                publicKeyFile = directory.resolve("jwt-public.pem");
                privateKeyFile = directory.resolve("jwt-private.pem");
                Files.writeString(publicKeyFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
                Files.writeString(privateKeyFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return keys;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
