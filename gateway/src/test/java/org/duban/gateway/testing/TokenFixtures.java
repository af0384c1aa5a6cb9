package org.duban.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The office's key pair for this test JVM, written to PEM files the gateway is pointed at, and tokens
 * signed the way the identity provider signs them.
 */
public final class TokenFixtures {

    private static final KeyPair OFFICE = generate();
    private static final KeyPair STRANGER = generate();
    private static final Path KEYS = writeOfficeKeys();

    private TokenFixtures() {
    }

    /** The issuer the gateway under test is told to accept ({@code DUBAN_JWT_ISSUER}). */
    public static final String ISSUER = "duban-test";

    public static String supervisorToken() {
        return sign(OFFICE, Duration.ofHours(1));
    }

    public static String expiredToken() {
        return sign(OFFICE, Duration.ofMinutes(-10));
    }

    public static String tokenSignedByAnotherKey() {
        return sign(STRANGER, Duration.ofHours(1));
    }

    public static String tokenOfAnotherIssuer() {
        return sign(OFFICE, "https://idp.elsewhere.example", "duban", List.of("SUPERVISOR"), null);
    }

    public static String tokenForAnotherAudience() {
        return sign(OFFICE, ISSUER, "another-system", List.of("SUPERVISOR"), null);
    }

    public static String tokenMixingAUnitWithTheOffice() {
        return sign(OFFICE, ISSUER, "duban", List.of("UNIT", "LEADER"), "unit-1");
    }

    public static String unitTokenWithoutItsUnit() {
        return sign(OFFICE, ISSUER, "duban", List.of("UNIT"), null);
    }

    /** Points a gateway under test at the office key and issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("DUBAN_JWT_PUBLIC_KEY_LOCATION", TokenFixtures::publicKeyLocation);
        registry.add("DUBAN_JWT_ISSUER", () -> ISSUER);
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) OFFICE.getPublic();
    }

    /** {@code file:} location of the X.509 PEM public key ({@code DUBAN_JWT_PUBLIC_KEY_LOCATION}). */
    public static String publicKeyLocation() {
        return KEYS.resolve("jwt-public.pem").toUri().toString();
    }

    /** {@code file:} location of the PKCS#8 PEM private key ({@code DUBAN_JWT_PRIVATE_KEY_LOCATION}). */
    public static String privateKeyLocation() {
        return KEYS.resolve("jwt-private.pem").toUri().toString();
    }

    private static String sign(KeyPair keys, Duration validFor) {
        return sign(keys, ISSUER, "duban", List.of("SUPERVISOR"), null, validFor);
    }

    private static String sign(KeyPair keys, String issuer, String audience, List<String> roles, String unitId) {
        return sign(keys, issuer, audience, roles, unitId, Duration.ofHours(1));
    }

    private static String sign(KeyPair keys, String issuer, String audience, List<String> roles, String unitId,
            Duration validFor) {
        Instant expires = Instant.now().plus(validFor);
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder()
                .subject("supervisor-1")
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(expires.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(expires))
                .claim("roles", roles);
        if (unitId != null) {
            body.claim("unitId", unitId);
        }
        JWTClaimsSet claims = body.build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writeOfficeKeys() {
        try {
            Path directory = Files.createTempDirectory("duban-gateway-keys");
            Files.writeString(directory.resolve("jwt-public.pem"), pem("PUBLIC KEY", OFFICE.getPublic().getEncoded()));
            Files.writeString(directory.resolve("jwt-private.pem"), pem("PRIVATE KEY", OFFICE.getPrivate().getEncoded()));
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
