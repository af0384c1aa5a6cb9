package org.duban.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;

import org.duban.contracts.token.TokenClaims;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one decoder of access tokens: the signature (JWKS or static key), expiry, issuer, audience, and the
 * platform's own rule that a token speaks for the office or for one unit ({@link TokenClaims}). A token
 * that fails any of them is not a token at all: 401, whatever the operation. Verified tokens are remembered for a
 * while ({@link CachingJwtDecoder}), their other checks repeated on every call.
 */
final class TokenValidation {

    private TokenValidation() {
    }

    static JwtDecoder decoder(TokenProperties properties, Environment environment) {
        NimbusJwtDecoder decoder = properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                : NimbusJwtDecoder.withPublicKey(publicKey(properties)).build();
        OAuth2TokenValidator<Jwt> validator = validator(properties, environment);
        decoder.setJwtValidator(validator);
        return properties.cacheSize() > 0
                ? new CachingJwtDecoder(decoder, validator, properties.cacheSize(), Clock.systemUTC())
                : decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(TokenProperties properties, Environment environment) {
        String issuer = TokenClaims.acceptedIssuer(properties.issuer(),
                environment.acceptsProfiles(Profiles.of("local")));
        String audience = properties.audience() == null || properties.audience().isBlank()
                ? TokenClaims.DEFAULT_AUDIENCE : properties.audience();
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                TokenValidation::claimsRule));
    }

    private static OAuth2TokenValidatorResult claimsRule(Jwt jwt) {
        return TokenClaims.refusal(jwt.getClaims().get(TokenClaims.ROLES), jwt.getClaims().get(TokenClaims.UNIT_ID))
                .map(reason -> OAuth2TokenValidatorResult.failure(
                        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null)))
                .orElseGet(OAuth2TokenValidatorResult::success);
    }

    private static RSAPublicKey publicKey(TokenProperties properties) {
        if (properties.publicKeyLocation() == null) {
            throw new IllegalStateException("Set DUBAN_JWT_JWK_SET_URI or DUBAN_JWT_PUBLIC_KEY_LOCATION: the key that"
                    + " verifies tokens");
        }
        try (InputStream pem = properties.publicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token public key at " + properties.publicKeyLocation(), e);
        }
    }
}
