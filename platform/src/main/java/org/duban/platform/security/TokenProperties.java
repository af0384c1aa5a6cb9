package org.duban.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Which tokens this service accepts ({@code duban.security.token.*}): those signed by the identity
 * provider's key — a JWKS address ({@code DUBAN_JWT_JWK_SET_URI}), or else a static PEM public key
 * ({@code DUBAN_JWT_PUBLIC_KEY_LOCATION}) — issued by {@code issuer} ({@code DUBAN_JWT_ISSUER}) for
 * {@code audience} ({@code DUBAN_JWT_AUDIENCE}).
 */
@ConfigurationProperties("duban.security.token")
public record TokenProperties(String issuer, String audience, Resource publicKeyLocation, String jwkSetUri) {
}
