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
 *
 * @param issuer the {@code iss} a token must carry ({@code DUBAN_JWT_ISSUER})
 * @param audience the {@code aud} a token must carry ({@code DUBAN_JWT_AUDIENCE}; empty: the platform's default)
 * @param publicKeyLocation the identity provider's PEM public key, used when no JWKS address is set
 *        ({@code DUBAN_JWT_PUBLIC_KEY_LOCATION})
 * @param jwkSetUri the identity provider's JWKS address ({@code DUBAN_JWT_JWK_SET_URI}); wins over the public key
 * @param cacheSize how many verified tokens are remembered ({@code DUBAN_JWT_CACHE_SIZE}); 0 remembers none
 */
@ConfigurationProperties("duban.security.token")
public record TokenProperties(String issuer, String audience, Resource publicKeyLocation, String jwkSetUri,
        int cacheSize) {

    public String acceptedAudience() {
        return audience == null || audience.isBlank() ? TokenClaims.DEFAULT_AUDIENCE : audience;
    }
}
