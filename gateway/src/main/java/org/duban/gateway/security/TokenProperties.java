package org.duban.gateway.security;

import org.duban.contracts.token.TokenClaims;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which tokens the gateway lets through ({@code duban.security.token.*}, the same settings as every
 * service's): signed by the identity provider's key — its JWKS address ({@code DUBAN_JWT_JWK_SET_URI}) or
 * else a static PEM public key ({@code DUBAN_JWT_PUBLIC_KEY_LOCATION}) —, issued by {@code issuer}
 * ({@code DUBAN_JWT_ISSUER}) for {@code audience} ({@code DUBAN_JWT_AUDIENCE}). Up to {@code cacheSize}
 * ({@code DUBAN_JWT_CACHE_SIZE}) verified tokens are remembered ({@link CachingJwtDecoder}); 0 turns that off.
 */
@ConfigurationProperties("duban.security.token")
public record TokenProperties(String issuer, String audience, Resource publicKeyLocation, String jwkSetUri,
        int cacheSize) {

    public String acceptedAudience() {
        return audience == null || audience.isBlank() ? TokenClaims.DEFAULT_AUDIENCE : audience;
    }
}
