package org.duban.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which tokens this service accepts ({@code duban.security.token.*}): those signed by the identity
 * provider's key — a JWKS address ({@code DUBAN_JWT_JWK_SET_URI}), or else a static PEM public key
 * ({@code DUBAN_JWT_PUBLIC_KEY_LOCATION}) — issued by {@code issuer} ({@code DUBAN_JWT_ISSUER}) for
 * {@code audience} ({@code DUBAN_JWT_AUDIENCE}). Up to {@code cacheSize} ({@code DUBAN_JWT_CACHE_SIZE}) verified
 * tokens are remembered ({@link CachingJwtDecoder}), as in the gateway; 0 turns that off.
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
}
