package org.duban.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;

import org.duban.contracts.token.TokenClaims;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The gateway's decoder of access tokens, with the checks every service makes again: signature (JWKS or
 * static key), expiry, issuer, audience, and that a token speaks for the office or for one unit
 * ({@link TokenClaims}). The dev issuer is accepted only where the {@code local} profile runs. Verified tokens
 * are remembered for a while ({@link CachingJwtDecoder}), their other checks repeated on every call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TokenProperties.class)
class TokenValidation {

    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenProperties properties, Environment environment) {
        NimbusReactiveJwtDecoder decoder = properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build()
                : NimbusReactiveJwtDecoder.withPublicKey(publicKey(properties)).build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(TokenClaims.acceptedIssuer(properties.issuer(),
                        environment.acceptsProfiles(Profiles.of("local")))),
                new JwtAudienceValidator(properties.acceptedAudience()),
                TokenValidation::claimsRule));
        decoder.setJwtValidator(validator);
        return properties.cacheSize() > 0
                ? new CachingJwtDecoder(decoder, validator, properties.cacheSize(), Clock.systemUTC())
                : decoder;
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
