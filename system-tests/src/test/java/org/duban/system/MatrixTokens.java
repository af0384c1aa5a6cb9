package org.duban.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duban.contracts.access.CallerKind;

/**
 * The tokens of the matrix's callers, signed RS256 here: with the key the local platform trusts (its dev
 * token key in the data directory) for every caller but the forged one, which is signed with a key made for
 * the run. The unusable ones differ from a supervisor's token in one thing each: signature, expiry, issuer,
 * audience, or roles mixing a unit with the office.
 */
final class MatrixTokens {

    static final String ISSUER = "duban-local";
    static final String AUDIENCE = "duban";

    private final PrivateKey platformKey;
    private final PrivateKey foreignKey;

    MatrixTokens(Path platformPrivateKey) {
        try {
            String pem = Files.readString(platformPrivateKey).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            platformKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                    Base64.getDecoder().decode(pem)));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            foreignKey = generator.generateKeyPair().getPrivate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String supervisor() {
        return sign(platformKey, claims("matrix.supervisor", List.of("SUPERVISOR"), null));
    }

    String unit(String unitId) {
        return sign(platformKey, claims("matrix.clerk", List.of("UNIT"), unitId));
    }

    /** The token the caller presents, or null for none. */
    String of(CallerKind caller, String owningUnit, String otherUnit) {
        return switch (caller) {
            case NO_TOKEN -> null;
            case FORGED_SIGNATURE -> sign(foreignKey, claims("matrix.supervisor", List.of("SUPERVISOR"), null));
            case EXPIRED -> {
                Map<String, Object> claims = claims("matrix.supervisor", List.of("SUPERVISOR"), null);
                Instant issued = Instant.now().minus(Duration.ofHours(13));
                claims.put("iat", issued.getEpochSecond());
                claims.put("exp", issued.plus(Duration.ofHours(12)).getEpochSecond());
                yield sign(platformKey, claims);
            }
            case WRONG_ISSUER -> {
                Map<String, Object> claims = claims("matrix.supervisor", List.of("SUPERVISOR"), null);
                claims.put("iss", "https://idp.example.org/realms/elsewhere");
                yield sign(platformKey, claims);
            }
            case WRONG_AUDIENCE -> {
                Map<String, Object> claims = claims("matrix.supervisor", List.of("SUPERVISOR"), null);
                claims.put("aud", "another-application");
                yield sign(platformKey, claims);
            }
            case MIXED_ROLES -> sign(platformKey, claims("matrix.mixed", List.of("UNIT", "SUPERVISOR"), owningUnit));
            case SUPERVISOR -> supervisor();
            case LEADER -> sign(platformKey, claims("matrix.leader", List.of("LEADER"), null));
            case OWNING_UNIT -> unit(owningUnit);
            case OTHER_UNIT -> unit(otherUnit);
        };
    }

    private static Map<String, Object> claims(String subject, List<String> roles, String unitId) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", subject);
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        claims.put("roles", roles);
        if (unitId != null) {
            claims.put("unitId", unitId);
        }
        return claims;
    }

    private static String sign(PrivateKey key, Map<String, Object> claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String signed = base64.encodeToString(GatewayCalls.json(Map.of("alg", "RS256", "typ", "JWT"))
                .getBytes(StandardCharsets.UTF_8)) + "." + base64.encodeToString(GatewayCalls.json(claims)
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + base64.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
